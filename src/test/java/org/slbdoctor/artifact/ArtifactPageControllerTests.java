package org.slbdoctor.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The artifacts page: paste and upload through the same rules as the REST API, inline errors, roles. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:artifactpage;DB_CLOSE_DELAY=-1",
        "slbdoctor.sandbox.enabled=false",
        "slbdoctor.artifacts.max-bytes=2000"})
@AutoConfigureMockMvc
class ArtifactPageControllerTests {

    static final String LB = "lb-bp1artpage00000000001";
    static final String PATH = "/instances/" + LB + "/artifacts";
    static final String NGINX_LINE = "2026/11/23 10:00:01 [error] 1760#0: *251777 upstream timed out (110: Connection timed out)"
            + " while reading response header from upstream, client: 10.0.0.1, server: localhost,"
            + " request: \"GET /slow.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\"\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    ArtifactRepository artifacts;

    @Autowired
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> artifactFormPostSize;

    @BeforeEach
    void instance() {
        if (!instances.existsByLoadBalancerId(LB)) {
            instances.save(new SlbInstance(LB, "cn-hangzhou", Instant.now(), "admin"));
        }
    }

    @Test
    void pastedNginxLogIsStoredWithTheAnalyzersSummaryAndListed() throws Exception {
        long before = artifacts.count();
        mvc.perform(multipart(PATH).with(user("op").roles("OPERATOR")).with(csrf())
                        .param("kind", "nginx-error-log").param("name", "web-1 <error.log>").param("content", NGINX_LINE))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(PATH))
                .andExpect(flash().attribute("message", containsString("web-1 <error.log>")));
        assertThat(artifacts.count()).isEqualTo(before + 1);

        String html = mvc.perform(get(PATH).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("web-1 &lt;error.log&gt;")))
                .andExpect(content().string(containsString("nginx-error-log")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("(?s)data-artifact-id=.*class=\"summary\">[^<]*\\S[^<]*</td>")
                .contains("sha256 ").contains("by").contains("upstream timed out (110)").doesNotContain("fastcgi://127.0.0.1:9000"); // summary, never the content
    }

    @Test
    void uploadedFileIsStoredUnderItsFileName() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "C:\\logs\\sysctl.txt", "text/plain",
                "net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 0\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart(PATH).file(file).with(user("op").roles("OPERATOR")).with(csrf()).param("kind", "sysctl"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", containsString("sysctl.txt")));
    }

    @Test
    void refusedUploadsShowTheErrorInlineKeepTheTextAndStoreNothing() throws Exception {
        long before = artifacts.count();
        // unknown kind: the pasted text stays in the form
        mvc.perform(multipart(PATH).with(user("op").roles("OPERATOR")).with(csrf())
                        .param("kind", "apache-log").param("content", "keep me <please>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"artifact-error\"")))
                .andExpect(content().string(containsString("UnknownArtifactKind")))
                .andExpect(content().string(containsString("keep me &lt;please&gt;</textarea>")));
        // empty
        mvc.perform(multipart(PATH).with(user("op").roles("OPERATOR")).with(csrf())
                        .param("kind", "sysctl").param("content", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("EmptyContent")));
        // binary file
        MockMultipartFile binary = new MockMultipartFile("file", "core.bin", "application/octet-stream",
                new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        mvc.perform(multipart(PATH).file(binary).with(user("op").roles("OPERATOR")).with(csrf()).param("kind", "sysctl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("BinaryContent")));
        // over the limit (2000 bytes in this test)
        mvc.perform(multipart(PATH).with(user("op").roles("OPERATOR")).with(csrf())
                        .param("kind", "nginx-error-log").param("content", NGINX_LINE.repeat(20)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ContentTooLarge")))
                .andExpect(content().string(containsString("the limit is 2000 bytes")));
        assertThat(artifacts.count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void viewerSeesArtifactsAndCommandsButNoFormsAndCannotChangeAnything() throws Exception {
        mvc.perform(multipart(PATH).with(user("op").roles("OPERATOR")).with(csrf())
                .param("kind", "nginx-error-log").param("content", NGINX_LINE)).andExpect(status().is3xxRedirection());
        long id = artifacts.findAll().stream().filter(a -> a.getName().equals("nginx-error-log"))
                .findFirst().orElseThrow().getId();
        mvc.perform(get(PATH).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"artifact-sysctl\"")))
                .andExpect(content().string(containsString("sysctl -a 2&gt;/dev/null")))
                .andExpect(content().string(containsString("id=\"artifact-slb-access-log\"")))
                .andExpect(content().string(not(containsString("enctype=\"multipart/form-data\""))))
                .andExpect(content().string(not(containsString("/delete\""))));
        mvc.perform(multipart(PATH).with(user("v").roles("VIEWER")).with(csrf())
                .param("kind", "sysctl").param("content", "x=1")).andExpect(status().isForbidden());
        mvc.perform(post(PATH + "/" + id + "/delete").with(user("v").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(artifacts.existsById(id)).isTrue();

        mvc.perform(post(PATH + "/" + id + "/delete").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("message"));
        assertThat(artifacts.existsById(id)).isFalse();
    }

    @Test
    void kindCanBePreselectedByLink() throws Exception {
        mvc.perform(get(PATH).param("kind", "iptables-save").with(user("op").roles("OPERATOR")))
                .andExpect(content().string(containsString("value=\"iptables-save\" selected")));
    }

    @Test
    void tomcatAcceptsPastedTextUpToTheArtifactLimit() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        artifactFormPostSize.customize(factory);
        Connector connector = new Connector();
        connector.setMaxPostSize(1024);
        factory.getConnectorCustomizers().forEach(c -> c.customize(connector));
        assertThat((long) connector.getMaxPostSize()).isGreaterThan(2000 + 1024 * 1024);
    }
}
