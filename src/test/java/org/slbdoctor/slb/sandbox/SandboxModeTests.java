package org.slbdoctor.slb.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slbdoctor.slb.SlbCollector;
import org.slbdoctor.slb.SlbSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

class SandboxModeTests {

    private static boolean decide(MockEnvironment env) {
        new SandboxModeEnvironmentPostProcessor().postProcessEnvironment(env, null);
        return Boolean.parseBoolean(env.getProperty("slbdoctor.sandbox.enabled"));
    }

    @Test
    void onWithoutCredentialsOrEndpointOffOtherwise() {
        assumeFalse(SandboxModeEnvironmentPostProcessor.credentialsConfigured(new MockEnvironment()),
                "this machine has Alibaba Cloud credentials configured");
        assertThat(decide(new MockEnvironment())).isTrue();
        assertThat(decide(new MockEnvironment().withProperty("slbdoctor.aliyun.endpoint", "http://127.0.0.1:9000"))).isFalse();
        assertThat(decide(new MockEnvironment().withProperty("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tReal"))).isFalse();
        assertThat(decide(new MockEnvironment().withProperty("slbdoctor.sandbox.enabled", "false"))).isFalse();
        assertThat(decide(new MockEnvironment().withProperty("slbdoctor.sandbox.enabled", "true")
                .withProperty("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tReal"))).isTrue();
    }

    @Nested
    @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:sandboxmode;DB_CLOSE_DELAY=-1",
            "slbdoctor.sandbox.enabled=true"})
    class InTheApplication {

        @Autowired
        Environment env;

        @Autowired
        SlbCollector collector;

        @Autowired
        SandboxServer sandbox;

        @Autowired
        ApplicationContext context;

        @Test
        void theAppsOwnClientTalksToTheSandboxOverLoopback() {
            assertThat(env.getProperty("slbdoctor.sandbox.enabled", Boolean.class)).isTrue();
            assertThat(sandbox.endpoint()).startsWith("http://127.0.0.1:");
            SlbSnapshot s = collector.collect("cn-hongkong", "lb-j6c0hk0healthy1m3o5q7s");
            assertThat(s.complete()).isTrue();
            assertThat(s.instance().name()).isEqualTo("香港-官网");
            assertThat(sandbox.faults().calls()).contains("DescribeLoadBalancerAttribute");
        }
    }

    @Nested
    @SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:realmode;DB_CLOSE_DELAY=-1",
            "slbdoctor.aliyun.endpoint=http://127.0.0.1:9"})
    class WithAnEndpoint {

        @Autowired
        Environment env;

        @Autowired
        ApplicationContext context;

        @Test
        void noSandbox() {
            assertThat(env.getProperty("slbdoctor.sandbox.enabled", Boolean.class)).isFalse();
            assertThat(context.getBeanNamesForType(SandboxServer.class)).isEmpty();
        }
    }
}
