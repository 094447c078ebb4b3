package org.slbdoctor.slb.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides sandbox mode when {@code slbdoctor.sandbox.enabled} is not set: on when no Alibaba Cloud
 * credentials can be found and no {@code slbdoctor.aliyun.endpoint} is configured. The effective
 * value is always published as the property {@code slbdoctor.sandbox.enabled}, so the banner and
 * every condition read the same answer.
 *
 * <p>Credentials are detected without calling anything (the ECS metadata service would hang off
 * Alibaba Cloud): the variables and files the default credential chain reads.
 */
public class SandboxModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "slbdoctor.sandbox.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String explicit = env.getProperty(PROPERTY);
        boolean enabled;
        if (explicit != null && !explicit.isBlank()) {
            enabled = Boolean.parseBoolean(explicit.trim());
        } else {
            String endpoint = env.getProperty("slbdoctor.aliyun.endpoint");
            enabled = (endpoint == null || endpoint.isBlank()) && !credentialsConfigured(env);
        }
        env.getPropertySources().addFirst(new MapPropertySource("slbdoctorSandboxMode", Map.of(PROPERTY, enabled)));
    }

    static boolean credentialsConfigured(ConfigurableEnvironment env) {
        if (hasText(env.getProperty("ALIBABA_CLOUD_ACCESS_KEY_ID")) || hasText(env.getProperty("alibabacloud.accessKeyId"))
                || hasText(env.getProperty("ALIBABA_CLOUD_ECS_METADATA"))
                || hasText(env.getProperty("ALIBABA_CLOUD_ROLE_ARN"))
                || hasText(env.getProperty("ALIBABA_CLOUD_CREDENTIALS_URI"))) {
            return true;
        }
        String file = env.getProperty("ALIBABA_CLOUD_CREDENTIALS_FILE");
        String home = System.getProperty("user.home", "");
        return (hasText(file) && Files.isReadable(Path.of(file)))
                || Files.isReadable(Path.of(home, ".alibabacloud", "credentials"))
                || Files.isReadable(Path.of(home, ".aliyun", "config.json"));
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles) has been loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
