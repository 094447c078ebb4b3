package org.slbdoctor.slb;

import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import java.time.Clock;
import java.time.Duration;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.slbdoctor.slb.sandbox.SandboxScenarios;
import org.slbdoctor.slb.sandbox.SandboxServer;

/**
 * A sandbox on a free loopback port and the real SDK client pointed at it, for tests: hold it in a
 * static {@code @AutoClose} field so the server stops after the class.
 */
final class SandboxFixture implements AutoCloseable {

    static final String AK = "LTAI5tTestKey000000001";
    static final String SECRET = "test-secret-0123456789";

    final SandboxScenarios scenarios = SandboxScenarios.fromClasspath();
    final SandboxFaults faults = new SandboxFaults();
    final SandboxServer server = new SandboxServer(scenarios, faults, AK, SECRET, 0);

    SandboxFixture() {
        server.start();
    }

    /** Fast retries so error tests finish quickly; no client-side rate limit. */
    SlbProperties settings() {
        return new SlbProperties(server.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(5), 4, Duration.ofSeconds(5),
                Duration.ofMillis(10), Duration.ofMillis(50), 0.0, 20, 16);
    }

    SlbClient client() {
        return client(settings(), AK, SECRET);
    }

    SlbClient client(SlbProperties settings, String ak, String secret) {
        return new SlbClient(settings, new StaticCredentialsProvider(new BasicCredentials(ak, secret)));
    }

    SlbCollector collector() {
        return SlbCollector.withOwnThreads(client(), Clock.systemUTC());
    }

    /** No faults injected, no calls counted: each test starts from a well-behaved API. */
    void reset() {
        faults.reset();
        faults.resetCalls();
    }

    @Override
    public void close() {
        server.stop();
    }
}
