package org.slbdoctor.support;

import java.util.Arrays;
import org.slbdoctor.SlbDoctorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application the way {@code java -jar} does, with the given properties as
 * command-line arguments (they override application.yml; SpringApplicationBuilder.properties()
 * would not: those are defaults). Used by tests that start, stop and restart the app themselves.
 */
public final class TestApps {

    private TestApps() {
    }

    /** @param properties "key=value" pairs; the server listens on a random port, JMX is off */
    public static ConfigurableApplicationContext start(String... properties) {
        String[] args = Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new);
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.jmx.enabled=false";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(SlbDoctorApplication.class).run(all);
    }
}
