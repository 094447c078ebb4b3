package org.slbdoctor.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.slbdoctor.SharedApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who may do what: the role matrix of issue 2 / API.md, on the API and the UI. */
@SharedApplicationTest
class SecurityAccessTests {

    static final String ADMIN_PASSWORD = SharedApplicationTest.ADMIN_PASSWORD;
    private static final String PROBE = "/api/_probe";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Test
    void unauthenticatedApiIs401ProblemNeverARedirect() throws Exception {
        mvc.perform(get(PROBE).accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.type").value("about:blank"));
        mvc.perform(post("/api/instances").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void httpBasicWithDatabaseUser() throws Exception {
        mvc.perform(get(PROBE).with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk());
        mvc.perform(get(PROBE).with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void viewerReadsButCannotWrite() throws Exception {
        mvc.perform(get(PROBE).with(user("v").roles(Roles.VIEWER))).andExpect(status().isOk());
        mvc.perform(post(PROBE).with(user("v").roles(Roles.VIEWER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"));
        mvc.perform(put("/api/instances/lb-1/observations").with(user("v").roles(Roles.VIEWER))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void viewerWithRealBasicCredentialsGets403Problem() throws Exception {
        if (users.all().stream().noneMatch(u -> u.getUsername().equals("viewer1"))) {
            users.create("viewer1", "viewer-password-1", Role.VIEWER);
        }
        mvc.perform(post(PROBE).with(httpBasic("viewer1", "viewer-password-1")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void operatorWritesWithoutCsrfTokenOnTheApi() throws Exception {
        mvc.perform(post(PROBE).with(user("o").roles(Roles.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value("write"));
        mvc.perform(delete(PROBE).with(user("o").roles(Roles.OPERATOR))).andExpect(status().isOk());
    }

    @Test
    void onlyAdminDeletesAnInstance() throws Exception {
        mvc.perform(delete("/api/instances/lb-1").with(user("o").roles(Roles.OPERATOR)))
                .andExpect(status().isForbidden());
        // no instance controller here: what matters is that security lets ADMIN through
        mvc.perform(delete("/api/instances/lb-1").with(user("a").roles(Roles.ADMIN)))
                .andExpect(status().is(not(oneOf(401, 403))));
        // deleting an artifact is an ordinary OPERATOR write (API.md marks only the instance as ADMIN)
        mvc.perform(delete("/api/instances/lb-1/artifacts/3").with(user("o").roles(Roles.OPERATOR)))
                .andExpect(status().is(not(oneOf(401, 403))));
    }

    @Test
    void adminInheritsEverything() throws Exception {
        mvc.perform(get(PROBE).with(user("a").roles(Roles.ADMIN))).andExpect(status().isOk());
        mvc.perform(post(PROBE).with(user("a").roles(Roles.ADMIN))).andExpect(status().isOk());
    }

    @Test
    void uiRedirectsAnonymousToLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/icons/logo.svg")).andExpect(status().isOk());
    }

    @Test
    void userAdministrationIsForAdminsOnly() throws Exception {
        mvc.perform(get("/admin/users").with(user("v").roles(Roles.VIEWER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user("o").roles(Roles.OPERATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user("a").roles(Roles.ADMIN))).andExpect(status().isOk());
        mvc.perform(post("/admin/users").with(user("o").roles(Roles.OPERATOR)).with(csrf())
                        .param("username", "intruder").param("password", "long-enough-password").param("role", "ADMIN"))
                .andExpect(status().isForbidden());
    }

    @Test
    void uiFormsNeedCsrfAndViewersCannotPost() throws Exception {
        mvc.perform(post("/admin/users").with(user("a").roles(Roles.ADMIN))
                        .param("username", "nocsrf").param("password", "long-enough-password").param("role", "VIEWER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/instances").with(user("v").roles(Roles.VIEWER)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/instances/lb-1/delete").with(user("o").roles(Roles.OPERATOR)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void actuatorHealthIsPublicMetricsAreForAdmins() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").with(user("o").roles(Roles.OPERATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").with(user("v").roles(Roles.VIEWER))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/info").with(user("a").roles(Roles.ADMIN))).andExpect(status().isOk());
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void disabledUserCannotLogIn() throws Exception {
        AppUser user = users.create("leaver-" + System.nanoTime() % 100000, "leaver-password-1", Role.OPERATOR);
        mvc.perform(get(PROBE).with(httpBasic(user.getUsername(), "leaver-password-1"))).andExpect(status().isOk());
        users.setEnabled(user.getId(), false, "admin");
        mvc.perform(get(PROBE).with(httpBasic(user.getUsername(), "leaver-password-1")))
                .andExpect(status().isUnauthorized());
    }
}
