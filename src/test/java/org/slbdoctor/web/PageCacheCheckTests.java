package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * With max-age 0 a kept instance page is checked against its row on every request: kept while the
 * row is unchanged, rendered again when another node (here: SQL behind this process's back) wrote it.
 */
@TestPropertySource(properties = "slbdoctor.web.page-max-age=0s")
class PageCacheCheckTests extends PageTestSupport {

    static final String PAGE = "/instances/" + Fixtures.LB;

    @Autowired
    PageCache pages;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void clean() {
        instances.deleteAll();
        pages.clear();
    }

    private String page() throws Exception {
        return mvc.perform(get(PAGE).with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aKeptPageIsServedWhileItsRowIsUnchangedAndRenderedAgainWhenAnotherNodeWroteIt() throws Exception {
        instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.parse("2026-11-20T08:00:00Z"), "admin"));
        Fixtures.store(diagnoses, Instant.parse("2026-11-23T10:00:00Z"),
                Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 60)),
                Fixtures.findings("health-check", Status.FAIL), null, List.of());
        page();
        long renders = pages.renders();
        long checks = pages.checks();
        statistics().clear();

        assertThat(page()).doesNotContain("renamed-elsewhere");
        assertThat(pages.renders()).as("unchanged row: the kept page").isEqualTo(renders);
        assertThat(pages.checks()).isEqualTo(checks + 1);
        assertThat(statistics().getPrepareStatementCount()).as("the check is one small query").isEqualTo(1);

        // another node renames the instance; this process's change numbers do not move
        jdbc.update("update slb_instance set name = 'renamed-elsewhere', version = version + 1 where load_balancer_id = ?", Fixtures.LB);
        assertThat(page()).contains("renamed-elsewhere");
        assertThat(pages.renders()).isEqualTo(renders + 1);
    }
}
