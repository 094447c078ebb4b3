package org.slbdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.diagnosis.DiagnosisRepository;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Fleet scans end to end: the real SDK against the sandbox over HTTP, 5 generated instances in
 * cn-hangzhou plus one in cn-hongkong, one diagnosis at a time so that cancelling is predictable.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:fleetscan;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=true", "slbdoctor.sandbox.generated-instances=5",
        "slbdoctor.sandbox.generated-listeners=3", "slbdoctor.fleet.concurrency=1",
        "slbdoctor.aliyun.backoff-base=20ms"})
@AutoConfigureMockMvc
class FleetScanTests {

    static final List<String> FLEET = List.of("lb-bp1gen00000000000000", "lb-bp1gen00000000000001",
            "lb-bp1gen00000000000002", "lb-bp1gen00000000000003", "lb-bp1gen00000000000004");
    static final String HONG_KONG = "lb-j6c0hk0healthy1m3o5q7s";
    static final RequestPostProcessor OPERATOR = user("olga").roles("OPERATOR");
    static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired SlbInstanceRepository instances;
    @Autowired DiagnosisRepository diagnoses;
    @Autowired SandboxFaults faults;
    @Autowired FleetScanService scans;

    @BeforeEach
    void register() {
        for (String lb : FLEET) {
            if (!instances.existsByLoadBalancerId(lb)) {
                instances.save(new SlbInstance(lb, "cn-hangzhou", Instant.now(), "olga"));
            }
        }
        if (!instances.existsByLoadBalancerId(HONG_KONG)) {
            instances.save(new SlbInstance(HONG_KONG, "cn-hongkong", Instant.now(), "olga"));
        }
    }

    @AfterEach
    void stopScans() throws Exception {
        scans.latest().filter(p -> p.state().active()).ifPresent(p -> scans.cancel(p.id(), "test"));
        scans.latest().ifPresent(p -> awaitEnd(p.id()));
        faults.reset();
    }

