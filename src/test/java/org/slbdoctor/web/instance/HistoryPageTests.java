package org.slbdoctor.web.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.web.PageTestSupport;

/** History newest first, an older diagnosis with the same fragments, and the diff between two. */
class HistoryPageTests extends PageTestSupport {

    static final String HISTORY = "/instances/" + Fixtures.LB + "/diagnoses";

    long older;
    long newer;

    @BeforeEach
    void twoDiagnoses() {
        instances.deleteAll();
        instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.parse("2026-11-20T08:00:00Z"), "admin"));
        older = Fixtures.store(diagnoses, Instant.parse("2026-11-22T10:00:00Z"),
                Fixtures.snapshot("normal", Fixtures.http(80, "running", "on", 60)),
                Fixtures.findings("health-check", Status.PASS), Observations.NONE, List.of());
        newer = Fixtures.store(diagnoses, Instant.parse("2026-11-23T10:00:00Z"),
                Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 30)),
                Fixtures.findings("health-check", Status.FAIL), Observations.NONE, List.of());
    }

    @AfterEach
    void clean() {
        instances.deleteAll();
    }

    private String html(String url, String... params) throws Exception {
        var request = get(url).with(user("v").roles("VIEWER"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void listsDiagnosesNewestFirstPreselectingTheLastTwo() throws Exception {
        String page = html(HISTORY);
        assertThat(page).containsSubsequence("data-diagnosis=\"" + newer + "\"", "data-diagnosis=\"" + older + "\"");
        assertThat(page).contains("2026-11-23 10:00 UTC", "alice", "badge-fail", "badge-pass",
                "href=\"/api/instances/" + Fixtures.LB + "/diagnoses/" + older + "/record.pdf\"",
                "action=\"/instances/" + Fixtures.LB + "/diagnoses/diff\"", "data-testid=\"compare\"");
        assertThat(page).containsPattern("name=\"to\" value=\"" + newer + "\" id=\"to-" + newer + "\"[^>]*checked=\"checked\"");
        assertThat(page).containsPattern("name=\"from\" value=\"" + older + "\" id=\"from-" + older + "\"[^>]*checked=\"checked\"");
    }

    @Test
    void showsAnOlderDiagnosisWithTheSameFragments() throws Exception {
        String page = html(HISTORY + "/" + older);
        assertThat(page).contains("data-testid=\"older-diagnosis\"", "Diagnosis #" + older, "data-testid=\"findings\"",
                "data-testid=\"topology\"", "health-cell health-normal");
        assertThat(html(HISTORY + "/" + newer)).doesNotContain("data-testid=\"older-diagnosis\"");
        mvc.perform(get(HISTORY + "/999999").with(user("v").roles("VIEWER"))).andExpect(status().isNotFound());
    }

    @Test
    void diffShowsStatusHealthAndListenerChangesFromOlderToNewer() throws Exception {
        // asked in reverse order: the page still reads from the older to the newer
        String page = html(HISTORY + "/diff", "from", String.valueOf(newer), "to", String.valueOf(older));
        assertThat(page).containsSubsequence("Before", "#" + older, "After", "#" + newer);
        assertThat(page).contains("data-testid=\"diff-status\"", "health-check", "trend trend-worse");
        assertThat(page).contains("data-testid=\"diff-health\"", "i-bp1aaa", "health-pill health-normal\">normal",
                "health-pill health-abnormal\">abnormal");
        assertThat(page).contains("data-testid=\"diff-config\"", "RequestTimeout", ">60<", ">30<");
    }

    @Test
    void aDiffNeedsTwoDifferentDiagnosesOfThisInstance() throws Exception {
        for (String[] bad : new String[][] {{"1", "1"}, {"", "2"}, {"x", "2"}}) {
            mvc.perform(get(HISTORY + "/diff").param("from", bad[0]).param("to", bad[1]).with(user("v").roles("VIEWER")))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl(HISTORY))
                    .andExpect(flash().attribute("error", "Pick two different diagnoses to compare."));
        }
        mvc.perform(get(HISTORY + "/diff").param("from", String.valueOf(older)).param("to", "987654")
                .with(user("v").roles("VIEWER"))).andExpect(status().isNotFound());
    }
}
