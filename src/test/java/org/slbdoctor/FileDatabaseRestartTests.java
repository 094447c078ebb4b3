package org.slbdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.security.AppUserRepository;
import org.slbdoctor.security.Role;
import org.slbdoctor.security.UserService;
import org.slbdoctor.support.TestApps;
import org.springframework.context.ConfigurableApplicationContext;

/** The default storage is an H2 file: what was saved before a restart is there after it. */
class FileDatabaseRestartTests {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartOnTheSameFile() {
        String url = "jdbc:h2:file:" + dir.resolve("slbdoctor") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext first = start(url)) {
            SlbInstance instance = new SlbInstance("lb-restart", "cn-hangzhou", Instant.parse("2026-01-02T03:04:05Z"), "admin");
            instance.describedAs("门户-prod", "47.0.0.9", "internet", "vpc", "active");
            instance.diagnosed(7, Instant.parse("2026-01-02T04:00:00Z"), Status.WARN, 0, 2, 1);
            first.getBean(SlbInstanceRepository.class).save(instance);
            first.getBean(UserService.class).create("ops-lead", "ops-lead-password", Role.OPERATOR);
        }
        assertThat(Files.exists(dir.resolve("slbdoctor.mv.db"))).as("H2 file on disk").isTrue();
        try (ConfigurableApplicationContext second = start(url)) {
            SlbInstance reloaded = second.getBean(SlbInstanceRepository.class).findByLoadBalancerId("lb-restart").orElseThrow();
            assertThat(reloaded.getName()).isEqualTo("门户-prod");
            assertThat(reloaded.getLastVerdict()).isEqualTo(Status.WARN);
            assertThat(reloaded.getRegisteredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(second.getBean(AppUserRepository.class).findByUsername("ops-lead").orElseThrow().getRole())
                    .isEqualTo(Role.OPERATOR);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return TestApps.start("spring.datasource.url=" + url, "slbdoctor.admin.password=restart-test-admin");
    }
}
