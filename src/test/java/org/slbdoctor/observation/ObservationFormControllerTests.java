package org.slbdoctor.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The observations form: roles, validation shared with the REST PUT, versions. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:obsform;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=false"})
@AutoConfigureMockMvc
class ObservationFormControllerTests {

    static final String LB = "lb-bp1obsform0000000001";
    static final String PATH = "/instances/" + LB + "/observations";

    @Autowired
    MockMvc mvc;

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void instance() {
        if (!instances.existsByLoadBalancerId(LB)) {
            SlbInstance i = new SlbInstance(LB, "cn-hangzhou", Instant.now(), "admin");
            i.describedAs("订单服务", "47.0.0.9", "internet", "vpc", "active");
            instances.save(i);
        }
    }

    @Test
    void viewerSeesTheValuesButNoFormAndCannotPost() throws Exception {
        mvc.perform(get(PATH).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"obs-backendCpuPercent\"")))
                .andExpect(content().string(containsString("fieldset disabled")))
                .andExpect(content().string(not(containsString("action=\"" + PATH + "\""))))
                .andExpect(content().string(not(containsString("id=\"obs-save\""))));
        mvc.perform(post(PATH).with(user("v").roles("VIEWER")).with(csrf()).param("backendCpuPercent", "50"))
                .andExpect(status().isForbidden());
    }

    @Test
    void postWithoutCsrfIsRefused() throws Exception {
        mvc.perform(post(PATH).with(user("o").roles("OPERATOR")).param("backendCpuPercent", "50"))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownInstanceIs404() throws Exception {
        mvc.perform(get("/instances/lb-nosuchinstance000/observations").with(user("v").roles("VIEWER"))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    @Test
    void invalidValuesAreShownNextToTheirFieldsWithTheRestApisMessagesAndNothingIsStored() throws Exception {
        String before = versionOf(LB);
        String html = mvc.perform(post(PATH).with(user("o").roles("OPERATOR")).with(csrf())
                        .param("backendCpuPercent", "150")
                        .param("backendBandwidthPercent", "lots")
                        .param("requestHeaderBytes", "12.5")
                        .param("appMaxResponseSeconds", "-1")
                        .param("phpFpmRunning", "maybe")
                        .param("rpFilterInterface", "eth0", "bad iface", "")
                        .param("rpFilterValue", "7", "1", "")
                        .param("notes", "keep this text <b>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"obs-invalid\"")))
                .andReturn().getResponse().getContentAsString();

        // the same body through the REST API gives the same messages
        String body = """
                {"backendCpuPercent":150,"backendBandwidthPercent":"lots","requestHeaderBytes":12.5,
                 "appMaxResponseSeconds":-1,"phpFpmRunning":"maybe","rpFilter":{"eth0":7,"bad iface":1},
                 "notes":"keep this text <b>"}""";
        String problem = mvc.perform(put("/api" + PATH).with(user("o").roles("OPERATOR"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        // the API lists one entry per field; the entries of one field (rpFilter's interfaces) are joined by "; "
        assertThat(json.readTree(problem).get("errors")).hasSize(6);
        List<String> messages = new ArrayList<>();
        for (JsonNode e : json.readTree(problem).get("errors")) {
            messages.addAll(List.of(e.get("message").asString().split("; ")));
        }
        assertThat(messages).hasSize(7).contains("must be between 0 and 100", "must be a number",
                "must be an integer", "must be at least 0", "must be true, false or null", "eth0: must be 0, 1 or 2");
        for (String m : messages) {
            assertThat(html).contains(HtmlUtils.htmlEscape(m));
        }
        // each message sits in its field's block (field id ... its error)
        assertThat(between(html, "id=\"obs-backendCpuPercent\"", "id=\"obs-backendBandwidthPercent\""))
                .contains("must be between 0 and 100");
        assertThat(between(html, "id=\"obs-rpFilter\"", "id=\"cause-5\"")).contains("eth0: must be 0, 1 or 2");
        // what was typed is shown back, escaped
        assertThat(html).contains("value=\"150\"").contains("value=\"lots\"").contains("keep this text &lt;b&gt;");
        assertThat(versionOf(LB)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void validFormIsStoredAsANewVersionAndReadBackByTheRestApi() throws Exception {
        mvc.perform(post(PATH).with(user("op1").roles("OPERATOR")).with(csrf())
                        .param("observedStatusCodes", "502", "504")
                        .param("pattern", "INTERMITTENT")
                        .param("scope", "SOME_CLIENTS")
                        .param("reproducesFromOtherProvider", "false")
                        .param("domainIcpFiled", "true")
                        .param("behindAntiDdosOrWaf", "")
                        .param("backendCpuPercent", " 92.5 ")
                        .param("requestHeaderBytes", "40000")
                        .param("appMaxResponseSeconds", "75")
                        .param("directToBackendResult", "INTERMITTENT")
                        .param("layer4SwitchResult", "")
                        .param("rpFilterInterface", "all", "default", "eth0", "", "")
                        .param("rpFilterValue", "1", "0", "", "", "")
                        .param("notes", "第一次出现在 10:02")
                        .param("_csrf_ignored_extra", "x"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PATH))
                .andExpect(flash().attributeExists("message"));

        String rest = mvc.perform(get("/api" + PATH).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode o = json.readTree(rest);
        assertThat(o.get("observedStatusCodes").toString()).isEqualTo("[502,504]");
        assertThat(o.get("pattern").asString()).isEqualTo("INTERMITTENT");
        assertThat(o.get("scope").asString()).isEqualTo("SOME_CLIENTS");
        assertThat(o.get("reproducesFromOtherProvider").asBoolean()).isFalse();
        assertThat(o.get("domainIcpFiled").asBoolean()).isTrue();
        assertThat(o.get("behindAntiDdosOrWaf").isNull()).as("unknown stays null").isTrue();
        assertThat(o.get("backendCpuPercent").asDouble()).isEqualTo(92.5);
        assertThat(o.get("requestHeaderBytes").asLong()).isEqualTo(40000);
        assertThat(o.get("rpFilter").propertyNames()).containsExactlyInAnyOrder("all", "default");
        assertThat(o.get("rpFilter").get("all").asInt()).isEqualTo(1);
        assertThat(o.get("rpFilter").get("default").asInt()).isEqualTo(0);
        assertThat(o.get("layer4SwitchResult").isNull()).isTrue();
        assertThat(o.get("notes").asString()).isEqualTo("第一次出现在 10:02");

        String html = mvc.perform(get(PATH).with(user("o").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"" + PATH + "\"")))
                .andExpect(content().string(containsString("saved by op1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"92.5\"").contains("value=\"75\"").contains("value=\"40000\"");
        assertThat(between(html, "id=\"obs-domainIcpFiled\"", "</fieldset>"))
                .contains("value=\"true\" checked");
        assertThat(between(html, "id=\"obs-directToBackendResult\"", "</fieldset>"))
                .contains("value=\"INTERMITTENT\" checked");
    }

    @Test
    void sameInterfaceTwiceIsAnErrorNotASilentOverwrite() throws Exception {
        String before = versionOf(LB);
        mvc.perform(post(PATH).with(user("o").roles("OPERATOR")).with(csrf())
                        .param("rpFilterInterface", "eth0", "eth0")
                        .param("rpFilterValue", "0", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("eth0: interface listed twice")));
        assertThat(versionOf(LB)).isEqualTo(before);
    }

    private String versionOf(String lb) throws Exception {
        return mvc.perform(get("/api/instances/" + lb + "/observations").with(user("v").roles("VIEWER")))
                .andReturn().getResponse().getHeader(ObservationController.VERSION_HEADER);
    }

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        assertThat(a).as(from).isGreaterThanOrEqualTo(0);
        int b = html.indexOf(to, a + from.length());
        return b < 0 ? html.substring(a) : html.substring(a, b);
    }
}
