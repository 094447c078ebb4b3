package org.slbdoctor.diagnosis;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = DiagnosisController.class, properties = "spring.mvc.problemdetails.enabled=true")
@WithMockUser(roles = "VIEWER")
class DiagnosisControllerTests {

    @Autowired MockMvc mvc;
    @MockitoBean DiagnosisService service;

    @Test
    void oneDiagnosisHasTheShapeOfApiMd() throws Exception {
        var findings = Fixtures.findings("health-check", Status.UNKNOWN);
        given(service.get(Fixtures.LB, 17)).willReturn(new DiagnosisRecord(17, Fixtures.LB, "cn-hangzhou",
                Instant.parse("2026-11-23T10:00:00Z"), "alice", Status.UNKNOWN, false, 1, 2, List.of(41L), findings,
                Fixtures.healthFailed(), Observations.NONE, List.of()));

        mvc.perform(get("/api/instances/{lb}/diagnoses/17", Fixtures.LB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(17))
                .andExpect(jsonPath("$.loadBalancerId").value(Fixtures.LB))
                .andExpect(jsonPath("$.regionId").value("cn-hangzhou"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-23T10:00:00Z"))
                .andExpect(jsonPath("$.verdict").value("UNKNOWN"))
                .andExpect(jsonPath("$.collection.complete").value(false))
                .andExpect(jsonPath("$.collection.apiCalls").value(1))
                .andExpect(jsonPath("$.collection.errors[0].action").value("DescribeHealthStatus"))
                .andExpect(jsonPath("$.collection.errors[0].code").value("ServiceUnavailable"))
                .andExpect(jsonPath("$.collection.errors[0].requestId").value("REQ-HS-9"))
                .andExpect(jsonPath("$.findings.length()").value(10))
                .andExpect(jsonPath("$.findings[6].checkId").value("health-check"))
                .andExpect(jsonPath("$.findings[6].status").value("UNKNOWN"))
                .andExpect(jsonPath("$.findings[6].guideSection").value("6"))
                .andExpect(jsonPath("$.findings[6].evidence[0].source").value("API"))
                .andExpect(jsonPath("$.findings[6].evidence[0].artifactName").doesNotExist())
                .andExpect(jsonPath("$.findings[6].evidence[1].source").value("ARTIFACT"))
                .andExpect(jsonPath("$.findings[6].evidence[1].artifactName").value("web-1 error.log"))
                .andExpect(jsonPath("$.findings[6].evidence[1].lineNumber").value(7))
                .andExpect(jsonPath("$.findings[6].missing[0]").value("api:DescribeHealthStatus"))
                .andExpect(jsonPath("$.snapshot").doesNotExist());
    }

    @Test
    void unknownDiagnosisIsProblemJson404() throws Exception {
        given(service.get(eq(Fixtures.LB), anyLong())).willThrow(DiagnosisNotFound.diagnosis(Fixtures.LB, 99));
        mvc.perform(get("/api/instances/{lb}/diagnoses/99", Fixtures.LB))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Diagnosis not found"));
    }

    @Test
    void anIdThatIsNotANumberNamesNoDiagnosis() throws Exception {
        mvc.perform(get("/api/instances/{lb}/diagnoses/abc", Fixtures.LB))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void historyPagingThatIsNoNumberIsA400() throws Exception {
        for (String query : new String[] {"size=1.5", "size=many", "page=x"}) {
            mvc.perform(get("/api/instances/{lb}/diagnoses?" + query, Fixtures.LB))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(query.substring(0, query.indexOf('='))));
        }
    }

    @Test
    void historyIsAPage() throws Exception {
        given(service.history(Fixtures.LB, 0, 50)).willReturn(new DiagnosisPage(List.of(new DiagnosisSummary(5,
                Fixtures.LB, "cn-hangzhou", Instant.parse("2026-11-23T10:00:00Z"), "alice", Status.FAIL, 1, 0, 2, true, 5)), 0, 50, 1));
        mvc.perform(get("/api/instances/{lb}/diagnoses", Fixtures.LB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(5))
                .andExpect(jsonPath("$.items[0].createdAt").value("2026-11-23T10:00:00Z"))
                .andExpect(jsonPath("$.items[0].verdict").value("FAIL"))
                .andExpect(jsonPath("$.items[0].loadBalancerId").value(Fixtures.LB))
                .andExpect(jsonPath("$.items[0].regionId").value("cn-hangzhou"))
                .andExpect(jsonPath("$.items[0].collection.complete").value(true))
                .andExpect(jsonPath("$.items[0].collection.apiCalls").value(5))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(1));
    }
}
