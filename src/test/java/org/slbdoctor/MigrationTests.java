package org.slbdoctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.security.AppUserRepository;
import org.slbdoctor.support.TestApps;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every Flyway migration runs on H2 and on PostgreSQL, and the JPA mapping validates against the
 * result ({@code ddl-auto=validate}). PostgreSQL comes from {@code .ci/run} through
 * SLBDOCTOR_TEST_POSTGRES_URL / _USER / _PASSWORD; each run uses its own schema and drops it.
 */
class MigrationTests {

    static final String PG_URL = "SLBDOCTOR_TEST_POSTGRES_URL";

    @Test
    void migrationsRunOnH2() {
        try (ConfigurableApplicationContext context = start("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", null)) {
            assertSchemaWorks(context);
        }
    }

    @Test
    void migrationsRunOnPostgreSql() throws Exception {
        String url = System.getenv(PG_URL);
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail(PG_URL + " is not set: under CI the PostgreSQL migration test must run (.ci/run sets it)");
            }
            System.err.println("SKIPPED migrationsRunOnPostgreSql: " + PG_URL + " is not set (run .ci/run to get a PostgreSQL)");
            Assumptions.abort(PG_URL + " not set; PostgreSQL migration test skipped outside CI");
        }
        String user = System.getenv().getOrDefault("SLBDOCTOR_TEST_POSTGRES_USER", "slbdoctor");
        String password = System.getenv().getOrDefault("SLBDOCTOR_TEST_POSTGRES_PASSWORD", "");
        String schema = "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (ConfigurableApplicationContext context = start(schemaUrl, user, password, schema)) {
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("select current_schema()", String.class))
                    .isEqualTo(schema);
            assertSchemaWorks(context);
        } finally {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void assertSchemaWorks(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Integer failed = jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" = false", Integer.class);
        assertThat(failed).isZero();
        assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"version\" is not null", String.class))
                .contains("1", "2");
        SlbInstanceRepository instances = context.getBean(SlbInstanceRepository.class);
        SlbInstance saved = instances.save(new SlbInstance("lb-migration", "cn-beijing", Instant.now(), "admin"));
        assertThat(instances.findByLoadBalancerId("lb-migration")).map(SlbInstance::getId).contains(saved.getId());
        assertThat(context.getBean(AppUserRepository.class).findByUsername("admin")).isPresent();
    }

    private static ConfigurableApplicationContext start(String url, String user, String password, String schema) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password,
                "slbdoctor.admin.password=migration-test-admin"));
        if (schema != null) {
            properties.add("spring.flyway.schemas=" + schema);
            properties.add("spring.flyway.default-schema=" + schema);
        }
        return TestApps.start(properties.toArray(String[]::new));
    }
}
