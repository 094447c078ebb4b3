package org.slbdoctor.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slbdoctor.instance.SlbInstance;
import org.slbdoctor.instance.SlbInstanceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The artifact size limit over a real Tomcat with the default 20 MiB (MockMvc bypasses the multipart
 * parser, the connector's post and swallow limits): exactly the limit is accepted as JSON and as
 * multipart, one byte more is a 400 problem, far more is a 400 problem too (never a 413 or a reset).
 * Same properties as ErrorResponsesTests, so both share one started server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:errors;DB_CLOSE_DELAY=-1",
        "slbdoctor.admin.password=errors-admin-pw",
        "slbdoctor.sandbox.enabled=true"})
class ArtifactUploadLimitTests {

    private static final String LB = "lb-bp1limit00000000000001";
    private static final int LIMIT = 20 * 1024 * 1024;
    private static final String BOUNDARY = "----slbdoctor-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    SlbInstanceRepository instances;

    @Autowired
    ArtifactRepository artifacts;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void registerInstance() {
        instances.findByLoadBalancerId(LB).ifPresent(instances::delete);
        instances.save(new SlbInstance(LB, "cn-hangzhou", Instant.now(), "admin"));
    }

    @Test
    void jsonUpToTheLimitIsAcceptedOneByteMoreIs400() throws Exception {
        HttpResponse<String> ok = send(jsonUpload(LIMIT), true);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(json.readTree(ok.body()).get("id").isNumber()).isTrue();
        assertThat(json.readTree(ok.body()).get("sizeBytes").asLong()).isEqualTo(LIMIT);

        assertTooLarge(send(jsonUpload(LIMIT + 1), true));
    }

    @Test
    void multipartUpToTheLimitIsAcceptedOneByteMoreIs400() throws Exception {
        HttpResponse<String> ok = send(multipartUpload(LIMIT), true);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(json.readTree(ok.body()).get("sizeBytes").asLong()).isEqualTo(LIMIT);

        assertTooLarge(send(multipartUpload(LIMIT + 1), true));
    }

    @Test
    void multipartFarBeyondTheMultipartLimitsIs400NotA413() throws Exception {
        assertTooLarge(send(multipartUpload(LIMIT + 4 * 1024 * 1024), true));
    }

    @Test
    void aLargeUploadWithoutCredentialsGetsItsReadable401() throws Exception {
        // a client that sends the whole body before reading (as most do): Tomcat must read and discard what
        // the application left unread (its swallow limit), else it closes the connection and the client,
        // still sending, gets a reset instead of the answer
        byte[] body = ("{\"kind\":\"sysctl\",\"content\":\"" + "a".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/instances/" + LB + "/artifacts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 401").contains("Content-Type: application/problem+json");
        }
    }

    private void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("ContentTooLarge");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).contains(String.valueOf(LIMIT));
    }

    private HttpRequest.Builder jsonUpload(int contentBytes) {
        String body = "{\"kind\":\"nginx-error-log\",\"name\":\"big\",\"content\":\"" + "a".repeat(contentBytes) + "\"}";
        return HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder multipartUpload(int fileBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(fileBytes + 1024);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nnginx-error-log\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"error.log\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] file = new byte[fileBytes];
        Arrays.fill(file, (byte) 'a');
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri()).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean authenticated) throws Exception {
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("admin:errors-admin-pw".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/instances/" + LB + "/artifacts");
    }
}
