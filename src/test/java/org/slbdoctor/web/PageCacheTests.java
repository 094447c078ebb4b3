package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.diagnosis.Fixtures;
import org.slbdoctor.instance.SlbInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whole pages kept as bytes: a kept page carries the CSRF token and the name of the session asking
 * for it, never those of the session that filled the cache, and it is dropped when the instance changes.
 */
class PageCacheTests extends PageTestSupport {

    static final String PAGE = "/instances/" + Fixtures.LB;
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");
    private static final Pattern FORM_TOKEN = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    PageCache pages;

    @BeforeEach
    @AfterEach
    void clean() {
        instances.deleteAll();
        pages.clear();
    }

    private long diagnosed(Status status, Instant at) {
        if (instances.findByLoadBalancerId(Fixtures.LB).isEmpty()) {
            instances.save(new SlbInstance(Fixtures.LB, "cn-hangzhou", Instant.parse("2026-11-20T08:00:00Z"), "admin"));
        }
        return Fixtures.store(diagnoses, at, Fixtures.snapshot("abnormal", Fixtures.http(80, "running", "on", 60)),
                Fixtures.findings("health-check", status), null, List.of());
    }

    private MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static List<String> tokens(String html) {
        List<String> found = new java.util.ArrayList<>();
        for (Pattern p : List.of(META_TOKEN, FORM_TOKEN)) {
            Matcher m = p.matcher(html);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    @Test
    void aKeptPageCarriesTheTokenAndNameOfTheSessionAskingNotOfTheOneThatFilledIt() throws Exception {
        diagnosed(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        String carol = fetch(get(PAGE).with(user("carol").roles("OPERATOR"))).getContentAsString();
        long renders = pages.renders();
        MockHttpServletResponse bobResponse = fetch(get(PAGE).with(user("bob").roles("OPERATOR")));
        String bob = bobResponse.getContentAsString();

        assertThat(pages.renders()).as("the second page is the kept one").isEqualTo(renders);
        assertThat(bob).contains("<span>bob</span>").doesNotContain("carol").doesNotContain("slbdoctorcsrf", "slbdoctoruser");
        assertThat(carol).contains("<span>carol</span>");
        List<String> carolTokens = tokens(carol);
        List<String> bobTokens = tokens(bob);
        // the meta tag, the run form and the log-out form each carry the token
        assertThat(carolTokens).hasSizeGreaterThanOrEqualTo(3).containsOnly(carolTokens.get(0));
        assertThat(bobTokens).hasSameSizeAs(carolTokens).containsOnly(bobTokens.get(0));
        assertThat(bobTokens.get(0)).isNotEqualTo(carolTokens.get(0));
        assertThat(bobResponse.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(bobResponse.getContentLength()).isEqualTo(bobResponse.getContentAsByteArray().length);
        // apart from the per-session values the bytes are the same page
        assertThat(bob.replace(bobTokens.get(0), "T").replace("bob", "U"))
                .isEqualTo(carol.replace(carolTokens.get(0), "T").replace("carol", "U"));
    }

    @Test
    void aUserNameIsEscapedWhenItIsFilledIn() throws Exception {
        diagnosed(Status.PASS, Instant.parse("2026-11-23T10:00:00Z"));
        fetch(get(PAGE).with(user("v").roles("VIEWER")));
        String page = fetch(get(PAGE).with(user("<img src=x onerror=alert(1)>").roles("VIEWER"))).getContentAsString();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void aViewerNeverGetsTheOperatorsPage() throws Exception {
        diagnosed(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(fetch(get(PAGE).with(user("o").roles("OPERATOR"))).getContentAsString()).contains("data-testid=\"run-diagnosis\"");
        assertThat(fetch(get(PAGE).with(user("v").roles("VIEWER"))).getContentAsString()).doesNotContain("data-testid=\"run-diagnosis\"");
        assertThat(fetch(get("/").with(user("o").roles("OPERATOR"))).getContentAsString()).contains("href=\"/instances/new\"");
        assertThat(fetch(get("/").with(user("v").roles("VIEWER"))).getContentAsString()).doesNotContain("href=\"/instances/new\"");
    }

    @Test
    void aNewDiagnosisReplacesTheKeptPageAtOnce() throws Exception {
        long first = diagnosed(Status.PASS, Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(fetch(get(PAGE).with(user("v").roles("VIEWER"))).getContentAsString()).contains("Diagnosis #" + first);
        long second = diagnosed(Status.FAIL, Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(fetch(get(PAGE).with(user("v").roles("VIEWER"))).getContentAsString()).contains("Diagnosis #" + second);
    }

    @Test
    void aBrowserGetsTheKeptPageGzippedWithItsOwnTokenAndNameAndTheSameContent() throws Exception {
        diagnosed(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        String plain = fetch(get(PAGE).with(user("carol").roles("OPERATOR"))).getContentAsString();
        long renders = pages.renders();
        MockHttpServletResponse zipped = fetch(get(PAGE).with(user("bob").roles("OPERATOR"))
                .header("Accept-Encoding", "gzip, deflate, br, zstd"));

        assertThat(pages.renders()).isEqualTo(renders);
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeaders("Vary")).contains("Accept-Encoding");
        byte[] body = zipped.getContentAsByteArray();
        assertThat(zipped.getContentLength()).isEqualTo(body.length);
        String html;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(body.length).as("compressed").isLessThan(html.length() / 3);
        List<String> bobTokens = tokens(html);
        List<String> carolTokens = tokens(plain);
        assertThat(bobTokens).hasSameSizeAs(carolTokens).containsOnly(bobTokens.get(0));
        assertThat(html.replace(bobTokens.get(0), "T").replace("bob", "U"))
                .isEqualTo(plain.replace(carolTokens.get(0), "T").replace("carol", "U"));
        assertThat(fetch(get(PAGE).with(user("v").roles("VIEWER")).header("Accept-Encoding", "gzip;q=0, br"))
                .getHeader("Content-Encoding")).as("gzip refused").isNull();
    }

    @Test
    void acceptEncodingIsReadWithItsQValues() {
        assertThat(PageCache.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PageCache.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(PageCache.acceptsGzip("x-gzip")).isTrue();
        assertThat(PageCache.acceptsGzip("*")).isTrue();
        assertThat(PageCache.acceptsGzip("gzip;q=0, *")).isFalse();
        assertThat(PageCache.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(PageCache.acceptsGzip("identity")).isFalse();
        assertThat(PageCache.acceptsGzip("br, *;q=0")).isFalse();
        assertThat(PageCache.acceptsGzip("gzip;q=bogus")).isFalse();
        assertThat(PageCache.acceptsGzip("")).isFalse();
        assertThat(PageCache.acceptsGzip(null)).isFalse();
    }

    @Test
    void theTemplatesIndentationIsNotKept() throws Exception {
        diagnosed(Status.FAIL, Instant.parse("2026-11-23T10:00:00Z"));
        String page = fetch(get(PAGE).with(user("v").roles("VIEWER"))).getContentAsString();
        assertThat(page).doesNotContainPattern(">\\n[ \\t]+<").contains("data-testid=\"findings\"");
        assertThat(HtmlWhitespace.trim("<p>\n    <span>a  b</span>\n  \n  <b> c </b></p>"))
                .isEqualTo("<p>\n<span>a  b</span>\n<b> c </b></p>");
    }
}
