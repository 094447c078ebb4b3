package org.slbdoctor.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The layout, dashboard, language switch and error pages as a browser receives them. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:webshell;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=false"})
@AutoConfigureMockMvc
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SlbInstanceRepository instances;

    @Test
    void dashboardShowsEmptyStateThenInstancesWorstFirst() throws Exception {
        instances.deleteAll();
        mvc.perform(get("/").with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"empty-state\"")))
                .andExpect(content().string(containsString("Ask an operator")))
                .andExpect(content().string(not(containsString("data-testid=\"sandbox-banner\""))));

        SlbInstance healthy = new SlbInstance("lb-aaa-healthy", "cn-hangzhou", Instant.now(), "admin");
        healthy.diagnosed(1, Instant.now(), Status.PASS, 0, 0, 0);
        SlbInstance broken = new SlbInstance("lb-zzz-broken", "cn-shanghai", Instant.now(), "admin");
        broken.describedAs("<script>alert(1)</script>", "47.0.0.1", "internet", "vpc", "active");
        broken.diagnosed(2, Instant.now(), Status.FAIL, 3, 1, 0);
        instances.save(healthy);
        instances.save(broken);

        String html = mvc.perform(get("/").with(user("o").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("badge-fail")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html.indexOf("lb-zzz-broken"))
                .as("FAIL listed before PASS").isLessThan(html.indexOf("lb-aaa-healthy"));
        instances.deleteAll();
    }

    @Test
    void navigationShowsUsersOnlyToAdmins() throws Exception {
        mvc.perform(get("/").with(user("o").roles("OPERATOR")))
                .andExpect(content().string(not(containsString("href=\"/admin/users\""))))
                .andExpect(content().string(containsString("action=\"/logout\"")));
        mvc.perform(get("/").with(user("a").roles("ADMIN")))
                .andExpect(content().string(containsString("href=\"/admin/users\"")));
    }

    @Test
    void languageSwitchesToChineseAndIsRemembered() throws Exception {
        mvc.perform(get("/").param("lang", "zh-CN").with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("概览")))
                .andExpect(content().string(containsString("lang=\"zh-CN\"")))
                .andExpect(result -> org.assertj.core.api.Assertions
                        .assertThat(result.getResponse().getCookie("slbdoctor-lang")).isNotNull());
        mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("Log in to SLB Doctor")));
    }

    @Test
    void unknownPageRendersTheLayout404() throws Exception {
        mvc.perform(get("/no-such-page").with(user("v").roles("VIEWER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }
}
