package org.slbdoctor.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slbdoctor.checklist.TestSnapshots.observed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slbdoctor.observation.Observations.Scope;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ChecklistTests {

    /** CHECKLIST.md's ids in its order; used when the spec is not beside the project (see below). */
    private static final List<String> EXPECTED_IDS = List.of("instance-state", "icp-antiddos", "client-blocked",
            "backend-firewall", "kernel-rp-filter", "backend-capacity", "health-check", "web-app", "header-size",
            "loopback-access");

    static AnnotationConfigApplicationContext context;
    static Checklist checklist;

    @BeforeAll
    static void scan() {
        context = new AnnotationConfigApplicationContext("org.slbdoctor.checklist");
        checklist = context.getBean(Checklist.class);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    /** The check ids of CHECKLIST.md (### `id` headings), read from ../shared/spec when reachable. */
    static List<String> specIds() throws IOException {
        for (String candidate : List.of("../shared/spec/CHECKLIST.md", "../../shared/spec/CHECKLIST.md")) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) {
                List<String> ids = new ArrayList<>();
                Matcher m = Pattern.compile("(?m)^### `([a-z0-9-]+)`").matcher(Files.readString(path));
                while (m.find()) {
                    ids.add(m.group(1));
                }
                assertThat(ids).as("ids parsed from " + path).isNotEmpty();
                return ids;
            }
        }
        return EXPECTED_IDS;
    }

    @Test
    void checkIdsAreExactlyThoseOfTheChecklistEachOnceInItsOrder() throws IOException {
        List<String> ids = checklist.checks().stream().map(Check::id).toList();
        assertThat(ids).containsExactlyElementsOf(specIds());
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyCheckIsNamedFromItsIdAndLivesInTheChecksPackage() {
        for (Check check : checklist.checks()) {
            StringBuilder expected = new StringBuilder();
            for (String part : check.id().split("-")) {
                expected.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            String name = check.getClass().getSimpleName();
            assertThat(name.equalsIgnoreCase(expected + "Check")).as(name + " for " + check.id()).isTrue();
            assertThat(check.getClass().getPackageName()).isEqualTo("org.slbdoctor.checklist.checks");
        }
    }

    @Test
    void everyCheckDeclaresEnglishAndChineseTitleAndResolution() {
        for (Check check : checklist.checks()) {
            CheckMetadata m = check.metadata();
            assertThat(m.titleEn()).as(check.id()).isNotBlank();
            assertThat(m.resolutionEn()).as(check.id()).isNotBlank();
            assertThat(m.titleZh()).as(check.id()).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(m.resolutionZh()).as(check.id()).isNotBlank().matches("(?s).*\\p{IsHan}.*");
            assertThat(check.title(Locale.SIMPLIFIED_CHINESE)).isEqualTo(m.titleZh());
            assertThat(check.resolution(Locale.ENGLISH)).isEqualTo(m.resolutionEn());
            assertThat(check.guideSection()).isNotBlank();
        }
    }

    @Test
    void guideSectionsFollowTheGuide() {
        assertThat(checklist.checks()).extracting(Check::guideSection)
                .containsExactly("—", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void runGivesOneFindingPerCheckAndTheWorstStatusAsVerdict() {
        ChecklistResult result = checklist.run(TestSnapshots.healthyWeb()
                .with(observed().scope(Scope.ALL_CLIENTS).backendCpuPercent(95.0)));
        assertThat(result.findings()).extracting(Finding::checkId).containsExactlyElementsOf(EXPECTED_IDS);
        assertThat(result.verdict()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.summary()).isNotBlank();
            assertThat(f.resolution()).isNotBlank();
            assertThat(f.title()).isNotBlank();
            if (f.status() == Status.UNKNOWN) {
                assertThat(f.missing()).as(f.checkId()).isNotEmpty();
            }
        });
    }

    @Test
    void verdictOrderIsFailWarnUnknownPassNotApplicable() {
        assertThat(Status.worst(List.of(Status.PASS, Status.NOT_APPLICABLE))).isEqualTo(Status.PASS);
        assertThat(Status.worst(List.of(Status.PASS, Status.UNKNOWN))).isEqualTo(Status.UNKNOWN);
        assertThat(Status.worst(List.of(Status.WARN, Status.UNKNOWN))).isEqualTo(Status.WARN);
        assertThat(Status.worst(List.of(Status.WARN, Status.FAIL, Status.PASS))).isEqualTo(Status.FAIL);
        assertThat(Status.worst(List.of(Status.NOT_APPLICABLE))).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aThrowingCheckBecomesUnknownWithoutSinkingTheRun() {
        Check broken = new Check() {
            @Override
            public CheckMetadata metadata() {
                return new CheckMetadata("broken", "0", "Never breaks", "从不出错", "Fix it", "修复");
            }

            @Override
            public Finding evaluate(EvidenceSnapshot evidence) {
                throw new IllegalStateException("boom");
            }
        };
        List<Check> checks = new ArrayList<>(checklist.checks());
        checks.add(0, broken);
        ChecklistResult result = new Checklist(checks).run(TestSnapshots.healthyWeb().bare());
        assertThat(result.findings()).hasSize(11);
        Finding f = result.findings().get(0);
        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.summary()).contains("IllegalStateException: boom");
        assertThat(result.findings().get(1).checkId()).isEqualTo("instance-state");
    }

    @Test
    void aCompletelyFailedCollectionStillGivesEveryFinding() {
        ChecklistResult result = checklist.run(TestSnapshots.healthyWeb()
                .failed("DescribeLoadBalancerAttribute", "InvalidAccessKeyId.NotFound").failed("DescribeLoadBalancerListeners", "InvalidAccessKeyId.NotFound")
                .failed("DescribeHealthStatus", "InvalidAccessKeyId.NotFound").failed("DescribeVServerGroups", "InvalidAccessKeyId.NotFound")
                .failed("DescribeRules", "InvalidAccessKeyId.NotFound").bare());
        assertThat(result.findings()).hasSize(10);
        assertThat(result.findings()).filteredOn(f -> List.of("instance-state", "health-check", "kernel-rp-filter",
                "header-size").contains(f.checkId()))
                .allSatisfy(f -> {
                    assertThat(f.status()).isEqualTo(Status.UNKNOWN);
                    assertThat(f.missing()).anyMatch(m -> m.startsWith("api:") && m.endsWith("(InvalidAccessKeyId.NotFound)"));
                });
    }
}
