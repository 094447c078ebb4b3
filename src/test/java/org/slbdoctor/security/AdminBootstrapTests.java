package org.slbdoctor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slbdoctor.support.TestApps;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** API.md: slbdoctor.admin.password sets admin's password; unset on first start, one is generated and logged once. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    private static final Pattern GENERATED = Pattern.compile("generated password: (\\S+)");

    @TempDir
    Path dir;

    @Test
    void generatedPasswordIsLoggedOnceAndWorks(CapturedOutput output) {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        String password;
        try (ConfigurableApplicationContext first = start(url, null)) {
            Matcher m = GENERATED.matcher(output.getAll());
            assertThat(m.find()).as("generated password in the log").isTrue();
            password = m.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(matches(first, password)).isTrue();
            assertThat(m.find()).as("logged only once").isFalse();
        }
        int logLengthAfterFirstStart = output.getAll().length();
        try (ConfigurableApplicationContext second = start(url, null)) {
            String secondStartLog = output.getAll().substring(logLengthAfterFirstStart);
            assertThat(secondStartLog).doesNotContain("generated password").doesNotContain(password);
            assertThat(matches(second, password)).as("same admin, same password after restart").isTrue();
        }
    }

    @Test
    void configuredPasswordCreatesThenUpdatesAdminAndIsNeverLogged(CapturedOutput output) {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext context = start(url, "first-configured-pw")) {
            assertThat(matches(context, "first-configured-pw")).isTrue();
            AppUser admin = context.getBean(AppUserRepository.class).findByUsername("admin").orElseThrow();
            assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
            assertThat(admin.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("first-configured-pw");
            // the admin disables itself by some accident: the configured password is the way back in
            context.getBean(UserService.class).setEnabled(admin.getId(), false, "someone-else");
        }
        try (ConfigurableApplicationContext context = start(url, "second-configured-pw")) {
            assertThat(matches(context, "second-configured-pw")).isTrue();
            assertThat(matches(context, "first-configured-pw")).isFalse();
            assertThat(context.getBean(AppUserRepository.class).findByUsername("admin").orElseThrow().isEnabled()).isTrue();
        }
        assertThat(output.getAll())
                .doesNotContain("first-configured-pw")
                .doesNotContain("second-configured-pw")
                .doesNotContain("generated password");
    }

    private static boolean matches(ConfigurableApplicationContext context, String password) {
        String hash = context.getBean(AppUserRepository.class).findByUsername("admin").orElseThrow().getPasswordHash();
        return context.getBean(PasswordEncoder.class).matches(password, hash);
    }

    static ConfigurableApplicationContext start(String url, String adminPassword) {
        return adminPassword == null
                ? TestApps.start("spring.datasource.url=" + url)
                : TestApps.start("spring.datasource.url=" + url, "slbdoctor.admin.password=" + adminPassword);
    }
}