    private JsonNode start(String body) throws Exception {
        var request = post("/api/fleet-scans").with(OPERATOR);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String answer = mvc.perform(request)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/fleet-scans/")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    private FleetScanProgress awaitEnd(long id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            FleetScanProgress p = scans.get(id);
            if (!p.state().active()) {
                return p;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("fleet scan " + id + " did not end within 60 s: " + scans.get(id));
    }

    @Test
    void diagnosesEveryInstanceOfTheRegionAndRetriesThrottling() throws Exception {
        faults.throttleNextCalls(3);
        long diagnosesBefore = diagnoses.count();
        JsonNode started = start("{\"regionId\":\"cn-hangzhou\"}");
        assertThat(started.get("total").asInt()).isEqualTo(5);
        assertThat(started.get("regionId").asString()).isEqualTo("cn-hangzhou");
        assertThat(started.get("startedBy").asString()).isEqualTo("olga");
        long id = started.get("id").asLong();

        awaitEnd(id);
        mvc.perform(get("/api/fleet-scans/{id}", id).with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FINISHED"))
                .andExpect(jsonPath("$.done").value(5))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.incomplete").value(0))
                .andExpect(jsonPath("$.skipped").value(0))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.etaSeconds").doesNotExist());
        FleetScanProgress done = scans.get(id);
        assertThat(done.apiCalls()).isGreaterThanOrEqualTo(5 * 4);
        assertThat(done.callsPerSecond()).isPositive();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(diagnoses.count() - diagnosesBefore).isEqualTo(5);
        for (String lb : FLEET) {
            assertThat(instances.findByLoadBalancerId(lb).orElseThrow().getLastDiagnosisId()).as(lb).isNotNull();
        }
        // the other region was left alone; the three throttled calls were retried, not failed
        assertThat(instances.findByLoadBalancerId(HONG_KONG).orElseThrow().getLastDiagnosisId()).isNull();
        assertThat(faults.calls().stream().filter(a -> a.equals("DescribeLoadBalancerAttribute")).count())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void withoutARegionEveryRegisteredInstanceIsScanned() throws Exception {
        JsonNode started = start(null);
        assertThat(started.get("total").asInt()).isEqualTo(6);
        assertThat(started.get("regionId").isNull()).isTrue();
        FleetScanProgress end = awaitEnd(started.get("id").asLong());
        assertThat(end.state()).isEqualTo(FleetScanState.FINISHED);
        assertThat(end.done()).isEqualTo(6);
        assertThat(instances.findByLoadBalancerId(HONG_KONG).orElseThrow().getLastDiagnosisId()).isNotNull();
    }

    @Test
    void anApiThatFailsForGoodGivesIncompleteDiagnosesNotFailedRuns() throws Exception {
        faults.inject(SandboxFaults.ALL, org.slbdoctor.slb.sandbox.SandboxFault.FORBIDDEN_RAM);
        FleetScanProgress end = awaitEnd(start("{\"regionId\":\"cn-hangzhou\"}").get("id").asLong());
        assertThat(end.done()).isEqualTo(5);
        assertThat(end.incomplete()).isEqualTo(5);
        assertThat(end.failed()).isZero();
    }

    @Test
    void cancellingLetsTheDiagnosisInFlightFinishAndSkipsTheQueuedOnes() throws Exception {
        faults.setLatencyMillis(300);
        long diagnosesBefore = diagnoses.count();
        long id = start("{\"regionId\":\"cn-hangzhou\"}").get("id").asLong();

        mvc.perform(post("/api/fleet-scans/{id}/cancel", id).with(OPERATOR))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("CANCELLING"));
        FleetScanProgress end = awaitEnd(id);

        assertThat(end.state()).isEqualTo(FleetScanState.CANCELLED);
        // one diagnosis at a time: at most the one in flight finished
        assertThat(end.done()).isLessThanOrEqualTo(1);
        assertThat(end.skipped()).isEqualTo(5 - end.done());
        assertThat(end.percent()).isEqualTo(100);
        assertThat(diagnoses.count() - diagnosesBefore).isEqualTo(end.done());
        // cancelling an ended scan changes nothing
        mvc.perform(post("/api/fleet-scans/{id}/cancel", id).with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void aSecondScanWhileOneRunsIsAConflict() throws Exception {
        faults.setLatencyMillis(300);
        long id = start("{\"regionId\":\"cn-hangzhou\"}").get("id").asLong();

        mvc.perform(post("/api/fleet-scans").with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.scanId").value(id));

        scans.cancel(id, "test");
        awaitEnd(id);
        // once it ended, a new scan may start
        awaitEnd(start("{\"regionId\":\"cn-hongkong\"}").get("id").asLong());
    }

    @Test
    void viewersFollowScansButCannotStartOrCancelThem() throws Exception {
        mvc.perform(post("/api/fleet-scans").with(VIEWER).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        long id = start("{\"regionId\":\"cn-hongkong\"}").get("id").asLong();
        mvc.perform(post("/api/fleet-scans/{id}/cancel", id).with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/fleet-scans/{id}", id).with(VIEWER)).andExpect(status().isOk());
        mvc.perform(get("/api/fleet-scans").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/fleet-scans/{id}", id)).andExpect(status().isUnauthorized());
        awaitEnd(id);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void unknownScanIs404AndAMalformedRegion400() throws Exception {
        mvc.perform(get("/api/fleet-scans/987654"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/fleet-scans").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionId\":\"Hangzhou!\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionId"));
    }

    @Test
    void thePageStartsFollowsAndCancelsAScan() throws Exception {
        mvc.perform(get("/fleet").with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cn-hangzhou (5 instances)")));
        mvc.perform(get("/fleet").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("fleet-start-form"))));
        mvc.perform(post("/fleet/scans").with(VIEWER).with(csrf()).param("regionId", "cn-hangzhou"))
                .andExpect(status().isForbidden());

        faults.setLatencyMillis(300);
        mvc.perform(post("/fleet/scans").with(OPERATOR).with(csrf()).param("regionId", "cn-hangzhou"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/fleet"))
                .andExpect(flash().attributeExists("message"));
        long id = scans.latest().orElseThrow().id();
        mvc.perform(get("/fleet").with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-fleet-scan=\"/api/fleet-scans/" + id + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("fleet-cancel-form")));
        mvc.perform(post("/fleet/scans").with(OPERATOR).with(csrf()).param("regionId", ""))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/fleet/scans/{id}/cancel", id).with(OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/fleet"))
                .andExpect(flash().attributeExists("message"));
        assertThat(awaitEnd(id).state()).isEqualTo(FleetScanState.CANCELLED);
    }
}
