package org.slbdoctor.slb.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox checks requests the way reference §1.3/§1.4 and §3 describe the gateway: signature
 * (HMAC-SHA1 over the percent-encoded, sorted parameters), SignatureMethod/SignatureVersion,
 * Timestamp format and skew, SignatureNonce replay, Format. Requests are signed here by an
 * independent implementation of the algorithm (the reference's Python check, in Java).
 */
class SandboxSignatureTests {

    static final String AK = "LTAI5tSigTest000000001";
    static final String SECRET = "sig-secret-0123456789";
    static final SandboxServer server = new SandboxServer(SandboxScenarios.fromClasspath(), new SandboxFaults(), AK,
            SECRET, 0);
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static {
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** The parameters the Java SDK sends for DescribeRegions, freshly timestamped and with a new nonce. */
    static Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "DescribeRegions");
        p.put("Version", "2014-05-15");
        p.put("Format", "JSON");
        p.put("AccessKeyId", AK);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", HexFormat.of().formatHex(randomBytes()));
        p.put("Timestamp", ISO.format(Instant.now()));
        p.put("RegionId", "cn-hangzhou");
        return p;
    }

    static byte[] randomBytes() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    static String pe(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String sign(String method, Map<String, String> params, String secret) throws Exception {
        StringBuilder canon = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            canon.append(canon.isEmpty() ? "" : "&").append(pe(e.getKey())).append('=').append(pe(e.getValue()));
        }
        String sts = method + "&" + pe("/") + "&" + pe(canon.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(sts.getBytes(StandardCharsets.UTF_8)));
    }

    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(pe(k)).append('=').append(pe(v)));
        return q.toString();
    }

    /** Signs {@code params} (unless they carry a Signature already) and POSTs them in the query, as the SDK does. */
    static HttpResponse<String> post(Map<String, String> params) throws Exception {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.putIfAbsent("Signature", sign("POST", params, SECRET));
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/?" + query(signed)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        assertThat(r.body()).contains("\"Code\":\"" + code + "\"", "\"RequestId\":", "\"HostId\":");
    }

    @Test
    void aCorrectlySignedRequestIsAnswered() throws Exception {
        HttpResponse<String> r = post(params());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"Regions\":{\"Region\":[");
    }

    @Test
    void parametersInAFormBodyAndGetRequestsAreVerifiedToo() throws Exception {
        Map<String, String> p = params();
        p.put("Signature", sign("POST", p, SECRET));
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(p))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);

        Map<String, String> g = params();
        g.put("Signature", sign("GET", g, SECRET));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/?" + query(g)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);

        // signed for GET, sent as POST: the method is part of the string to sign
        Map<String, String> wrongMethod = params();
        wrongMethod.put("Signature", sign("GET", wrongMethod, SECRET));
        assertError(post(wrongMethod), 400, "SignatureDoesNotMatch");
    }

    @Test
    void percentEncodingOfReservedAndNonAsciiCharacters() throws Exception {
        Map<String, String> p = params();
        p.put("Action", "DescribeLoadBalancers");
        p.put("LoadBalancerName", "生产环境 华东*~+/=&");
        HttpResponse<String> r = post(p);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aWrongSignatureEchoesTheServerStringToSign() throws Exception {
        Map<String, String> p = params();
        p.put("Signature", sign("POST", p, "not-the-secret"));
        HttpResponse<String> r = post(p);
        assertError(r, 400, "SignatureDoesNotMatch");
        assertThat(r.body()).contains("server string to sign is:POST&%2F&AccessKeyId%3D" + AK);
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        Map<String, String> p = params();
        assertThat(post(p).statusCode()).isEqualTo(200);
        assertError(post(p), 400, "SignatureNonceUsed");
    }

    @Test
    void aTimestampOutsideTheWindowOrMalformedIsRefused() throws Exception {
        Map<String, String> old = params();
        old.put("Timestamp", ISO.format(Instant.now().minus(Duration.ofMinutes(20))));
        assertError(post(old), 400, "InvalidTimeStamp.Expired");

        Map<String, String> future = params();
        future.put("Timestamp", ISO.format(Instant.now().plus(Duration.ofMinutes(20))));
        assertError(post(future), 400, "InvalidTimeStamp.Expired");

        Map<String, String> fewMinutes = params();
        fewMinutes.put("Timestamp", ISO.format(Instant.now().minus(Duration.ofMinutes(3))));
        assertThat(post(fewMinutes).statusCode()).isEqualTo(200);

        for (String bad : new String[] {"2026-11-23 19:03:46", "2026-11-23T19:03:46", "2026-11-23T19:03:46+08:00",
                "1700000000", "2026-02-30T10:00:00Z"}) {
            Map<String, String> p = params();
            p.put("Timestamp", bad);
            assertError(post(p), 400, "IllegalTimestamp");
        }
    }

    @Test
    void onlySignatureV1WithHmacSha1AndJsonFormat() throws Exception {
        Map<String, String> sha256 = params();
        sha256.put("SignatureMethod", "HMAC-SHA256");
        assertError(post(sha256), 400, "InvalidParameter");

        Map<String, String> v2 = params();
        v2.put("SignatureVersion", "2.0");
        assertError(post(v2), 400, "InvalidParameter");

        Map<String, String> xml = params();
        xml.put("Format", "XML");
        assertError(post(xml), 400, "InvalidParameter");
    }

    @Test
    void missingCommonParametersAreNamed() throws Exception {
        for (String name : new String[] {"SignatureNonce", "Timestamp", "SignatureMethod", "SignatureVersion"}) {
            Map<String, String> p = params();
            p.remove(name);
            HttpResponse<String> r = post(p);
            assertError(r, 400, "MissingParameter");
            assertThat(r.body()).contains(name);
        }
        Map<String, String> unsigned = params();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/?" + query(unsigned)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertError(r, 400, "MissingParameter");
        assertThat(r.body()).contains("Signature");
    }

    @Test
    void anUnknownAccessKeyIsNotFoundWith404() throws Exception {
        Map<String, String> p = params();
        p.put("AccessKeyId", "LTAI5tNobody0000000001");
        assertError(post(p), 404, "InvalidAccessKeyId.NotFound");
    }
}
