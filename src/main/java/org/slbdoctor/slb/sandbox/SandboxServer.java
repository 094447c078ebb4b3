package org.slbdoctor.slb.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local SLB API: an HTTP server on loopback speaking the RPC protocol of SLB 2014-05-15
 * (reference §9). It verifies signatures against its own credentials, answers raw UTF-8 JSON in the
 * real API's shapes and applies the faults of {@link SandboxFaults}. Usable without Spring
 * (benchmarks, tests) through {@link #start()} / {@link #stop()}.
 */
public class SandboxServer {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    static final String VERSION = "2014-05-15";
    /** How far a request's Timestamp may be from the sandbox's clock; nonces are remembered as long. */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    // Jackson's defaults write non-ASCII characters raw (no \\u escapes): the SDK's reader needs that.
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Writes non-ASCII characters as \\uXXXX escapes (the UNICODE_ESCAPED_JSON fault). */
    private static final JsonMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final SandboxScenarios scenarios;
    private final SandboxFaults faults;
    private final SandboxApi api;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final int requestedPort;
    private final SandboxNonces nonces = new SandboxNonces(TIMESTAMP_WINDOW);
    private HttpServer server;
    private ExecutorService executor;

    public SandboxServer(SandboxScenarios scenarios, SandboxFaults faults, String accessKeyId, String accessKeySecret,
            int port) {
        this.scenarios = scenarios;
        this.faults = faults;
        this.api = new SandboxApi(scenarios);
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.requestedPort = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the SLB sandbox to 127.0.0.1:" + requestedPort, e);
        }
        AtomicInteger n = new AtomicInteger();
        // Enough threads that injected latency overlaps for concurrent calls, as on the real API.
        executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "slb-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("SLB sandbox listening on {} with {} instances", endpoint(), scenarios.all().size());
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("the SLB sandbox is not running");
        }
        return server.getAddress().getPort();
    }

    /** Base URL for {@code slbdoctor.aliyun.endpoint}: {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** For the app's own SDK client only; never shown or logged. */
    public String accessKeySecret() {
        return accessKeySecret;
    }

    public SandboxScenarios scenarios() {
        return scenarios;
    }

    public SandboxFaults faults() {
        return faults;
    }

    // ---- request handling ---------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().toUpperCase();
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("POST")) {
                sendError(exchange, requestId, new SandboxError(405, "UnsupportedHTTPMethod", "Only GET and POST are supported."));
                return;
            }
            Map<String, String> params = parameters(exchange);
            try {
                String action = params.getOrDefault("Action", "");
                verify(method, params);
                if (!api.supports(action)) {
                    throw new SandboxError(404, "InvalidAction.NotFound",
                            "Specified api is not found, please check your url and method.");
                }
                if (!VERSION.equals(params.get("Version"))) {
                    throw new SandboxError(400, "InvalidParameter", "The specified parameter \"Action or Version\" is not valid.");
                }
                sleep(faults.latencyFor(action));
                if (faults.recordAndCheckThrottle(action)) {
                    throw new SandboxError(faults.throttleStatus(), "Throttling.User", "Request was denied due to user flow control.");
                }
                Optional<SandboxFault> fault = faults.takeFault(action);
                if (fault.isPresent() && applyFault(exchange, requestId, action, params, fault.get())) {
                    return;
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("RequestId", requestId);
                body.putAll(api.handle(action, params));
                send(exchange, 200, "application/json;charset=utf-8", JSON.writeValueAsBytes(body));
            } catch (SandboxError e) {
                sendError(exchange, requestId, e);
            }
        } catch (RuntimeException e) {
            log.warn("SLB sandbox failed on a request", e);
        }
    }

    /**
     * The gateway's checks, in this order: unknown AK 404 InvalidAccessKeyId.NotFound; a missing
     * common parameter 400 MissingParameter; SignatureMethod other than HMAC-SHA1, SignatureVersion
     * other than 1.0 or a Format other than JSON 400 InvalidParameter (the sandbox answers JSON only;
     * an absent Format is accepted); a Timestamp not {@code yyyy-MM-ddTHH:mm:ssZ} 400 IllegalTimestamp,
     * one more than {@link #TIMESTAMP_WINDOW} away 400 InvalidTimeStamp.Expired; a wrong signature 400
     * SignatureDoesNotMatch echoing the string to sign; a SignatureNonce seen within the window 400
     * SignatureNonceUsed (reference §1.3, §1.4, §3; the exact texts are unverified there).
     */
    private void verify(String method, Map<String, String> params) {
        String ak = params.get("AccessKeyId");
        if (ak == null || !ak.equals(accessKeyId)) {
            throw new SandboxError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        for (String name : List.of("Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp")) {
            String v = params.get(name);
            if (v == null || v.isEmpty()) {
                throw SandboxError.missing(name);
            }
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))) {
            throw SandboxError.invalid("SignatureMethod");
        }
        if (!"1.0".equals(params.get("SignatureVersion"))) {
            throw SandboxError.invalid("SignatureVersion");
        }
        String format = params.get("Format");
        if (format != null && !format.equalsIgnoreCase("JSON")) {
            throw SandboxError.invalid("Format");
        }
        Instant timestamp;
        try {
            timestamp = TIMESTAMP.parse(params.get("Timestamp"), Instant::from);
        } catch (DateTimeParseException e) {
            throw new SandboxError(400, "IllegalTimestamp", "The input parameter \"Timestamp\" that is mandatory for "
                    + "processing this request is not supplied or is not valid (expected yyyy-MM-ddTHH:mm:ssZ, UTC).");
        }
        Instant now = Instant.now();
        if (timestamp.isBefore(now.minus(TIMESTAMP_WINDOW)) || timestamp.isAfter(now.plus(TIMESTAMP_WINDOW))) {
            throw new SandboxError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        }
        String given = params.get("Signature");
        String stringToSign = SandboxSignature.stringToSign(method, params);
        String expected = SandboxSignature.sign(stringToSign, accessKeySecret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new SandboxError(400, "SignatureDoesNotMatch",
                    "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
        }
        if (!nonces.firstUse(params.get("SignatureNonce"), now)) {
            throw new SandboxError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    /** Applies a fault; false when it does not change this call (e.g. 80.0 on an action without integers). */
    private boolean applyFault(HttpExchange exchange, String requestId, String action, Map<String, String> params,
            SandboxFault fault) throws IOException {
        switch (fault) {
            case SERVICE_UNAVAILABLE -> throw new SandboxError(503, "ServiceUnavailable",
                    "The request has failed due to a temporary failure of the server.");
            case INTERNAL_ERROR -> throw new SandboxError(500, "InternalError",
                    "The request processing has failed due to some unknown error, exception or failure.");
            case FORBIDDEN_RAM -> throw new SandboxError(403, "Forbidden.RAM",
                    "User not authorized to operate on the specified resource, or this API doesn't support RAM.");
            case THROTTLING -> throw new SandboxError(faults.throttleStatus(), "Throttling.User",
                    "Request was denied due to user flow control.");
            case HTML_ERROR_PAGE -> {
                send(exchange, 502, "text/html", ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case PLAIN_TEXT -> {
                send(exchange, 200, "text/plain;charset=utf-8",
                        "upstream connect error or disconnect/reset before headers".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            default -> {
                // the malformed-JSON variants need the real body first
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.putAll(api.handle(action, params));
        String json = JSON.writeValueAsString(body);
        byte[] broken = switch (fault) {
            case TRUNCATED_JSON -> {
                // cut right after the opening quote of the RequestId value: a body ending inside a string
                int at = json.indexOf(requestId);
                yield utf8(json.substring(0, at + 4));
            }
            case UNCLOSED_JSON -> utf8(json.substring(0, json.lastIndexOf('}')));
            case FLOAT_INTEGER -> replaceFirstInteger(body) ? JSON.writeValueAsBytes(body) : null;
            case NO_CONTENT_TYPE -> utf8(json);
            case UNICODE_ESCAPED_JSON -> ASCII_JSON.writeValueAsBytes(body);
            case UTF8_BOM -> {
                byte[] b = utf8(json);
                byte[] withBom = new byte[b.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(b, 0, withBom, 3, b.length);
                yield withBom;
            }
            case WRONG_ARRAY_SHAPE -> {
                boolean changed;
                if (action.equals("DescribeLoadBalancerListeners")) {
                    body.put("Listeners", Map.of("Listener", body.get("Listeners")));
                    changed = true;
                } else {
                    changed = unwrapArrays(body);
                }
                yield changed ? JSON.writeValueAsBytes(body) : null;
            }
            case PAGE_TOTAL_COUNT -> {
                if (!(body.get("LoadBalancers") instanceof Map<?, ?> wrapper
                        && wrapper.get("LoadBalancer") instanceof List<?> page)) {
                    yield null;
                }
                body.put("TotalCount", page.size());
                yield JSON.writeValueAsBytes(body);
            }
            default -> null;
        };
        if (broken == null) {
            return false;
        }
        send(exchange, 200, fault == SandboxFault.NO_CONTENT_TYPE ? null : "application/json;charset=utf-8", broken);
        return true;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces every wrapper object {@code {"Inner":[…]}} by its bare array; true when there was one. */
    @SuppressWarnings("unchecked")
    private static boolean unwrapArrays(Object node) {
        boolean changed = false;
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() instanceof Map<?, ?> inner && inner.size() == 1
                        && inner.values().iterator().next() instanceof List<?> items) {
                    e.setValue(items);
                    changed = true;
                }
                changed |= unwrapArrays(e.getValue());
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                changed |= unwrapArrays(item);
            }
        }
        return changed;
    }

    /** Turns the first integer found (depth first) into the same value as a float, e.g. 80 → 80.0. */
    @SuppressWarnings("unchecked")
    private static boolean replaceFirstInteger(Object node) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() instanceof Integer || e.getValue() instanceof Long) {
                    e.setValue(((Number) e.getValue()).doubleValue());
                    return true;
                }
                if (replaceFirstInteger(e.getValue())) {
                    return true;
                }
            }
        } else if (node instanceof List<?> list) {
            for (int k = 0; k < list.size(); k++) {
                Object v = list.get(k);
                if (v instanceof Integer || v instanceof Long) {
                    ((List<Object>) list).set(k, ((Number) v).doubleValue());
                    return true;
                }
                if (replaceFirstInteger(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parseInto(params, exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(1 << 20);
            if (body.length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
                parseInto(params, new String(body, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void parseInto(Map<String, String> params, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }

    private static void sendError(HttpExchange exchange, String requestId, SandboxError e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", "slb.aliyuncs.com");
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=Slb&requestId=" + requestId);
        send(exchange, e.status(), "application/json;charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
