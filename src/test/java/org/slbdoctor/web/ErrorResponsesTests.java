package org.slbdoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Through a real server (MockMvc does not perform the container's /error dispatch). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:errors;DB_CLOSE_DELAY=-1",
        "slbdoctor.admin.password=errors-admin-pw",
        "slbdoctor.sandbox.enabled=true"})
class ErrorResponsesTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownApiPathIsA404Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/no-such-thing"))
                .header("Authorization", basic("admin", "errors-admin-pw")).GET().build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":404").contains("\"title\":\"Not Found\"")
                .doesNotContain("trace").doesNotContain("exception");
    }

    @Test
    void apiErrorsAreProblemsEvenWhenTheClientAsksForHtml() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/no-such-thing"))
                .header("Authorization", basic("admin", "errors-admin-pw"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":404").doesNotContain("<html");
    }

    @Test
    void unauthenticatedApiCallOverTheWireIs401Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/instances"))
                .header("Accept", "text/html").GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void sandboxBannerIsShownOnEveryPageWhileSandboxIsOn() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET().build());
        assertThat(login.body()).contains("data-testid=\"sandbox-banner\"").contains("Sandbox mode");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
