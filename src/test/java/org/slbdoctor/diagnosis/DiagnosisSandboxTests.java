package org.slbdoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.SharedApplicationTest;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.slbdoctor.slb.sandbox.SandboxFault;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * End to end through the real SDK against the built-in sandbox over HTTP: register, observe,
 * diagnose, read back, for several of the guide's causes, and with the SLB API failing.
 */
@SharedApplicationTest
@WithMockUser(username = "olga", roles = "OPERATOR")
class DiagnosisSandboxTests {

    static final String ALL_ABNORMAL = "lb-bp1hz1allabn5r8t2w6y3";
    static final String TCP_ONLY = "lb-bp1hz8tcponly1a3c5e7g9";
    static final String HEALTHY = "lb-bp1hz0healthy7k2m9q4x1";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired SlbInstanceRepository instances;
    @Autowired SandboxFaults faults;
    @Autowired DiagnosisService service;

    @AfterEach
    void clearFaults() {
        faults.reset();
    }

    private void register(String lb) {
        if (instances.findByLoadBalancerId(lb).isEmpty()) {
            instances.save(new SlbInstance(lb, "cn-hangzhou", Instant.now(), "olga"));
        }
    }

    private void observe(String lb, String body) throws Exception {
        mvc.perform(put("/api/instances/{lb}/observations", lb).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    private JsonNode diagnose(String lb) throws Exception {
        String body = mvc.perform(post("/api/instances/{lb}/diagnoses", lb))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static JsonNode finding(JsonNode diagnosis, String checkId) {
        for (JsonNode f : diagnosis.get("findings")) {
            if (f.get("checkId").asString().equals(checkId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId);
    }

    @Test
    void allBackendsAbnormalIsAHealthCheckFailure() throws Exception {
        register(ALL_ABNORMAL);
        JsonNode d = diagnose(ALL_ABNORMAL);

        assertThat(d.get("verdict").asString()).isEqualTo("FAIL");
        assertThat(d.get("collection").get("complete").asBoolean()).isTrue();
        assertThat(d.get("collection").get("apiCalls").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(d.get("createdBy").asString()).isEqualTo("olga");
        assertThat(d.get("findings")).hasSize(10);
        JsonNode health = finding(d, "health-check");
        assertThat(health.get("status").asString()).isEqualTo("FAIL");
        assertThat(health.get("evidence").toString()).contains("abnormal");

        // read back: the same diagnosis, and the instance row moved to FAIL
        long id = d.get("id").asLong();
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}", ALL_ABNORMAL, id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.checkId=='health-check')].status").value("FAIL"));
        SlbInstance instance = instances.findByLoadBalancerId(ALL_ABNORMAL).orElseThrow();
        assertThat(instance.getLastVerdict()).isEqualTo(Status.FAIL);
        assertThat(instance.getLastDiagnosisId()).isEqualTo(id);
        assertThat(instance.getName()).isEqualTo("订单服务-全部异常");
        DiagnosisRecord stored = service.get(ALL_ABNORMAL, id);
        assertThat(stored.snapshot().calls()).allSatisfy(c -> {
            assertThat(c.requestId()).isNotBlank();
            assertThat(c.rawJson()).contains("RequestId");
        });
    }

    @Test
    void tcpOnlyInstanceWithRpFilterOnIsAKernelFailure() throws Exception {
        register(TCP_ONLY);
        observe(TCP_ONLY, "{\"rpFilter\":{\"all\":1,\"default\":0}}");
        JsonNode d = diagnose(TCP_ONLY);
        JsonNode rp = finding(d, "kernel-rp-filter");
        assertThat(rp.get("status").asString()).isEqualTo("FAIL");
        assertThat(rp.get("evidence").toString()).contains("OBSERVATION");
        assertThat(finding(d, "header-size").get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(d.get("observationsVersion").asInt()).isPositive();
    }

    @Test
    void phpFpmDownIsAWebAppFailure() throws Exception {
        register(HEALTHY);
        observe(HEALTHY, "{\"phpFpmRunning\":false,\"directToBackendResult\":\"ERRORS\"}");
        JsonNode d = diagnose(HEALTHY);
        assertThat(finding(d, "web-app").get("status").asString()).isEqualTo("FAIL");
        assertThat(finding(d, "health-check").get("status").asString()).isNotEqualTo("FAIL");
    }

    @Test
    void nginxUpstreamTimeoutInAnUploadedLogIsAWebAppFailure() throws Exception {
        register(HEALTHY);
        String log = "2026/11/23 09:58:01 [error] 1760#0: *251777 upstream timed out (110: Connection timed out) while "
                + "reading response header from upstream, client: 10.0.0.8, server: localhost, request: "
                + "\\\"GET /slow.php HTTP/1.1\\\", upstream: \\\"fastcgi://127.0.0.1:9000\\\"";
        mvc.perform(post("/api/instances/{lb}/artifacts", HEALTHY).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"nginx-error-log\",\"name\":\"web-1 error.log\",\"content\":\"# tail\\n"
                        + log + "\\n\"}"))
                .andExpect(status().isCreated());

        JsonNode d = diagnose(HEALTHY);

        JsonNode web = finding(d, "web-app");
        assertThat(web.get("status").asString()).isEqualTo("FAIL");
        JsonNode quoted = null;
        for (JsonNode e : web.get("evidence")) {
            if ("ARTIFACT".equals(e.get("source").asString())) {
                quoted = e;
            }
        }
        assertThat(quoted).isNotNull();
        assertThat(quoted.get("artifactName").asString()).isEqualTo("web-1 error.log");
        assertThat(quoted.get("lineNumber").asInt()).isEqualTo(2);
        assertThat(quoted.get("text").asString()).contains("upstream timed out (110: Connection timed out)");
        assertThat(d.get("artifactIds")).hasSize(1);
        DiagnosisRecord stored = service.get(HEALTHY, d.get("id").asLong());
        assertThat(stored.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.summary()).isNotBlank();
            assertThat(a.excerpt()).extracting(ArtifactRecord.Line::lineNumber).contains(2);
        });
    }

    @Test
    void aFailingApiCallStillStoresTheDiagnosisAndNamesTheCall() throws Exception {
        register(ALL_ABNORMAL);
        faults.inject("DescribeHealthStatus", SandboxFault.SERVICE_UNAVAILABLE);

        JsonNode d = diagnose(ALL_ABNORMAL);

        assertThat(d.get("collection").get("complete").asBoolean()).isFalse();
        JsonNode error = d.get("collection").get("errors").get(0);
        assertThat(error.get("action").asString()).isEqualTo("DescribeHealthStatus");
        assertThat(error.get("code").asString()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("requestId").asString()).isNotBlank();
        JsonNode health = finding(d, "health-check");
        assertThat(health.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(health.toString()).contains("DescribeHealthStatus");
        // stored, so it can be read back
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}", ALL_ABNORMAL, d.get("id").asLong()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.collection.complete").value(false));
    }

    @Test
    void wholeApiDownStillGives201() throws Exception {
        register(HEALTHY);
        faults.inject(SandboxFaults.ALL, SandboxFault.INTERNAL_ERROR);
        JsonNode d = diagnose(HEALTHY);
        assertThat(d.get("collection").get("complete").asBoolean()).isFalse();
        assertThat(d.get("collection").get("errors").size()).isGreaterThanOrEqualTo(1);
        assertThat(finding(d, "instance-state").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(d.get("findings")).hasSize(10);
    }

    @Test
    void historyIsNewestFirstAndDiffComparesTwoRuns() throws Exception {
        register(TCP_ONLY);
        observe(TCP_ONLY, "{\"rpFilter\":{\"all\":1,\"default\":1}}");
        long first = diagnose(TCP_ONLY).get("id").asLong();
        observe(TCP_ONLY, "{\"rpFilter\":{\"all\":0,\"default\":0}}");
        long second = diagnose(TCP_ONLY).get("id").asLong();

        mvc.perform(get("/api/instances/{lb}/diagnoses?page=0&size=500", TCP_ONLY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(second))
                .andExpect(jsonPath("$.items[0].createdAt").exists())
                .andExpect(jsonPath("$.items[0].verdict").exists())
                .andExpect(jsonPath("$.items[0].loadBalancerId").value(TCP_ONLY))
                .andExpect(jsonPath("$.items[0].regionId").exists())
                .andExpect(jsonPath("$.items[0].collection.complete").value(true))
                .andExpect(jsonPath("$.items[1].id").value(first))
                .andExpect(jsonPath("$.items[0].findings").doesNotExist())
                .andExpect(jsonPath("$.size").value(500));
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/diff/{other}", TCP_ONLY, first, second))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.before.id").value(first))
                .andExpect(jsonPath("$.after.id").value(second))
                .andExpect(jsonPath("$.statusChanges[?(@.checkId=='kernel-rp-filter')].before").value("FAIL"))
                .andExpect(jsonPath("$.statusChanges[?(@.checkId=='kernel-rp-filter')].after").value("PASS"));
    }

    @Test
    void notFoundCases() throws Exception {
        register(HEALTHY);
        register(TCP_ONLY);
        long other = diagnose(TCP_ONLY).get("id").asLong();
        mvc.perform(post("/api/instances/{lb}/diagnoses", "lb-bp1notregistered00000")).andExpect(status().isNotFound());
        mvc.perform(get("/api/instances/{lb}/diagnoses", "lb-bp1notregistered00000")).andExpect(status().isNotFound());
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}", HEALTHY, other)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/instances/{lb}/diagnoses/{id}/diff/{o}", HEALTHY, other, other))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerCannotRunADiagnosis() throws Exception {
        register(HEALTHY);
        mvc.perform(post("/api/instances/{lb}/diagnoses", HEALTHY)).andExpect(status().isForbidden());
    }

    @Test
    void concurrentRunsBothStoreAndTheNewestVerdictWins() throws Exception {
        register(ALL_ABNORMAL);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = CompletableFuture.supplyAsync(() -> service.run(ALL_ABNORMAL, "a"), pool);
            var b = CompletableFuture.supplyAsync(() -> service.run(ALL_ABNORMAL, "b"), pool);
            long ia = a.get().id();
            long ib = b.get().id();
            assertThat(ia).isNotEqualTo(ib);
            SlbInstance instance = instances.findByLoadBalancerId(ALL_ABNORMAL).orElseThrow();
            DiagnosisRecord newest = service.history(ALL_ABNORMAL, 0, 1).items().stream().findFirst()
                    .map(s -> service.get(ALL_ABNORMAL, s.id())).orElseThrow();
            assertThat(instance.getLastDiagnosisId()).isEqualTo(newest.id());
        } finally {
            pool.shutdownNow();
        }
    }

}
