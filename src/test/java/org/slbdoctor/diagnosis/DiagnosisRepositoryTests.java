package org.slbdoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.SessionFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@DataJpaTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({DiagnosisService.class, DiagnosisStore.class, DiagnosisCodec.class})
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:diagnosisrepo;DB_CLOSE_DELAY=-1",
        "spring.jpa.properties.hibernate.generate_statistics=true",
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=org.slbdoctor.diagnosis.DiagnosisRepositoryTests$Sql"})
class DiagnosisRepositoryTests {

    /** Records every SQL statement Hibernate prepares, to see which columns a listing reads. */
    public static class Sql implements StatementInspector {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public String inspect(String sql) {
            SEEN.add(sql);
            return sql;
        }
    }

    // run() is not exercised here: its collaborators only need to exist
    @MockitoBean org.slbdoctor.slb.SlbCollector collector;
    @MockitoBean org.slbdoctor.observation.ObservationService observations;
    @MockitoBean org.slbdoctor.checklist.Checklist checklist;
    @MockitoBean org.slbdoctor.artifact.ArtifactService artifacts;
    @MockitoBean org.slbdoctor.checklist.CheckSettings settings;

    @Autowired DiagnosisService service;
    @Autowired DiagnosisRepository diagnoses;
    @Autowired SlbInstanceRepository instances;
    @Autowired EntityManager em;

    SlbInstance instance;

    @BeforeEach
    void register() {
        instance = instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.now(), "admin"));
    }

    @Test
    void storesAndReadsBackEverythingAndMovesTheInstanceVerdict() {
        var stored = service.store(Fixtures.run(Instant.parse("2026-11-23T10:00:00Z"),
                Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 60)),
                Fixtures.findings("health-check", Status.FAIL)));
        em.flush();
        em.clear();

        DiagnosisRecord back = service.get(Fixtures.LB, stored.id());
        assertThat(back.verdict()).isEqualTo(Status.FAIL);
        assertThat(back.findings()).extracting(f -> f.checkId()).containsExactlyElementsOf(Fixtures.CHECK_IDS);
        var health = back.finding("health-check").orElseThrow();
        assertThat(health.evidence()).hasSize(2);
        assertThat(health.evidence().get(1).artifactName()).isEqualTo("web-1 error.log");
        assertThat(health.evidence().get(1).lineNumber()).isEqualTo(7);
        assertThat(back.snapshot().calls()).extracting(c -> c.requestId()).contains("REQ-ATTR-1", "REQ-HS-1");
        assertThat(back.snapshot().calls().get(0).rawJson()).contains("REQ-ATTR-1");
        assertThat(back.snapshot().health()).hasSize(2);
        assertThat(back.artifactIds()).containsExactly(41L);
        assertThat(back.artifacts().get(0).excerpt().get(0).lineNumber()).isEqualTo(7);
        assertThat(back.observationsVersion()).isEqualTo(3);
        assertThat(back.complete()).isTrue();
        assertThat(back.apiCalls()).isEqualTo(3);

        SlbInstance reread = instances.findByLoadBalancerId(Fixtures.LB).orElseThrow();
        assertThat(reread.getLastDiagnosisId()).isEqualTo(stored.id());
        assertThat(reread.getLastVerdict()).isEqualTo(Status.FAIL);
        assertThat(reread.getFailCount()).isEqualTo(1);
        assertThat(reread.getName()).isEqualTo("web-prod 生产 <b>");
        assertThat(reread.getAddress()).isEqualTo("47.0.0.1");
        assertThat(service.latestSnapshot(reread)).get().satisfies(s -> {
            assertThat(s.diagnosisId()).isEqualTo(stored.id());
            assertThat(s.listeners()).hasSize(1);
        });
    }

    @Test
    void historyIsNewestFirstAndReadsNeitherFindingsNorSnapshots() {
        for (int i = 0; i < 3; i++) {
            service.store(Fixtures.run(Instant.parse("2026-11-23T10:00:00Z").plusSeconds(60L * i),
                    Fixtures.snapshot("normal", Fixtures.http(80, "running", "on", 60)),
                    Fixtures.findings("web-app", i == 1 ? Status.FAIL : Status.PASS)));
        }
        em.flush();
        em.clear();
        Statistics stats = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        Sql.SEEN.clear();

        DiagnosisPage page = service.history(Fixtures.LB, 0, 2);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).createdAt()).isAfter(page.items().get(1).createdAt());
        assertThat(page.items().get(1).verdict()).isEqualTo(Status.FAIL);
        // the instance lookup, the page, the count: nothing per row
        assertThat(stats.getPrepareStatementCount()).isLessThanOrEqualTo(3);
        assertThat(stats.getCollectionFetchCount()).isZero();
        assertThat(stats.getEntityLoadCount()).isLessThanOrEqualTo(1); // the instance itself
        assertThat(Sql.SEEN).noneMatch(sql -> sql.contains("snapshot_json") || sql.contains("evidence_json")
                || sql.contains("from finding"));
        assertThat(service.history(Fixtures.LB, 1, 2).items()).hasSize(1);
        assertThat(service.history(Fixtures.LB, 0, 100_000).size()).isEqualTo(500);
    }

    @Test
    void aDiagnosisOfAnotherInstanceIsNotFoundUnderThisOne() {
        var stored = service.store(Fixtures.run(Instant.now(), Fixtures.healthFailed(),
                Fixtures.findings("health-check", Status.UNKNOWN)));
        instances.save(new SlbInstance("lb-other000000000000001", "cn-hangzhou", Instant.now(), "admin"));

        assertThatThrownBy(() -> service.get("lb-other000000000000001", stored.id()))
                .isInstanceOf(DiagnosisNotFound.class);
        assertThatThrownBy(() -> service.get("lb-nope", stored.id())).isInstanceOf(DiagnosisNotFound.class);
        assertThatThrownBy(() -> service.history("lb-nope", 0, 50)).isInstanceOf(DiagnosisNotFound.class);
        DiagnosisRecord back = service.get(Fixtures.LB, stored.id());
        assertThat(back.complete()).isFalse();
        assertThat(back.toView().collection().errors()).singleElement()
                .satisfies(e -> assertThat(e.requestId()).isEqualTo("REQ-HS-9"));
    }

    @Test
    void deletingTheInstanceDeletesItsDiagnoses() {
        service.store(Fixtures.run(Instant.now(), Fixtures.healthFailed(), Fixtures.findings("web-app", Status.PASS)));
        em.flush();
        em.clear();
        instances.delete(instances.findByLoadBalancerId(Fixtures.LB).orElseThrow());
        em.flush();
        assertThat(diagnoses.count()).isZero();
        assertThat(em.createNativeQuery("select count(*) from finding").getSingleResult()).isEqualTo(0L);
    }
}
