package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.slbdoctor.SharedApplicationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The problem+json contract of every /api/** endpoint (API.md "REST API"). */
@SharedApplicationTest
public class ApiExceptionHandlerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyInvalidFieldIsListed() throws Exception {
        mvc.perform(post("/api/_probe/validate").with(user("op").roles("OPERATOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"percent\":101}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "percent")))
                .andExpect(jsonPath("$.errors[?(@.field == 'percent')].message").value("must be less than or equal to 100"));
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(post("/api/_probe/validate").with(user("op").roles("OPERATOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        mvc.perform(post("/api/_probe/validate").with(user("op").roles("OPERATOR"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"percent\":\"lots\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("percent"));
    }

    @Test
    void errorResponseExceptionKeepsItsCode() throws Exception {
        mvc.perform(get("/api/_probe/slb-error").with(user("v").roles("VIEWER")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.title").value("Unknown load balancer"))
                .andExpect(jsonPath("$.code").value("InvalidLoadBalancerId.NotFound"));
    }

    @Test
    void unexpectedErrorsHideInternals() throws Exception {
        String body = mvc.perform(get("/api/_probe/boom").with(user("v").roles("VIEWER")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("secret internals").doesNotContain("IllegalStateException");
    }

    /**
     * A REST controller that exists only in tests. Nested in a test class, so component scanning
     * skips it; {@link SharedApplicationTest} imports it.
     */
    @RestController
    @RequestMapping("/api/_probe")
    public static class ProbeController {

        public record Body(@NotBlank String name, @Min(0) @Max(100) Integer percent) {
        }

        @GetMapping
        Map<String, String> read() {
            return Map.of("ok", "read");
        }

        @PostMapping
        Map<String, String> write() {
            return Map.of("ok", "write");
        }

        @DeleteMapping
        Map<String, String> delete() {
            return Map.of("ok", "delete");
        }

        @PostMapping("/validate")
        Body validate(@Valid @RequestBody Body body) {
            return body;
        }

        @GetMapping("/slb-error")
        Map<String, String> slbError() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The SLB API says the load balancer does not exist.");
            problem.setTitle("Unknown load balancer");
            problem.setProperty("code", "InvalidLoadBalancerId.NotFound");
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
        }

        @GetMapping("/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internals must not leak");
        }
    }
}
