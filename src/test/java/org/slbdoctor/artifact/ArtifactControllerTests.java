package org.slbdoctor.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.artifact.iptables.IptablesFacts;
import org.slbdoctor.artifact.sysctl.SysctlFacts;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:artifacts;DB_CLOSE_DELAY=-1",
    "slbdoctor.artifacts.max-bytes=1024"})
@AutoConfigureMockMvc
class ArtifactControllerTests {

    private static final String LB = "lb-bp1art0000000000000001";
    private static final String URL = "/api/instances/" + LB + "/artifacts";
    private static final RequestPostProcessor OPERATOR = user("olga").roles("OPERATOR");
    private static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");
    private static final String SYSCTL = "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 0\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    ArtifactRepository artifacts;

    @Autowired
    ArtifactService service;

    @Autowired
    ObjectMapper json;

    long instanceId;

    @BeforeEach
    void registerInstance() {
        artifacts.deleteAll();
        instances.findByLoadBalancerId(LB).ifPresent(instances::delete);
        instanceId = instances.save(new SlbInstance(LB, "cn-hangzhou", Instant.now(), "admin")).getId();
    }

    private String body(String kind, String name, String content) {
        return json.writeValueAsString(new ArtifactController.UploadRequest(kind, name, content));
    }

    private long uploadJson(String kind, String name, String content) throws Exception {
        String response = mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(body(kind, name, content))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asLong();
    }

    @Test
    void jsonUploadIs201WithMetadataAndSummary() throws Exception {
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(body("sysctl", "web-1 sysctl", SYSCTL)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/instances/" + LB + "/artifacts/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.kind").value("sysctl"))
                .andExpect(jsonPath("$.name").value("web-1 sysctl"))
                .andExpect(jsonPath("$.sizeBytes").value(SYSCTL.getBytes(StandardCharsets.UTF_8).length))
                .andExpect(jsonPath("$.sha256").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.uploadedBy").value("olga"))
                .andExpect(jsonPath("$.uploadedAt").isString())
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString(
                        "net.ipv4.conf.all.rp_filter = 1 (line 1)")))
                .andExpect(jsonPath("$.content").doesNotExist())
                .andExpect(jsonPath("$.instanceId").doesNotExist());
        assertThat(artifacts.count()).isEqualTo(1);
    }

