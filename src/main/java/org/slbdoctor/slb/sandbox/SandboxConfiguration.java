package org.slbdoctor.slb.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox beans, present only in sandbox mode ({@code slbdoctor.sandbox.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("slbdoctor.sandbox.enabled")
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    @Bean
    SandboxScenarios sandboxScenarios(SandboxProperties props) {
        SandboxScenarios scenarios = SandboxScenarios.fromClasspath();
        if (props.generatedInstances() > 0) {
            scenarios.addFleet(props.generatedInstances(), props.generatedListeners(), props.generatedBackends());
        }
        return scenarios;
    }

    @Bean
    SandboxFaults sandboxFaults(SandboxProperties props) {
        SandboxFaults faults = new SandboxFaults();
        faults.setLatencyMillis(props.faults().latencyMs());
        faults.setThrottleStatus(props.faults().throttleStatus());
        faults.setThrottleMaxCallsPerSecond(props.faults().throttleMaxCallsPerSecond());
        props.faults().actions().forEach(faults::inject);
        return faults;
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    SandboxServer sandboxServer(SandboxScenarios scenarios, SandboxFaults faults, SandboxProperties props) {
        String secret = props.accessKeySecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        }
        return new SandboxServer(scenarios, faults, props.accessKeyId(), secret, props.port());
    }
}