    @Test
    void multipartUploadUsesTheFileNameAndBytes() throws Exception {
        byte[] bytes = "*filter\r\n:INPUT DROP [0:0]\r\nCOMMIT\r\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "C:\\dumps\\web-1.rules", "text/plain", bytes))
                .param("kind", "iptables-save").with(OPERATOR))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("iptables-save"))
                .andExpect(jsonPath("$.name").value("web-1.rules"))
                .andExpect(jsonPath("$.sizeBytes").value(bytes.length))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("INPUT policy DROP")));
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "x.log", "text/plain", bytes))
                .param("kind", "iptables-save").param("name", "web-2 firewall").with(OPERATOR))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("web-2 firewall"));
    }

    @Test
    void multipartUtf16AndInvalidUtf8AreText() throws Exception {
        byte[] utf16 = ("\uFEFF" + SYSCTL).getBytes(StandardCharsets.UTF_16LE);
        long id = json.readTree(mvc.perform(multipart(URL).file(new MockMultipartFile("file", "s.txt", "text/plain", utf16))
                .param("kind", "sysctl").with(OPERATOR)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString()).get("id").asLong();
        assertThat(artifacts.findById(id).orElseThrow().getContent()).isEqualTo(SYSCTL);
        byte[] latin1 = "net.ipv4.conf.all.rp_filter = 0 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        long id2 = json.readTree(mvc.perform(multipart(URL).file(new MockMultipartFile("file", "l.txt", "text/plain", latin1))
                .param("kind", "sysctl").with(OPERATOR)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString()).get("id").asLong();
        assertThat(artifacts.findById(id2).orElseThrow().getContent()).contains("caf\uFFFD");
    }

    @Test
    void refusedUploadsAre400ProblemsAndLoseNothing() throws Exception {
        long kept = uploadJson("sysctl", "kept", SYSCTL);
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("selinux", "x", "a")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UnknownArtifactKind"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("iptables-save")))
                .andExpect(jsonPath("$.allowedKinds", hasItem("slb-access-log")))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body(null, "x", "a")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UnknownArtifactKind"));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EmptyContent"));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EmptyContent"));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", "a\u0000b")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("BinaryContent"));
        // the limit is 1024 bytes of content here: 1024 is fine, 1025 is not; UTF-8 bytes count, not chars
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", "a".repeat(1025))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("ContentTooLarge"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1024")));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", "\u00e9".repeat(513))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("ContentTooLarge"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "shot.png", "image/png", png))
                .param("kind", "nginx-error-log").with(OPERATOR))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("BinaryContent"));
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "big.log", "text/plain", new byte[1025]))
                .param("kind", "nginx-error-log").with(OPERATOR))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("ContentTooLarge"));
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "empty.log", "text/plain", new byte[0]))
                .param("kind", "nginx-error-log").with(OPERATOR))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EmptyContent"));
        mvc.perform(multipart(URL).param("kind", "nginx-error-log").with(OPERATOR))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EmptyContent"));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "n".repeat(256), "a")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", "a".repeat(1024))))
                .andExpect(status().isCreated());

        assertThat(artifacts.count()).isEqualTo(2);
        assertThat(artifacts.findById(kept).orElseThrow().getContent()).isEqualTo(SYSCTL);
    }

    @Test
    void listIsAPageOfMetadataInUploadOrder() throws Exception {
        long a = uploadJson("sysctl", "first", SYSCTL);
        long b = uploadJson("nginx-conf", "second", "http { proxy_read_timeout 90; }");
        long c = uploadJson("php-fpm-log", "third", "[23-Nov-2026 10:00:00] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it");
        mvc.perform(get(URL).with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].id").value(a)).andExpect(jsonPath("$.items[1].id").value(b))
                .andExpect(jsonPath("$.items[2].kind").value("php-fpm-log"))
                .andExpect(jsonPath("$.items[0].content").doesNotExist());
        mvc.perform(get(URL).param("page", "1").param("size", "2").with(VIEWER))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(c))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.size").value(2));
        mvc.perform(get(URL).param("size", "500").with(VIEWER)).andExpect(jsonPath("$.size").value(500));
    }

    @Test
    void pagingIsBroughtIntoRangeAndWhatIsNoNumberIsA400LikeEveryListing() throws Exception {
        mvc.perform(get(URL).param("size", "100000").with(VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(500));
        mvc.perform(get(URL).param("page", "-1").with(VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0));
        for (String[] bad : new String[][] {{"size", "x"}, {"size", "2.5"}, {"page", "x"}}) {
            mvc.perform(get(URL).param(bad[0], bad[1]).with(VIEWER)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[0]));
        }
    }

    @Test
    void anIdThatIsNotANumberNamesNoArtifact() throws Exception {
        mvc.perform(get(URL + "/abc").with(VIEWER)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete(URL + "/abc").with(OPERATOR)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        long id = uploadJson("sysctl", "x", SYSCTL);
        mvc.perform(get(URL + "/" + id).param("content", "maybe").with(VIEWER)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"));
    }

    @Test
    void wrongTypesAndEveryBadFieldAreListedAndNothingIsStored() throws Exception {
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"sysctl\",\"content\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("content")));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"sysctl\",\"name\":[\"a\"],\"content\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("name", "content")));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"selinux\",\"content\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UnknownArtifactKind"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("kind", "content")))
                .andExpect(jsonPath("$.errors[1].message").value("The artifact is empty."));
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("[1]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "e.log", "text/plain", new byte[0]))
                        .param("kind", "nope").with(OPERATOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("kind", "file")));
        assertThat(artifacts.count()).isZero();
    }

    @Test
    void uploadedAtIsTheSameInTheAnswerAndWhenReadBack() throws Exception {
        String created = mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(body("sysctl", "x", SYSCTL))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String uploadedAt = json.readTree(created).get("uploadedAt").asString();
        mvc.perform(get(URL).with(VIEWER)).andExpect(jsonPath("$.items[0].uploadedAt").value(uploadedAt));
    }

    @Test
    void contentOfOnlyWhiteSpaceIsEmpty() throws Exception {
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", " \n\t \r\n")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EmptyContent"));
        mvc.perform(multipart(URL).file(new MockMultipartFile("file", "e.log", "text/plain",
                        "\uFEFF\n \n".getBytes(StandardCharsets.UTF_8))).param("kind", "sysctl").with(OPERATOR))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EmptyContent"));
        assertThat(artifacts.count()).isZero();
    }

    @Test
    void showsOneWithSummaryAndOptionallyContent() throws Exception {
        long id = uploadJson("sysctl", "web-1", SYSCTL);
        mvc.perform(get(URL + "/" + id).with(VIEWER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("web-1"))
                .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.containsString("2 rp_filter values")))
                .andExpect(jsonPath("$.content").doesNotExist());
        mvc.perform(get(URL + "/" + id).param("content", "true").with(VIEWER))
                .andExpect(jsonPath("$.content").value(SYSCTL));
        mvc.perform(get(URL + "/" + id + "/content").with(VIEWER))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string(SYSCTL));
    }

    @Test
    void notFoundAndDelete() throws Exception {
        mvc.perform(get("/api/instances/lb-nope/artifacts").with(VIEWER)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/instances/lb-nope/artifacts").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .content(body("sysctl", "x", SYSCTL))).andExpect(status().isNotFound());
        mvc.perform(get(URL + "/999999").with(VIEWER)).andExpect(status().isNotFound());
        mvc.perform(delete(URL + "/999999").with(OPERATOR)).andExpect(status().isNotFound());
        long id = uploadJson("sysctl", "x", SYSCTL);
        mvc.perform(delete("/api/instances/lb-nope/artifacts/" + id).with(OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(delete(URL + "/" + id).with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(delete(URL + "/" + id).with(OPERATOR)).andExpect(status().isNoContent());
        mvc.perform(get(URL + "/" + id).with(VIEWER)).andExpect(status().isNotFound());
        mvc.perform(delete(URL + "/" + id).with(user("ada").roles("ADMIN"))).andExpect(status().isNotFound());
    }

    @Test
    void writesNeedOperatorAndReadsNeedAUser() throws Exception {
        mvc.perform(post(URL).with(VIEWER).contentType(MediaType.APPLICATION_JSON).content(body("sysctl", "x", SYSCTL)))
                .andExpect(status().isForbidden());
        mvc.perform(get(URL)).andExpect(status().isUnauthorized());
        assertThat(artifacts.count()).isZero();
    }

    @Test
    void deletingTheInstanceRemovesItsArtifacts() throws Exception {
        uploadJson("sysctl", "x", SYSCTL);
        instances.deleteById(instanceId);
        assertThat(artifacts.count()).isZero();
    }

    @Test
    void analyzedArtifactsForADiagnosisInUploadOrder() throws Exception {
        uploadJson("iptables-save", "fw", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 100.64.0.0/10 -j DROP\nCOMMIT\n");
        uploadJson("sysctl", "s", SYSCTL);
        List<AnalyzedArtifact> analyzed = service.analyzed(instanceId);
        assertThat(analyzed).extracting(AnalyzedArtifact::kind).containsExactly(ArtifactKind.IPTABLES_SAVE, ArtifactKind.SYSCTL);
        assertThat(analyzed.get(0).facts()).isInstanceOf(IptablesFacts.class);
        assertThat(((SysctlFacts) analyzed.get(1).facts()).rpFilterValues().get("all").value()).isEqualTo(1);
        assertThat(analyzed.get(1).name()).isEqualTo("s");
        assertThat(service.analyzed(-1)).isEmpty();
    }

    @Test
    void nameDefaultsToTheKind() throws Exception {
        mvc.perform(post(URL).with(OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"sysctl\",\"content\":\"a.b = 1\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("sysctl"))
                .andExpect(jsonPath("$.uploadedBy").value("olga"));
        mvc.perform(get(URL).with(VIEWER)).andExpect(jsonPath("$.items[0].summary").doesNotExist());
    }
}
