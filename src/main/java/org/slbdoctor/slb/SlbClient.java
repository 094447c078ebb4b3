package org.slbdoctor.slb;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slbdoctor.slb.SlbApiException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way the application calls the SLB API: the official SDK ({@link DefaultAcsClient}, one per
 * region), with the configured endpoint and timeouts, a shared rate limiter, bounded retries with
 * exponential backoff and jitter, response validation before the SDK parses, and typed errors.
 * Thread-safe; meant to be shared.
 */
public class SlbClient {

    private static final Logger log = LoggerFactory.getLogger(SlbClient.class);

    /** A successful call: the SDK's response and its record. */
    public record Result<T>(T response, ApiCall call) {
    }

    private final SlbProperties settings;
    private final AlibabaCloudCredentialsProvider credentials;
    private final RateLimiter limiter;
    private final Map<String, IAcsClient> clients = new ConcurrentHashMap<>();
    private final String endpointHostPort;
    private final ProtocolType protocol;

    public SlbClient(SlbProperties settings, AlibabaCloudCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.limiter = new RateLimiter(settings.rateLimit(), settings.rateBurst());
        if (settings.endpoint() != null) {
            URI uri = endpointUri(settings.endpoint());
            this.protocol = "http".equalsIgnoreCase(uri.getScheme()) ? ProtocolType.HTTP : ProtocolType.HTTPS;
            this.endpointHostPort = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } else {
            this.protocol = ProtocolType.HTTPS;
            this.endpointHostPort = null;
        }
    }

    /**
     * The endpoint as a base URL: {@code http} or {@code https} (the default when no scheme is given),
     * a host and an optional port; a path is ignored (with a warning): the SDK sends every call to
     * {@code <scheme>://<host:port>/?<query>} (reference §1.1).
     */
    static URI endpointUri(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint.contains("://") ? endpoint : "https://" + endpoint);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("slbdoctor.aliyun.endpoint is not a URL: " + endpoint, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("slbdoctor.aliyun.endpoint must be an http:// or https:// URL: " + endpoint);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("slbdoctor.aliyun.endpoint has no host: " + endpoint);
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            log.warn("slbdoctor.aliyun.endpoint {}: the path and query are ignored, the SLB API is served at /", endpoint);
        }
        return uri;
    }

    public SlbProperties settings() {
        return settings;
    }

    /** Calls {@code request} in {@code regionId}; throws {@link SlbApiException} when it finally fails. */
    public <T extends AcsResponse> Result<T> call(String regionId, AcsRequest<T> request) {
        String action = request.getSysActionName();
        prepare(request);
        IAcsClient client = clients.computeIfAbsent(regionId, this::newClient);
        long started = System.nanoTime();
        long deadline = started + settings.maxRetryTime().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            ValidatingHttpClient.Capture capture = ValidatingHttpClient.startCapture();
            SlbApiException failure;
            try {
                limiter.acquire();
                T response = client.getAcsResponse(request);
                return new Result<>(response, new ApiCall(action, requestIdOf(response), millisSince(started), attempt,
                        null, capture.body));
            } catch (ServerException e) {
                failure = classify(action, e, Kind.UNAVAILABLE, capture, started, attempt);
            } catch (ClientException e) {
                failure = classify(action, e, null, capture, started, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error(Kind.OTHER, "SDK.InterruptedException", null, action, "interrupted while waiting to call "
                        + action, capture, started, attempt, e);
            } catch (RuntimeException e) {
                // the SDK's parser throwing (e.g. NumberFormatException on a type the validator did not foresee)
                failure = error(Kind.MALFORMED_RESPONSE, SlbApiException.MALFORMED_CODE, null, action,
                        "The SLB API answer to " + action + " cannot be parsed: " + e, capture, started, attempt, e);
            } finally {
                ValidatingHttpClient.endCapture();
            }
            long backoff = backoff(attempt);
            if (!retryable(failure.kind(), capture.status) || attempt >= settings.maxAttempts()
                    || System.nanoTime() + backoff * 1_000_000 > deadline) {
                throw failure;
            }
            log.debug("{} failed with {} (attempt {}), retrying in {} ms", action, failure.code(), attempt, backoff);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    void prepare(AcsRequest<?> request) {
        request.setSysConnectTimeout((int) settings.connectTimeout().toMillis());
        request.setSysReadTimeout((int) settings.readTimeout().toMillis());
        request.setSysProtocol(protocol);
        if (endpointHostPort != null) {
            // per request rather than DefaultProfile.addEndpoint, which is static and global to the JVM
            request.setSysEndpoint(endpointHostPort);
        }
    }

    private IAcsClient newClient(String regionId) {
        DefaultProfile profile = DefaultProfile.getProfile(regionId);
        profile.getHttpClientConfig().setConnectionTimeoutMillis(settings.connectTimeout().toMillis());
        profile.getHttpClientConfig().setReadTimeoutMillis(settings.readTimeout().toMillis());
        DefaultAcsClient client = new DefaultAcsClient(profile, credentials);
        client.setHttpClient(new ValidatingHttpClient(client.getHttpClient()));
        return client;
    }

    /** Exponential backoff with equal jitter: half fixed, half random, capped. */
    private long backoff(int attempt) {
        long base = settings.backoffBase().toMillis();
        long exp = Math.min(settings.backoffMax().toMillis(), base * (1L << Math.min(20, attempt - 1)));
        long half = Math.max(1, exp / 2);
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    /** Throttling, 5xx and I/O failures; an unparseable 5xx (a proxy's error page) is as transient as the API's own. */
    private static boolean retryable(Kind kind, int httpStatus) {
        return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT || kind == Kind.UNREACHABLE
                || (kind == Kind.MALFORMED_RESPONSE && httpStatus >= 500);
    }

    private SlbApiException classify(String action, ClientException e, Kind forced, ValidatingHttpClient.Capture capture,
            long started, int attempt) {
        String code = e.getErrCode();
        String requestId = e.getRequestId();
        Kind kind = forced != null ? forced : kindOf(code, e.getErrMsg());
        if (code == null) {
            code = kind == Kind.MALFORMED_RESPONSE ? SlbApiException.MALFORMED_CODE
                    : kind == Kind.UNAVAILABLE ? "ServiceUnavailable" : "SDK.Unknown";
        }
        String text = kind == Kind.UNREACHABLE && connectTimedOut(e)
                ? message(kind, action, code, e.getErrMsg(), requestId).replace(UNREACHABLE_WHAT,
                        "The SLB API endpoint did not accept a connection within slbdoctor.aliyun.connect-timeout ("
                                + settings.connectTimeout().toMillis() + " ms): check the network, proxy and "
                                + "slbdoctor.aliyun.endpoint")
                : message(kind, action, code, e.getErrMsg(), requestId);
        return error(kind, code, requestId, action, text, capture, started, attempt, e);
    }

    /** The SDK reports a connect timeout as SDK.ServerUnreachable (any IOException but a read timeout, §2.2). */
    private static boolean connectTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ConnectTimeoutException")
                    || (t instanceof java.net.SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect"))) {
                return true;
            }
        }
        return false;
    }

    static Kind kindOf(String code, String message) {
        if (code == null) {
            return message != null && message.contains("bad format type") ? Kind.MALFORMED_RESPONSE : Kind.OTHER;
        }
        if (code.equals(SlbApiException.MALFORMED_CODE)) {
            return Kind.MALFORMED_RESPONSE;
        }
        if (code.startsWith("Throttling") || code.equals("SDK.TriggerThrottlingPolicy")) {
            return Kind.THROTTLED;
        }
        if (code.equals("InvalidAccessKeyId.NotFound") || code.equals("InvalidAccessKeyId.Inactive")
                || code.equals("SignatureDoesNotMatch") || code.equals("IncompleteSignature")
                || code.equals("SDK.InvalidAccessKeySecret") || code.equals("SDK.InvalidAccessSecret")
                || code.equals("InvalidSecurityToken.Expired") || code.equals("InvalidSecurityToken.MismatchWithAccessKey")) {
            return Kind.BAD_CREDENTIALS;
        }
        if (code.startsWith("Forbidden") || code.equals("NoPermission")) {
            return Kind.RAM_DENIED;
        }
        if (code.endsWith(".NotFound") || code.startsWith("ResourceNotFound")) {
            return Kind.NOT_FOUND;
        }
        if (code.equals("SDK.ReadTimeout")) {
            return Kind.TIMEOUT;
        }
        if (code.equals("SDK.ServerUnreachable")) {
            return Kind.UNREACHABLE;
        }
        if (code.equals("ServiceUnavailable") || code.equals("InternalError") || code.equals("SystemBusy")
                || code.equals("LocationServiceTimeout")) {
            return Kind.UNAVAILABLE;
        }
        return Kind.OTHER;
    }

    private static final String UNREACHABLE_WHAT = "The SLB API endpoint cannot be reached: check the network, proxy "
            + "and slbdoctor.aliyun.endpoint";

    private static String message(Kind kind, String action, String code, String apiMessage, String requestId) {
        String what = switch (kind) {
            case NOT_FOUND -> "The SLB API says the resource does not exist in this region";
            case BAD_CREDENTIALS -> "The SLB API rejected the credentials: check the AccessKey id and secret "
                    + "(ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET)";
            case RAM_DENIED -> "The RAM user is not allowed to call " + action
                    + ": grant it read access to SLB (e.g. AliyunSLBReadOnlyAccess)";
            case THROTTLED -> "The SLB API throttled the calls, also after retries: try again later or lower "
                    + "slbdoctor.aliyun.rate-limit";
            case UNAVAILABLE -> "The SLB API failed on its side, also after retries: try again later";
            case TIMEOUT -> "The SLB API did not answer in time (slbdoctor.aliyun.read-timeout)";
            case UNREACHABLE -> UNREACHABLE_WHAT;
            case MALFORMED_RESPONSE -> "The SLB API answer could not be parsed";
            case OTHER -> "The SLB API call failed";
        };
        StringBuilder m = new StringBuilder(what).append(" (").append(action).append(": ").append(code);
        if (apiMessage != null && !apiMessage.isBlank() && kind != Kind.BAD_CREDENTIALS) {
            // the SDK's network messages quote the signed URL: its query (AccessKeyId, Signature) stays out
            String shown = apiMessage.replaceAll("(https?://[^\\s?]+)\\?\\S*", "$1");
            m.append(" — ").append(shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
        }
        if (requestId != null) {
            m.append("; RequestId ").append(requestId);
        }
        return m.append(')').toString();
    }

    private static SlbApiException error(Kind kind, String code, String requestId, String action, String message,
            ValidatingHttpClient.Capture capture, long started, int attempt, Throwable cause) {
        ApiCall call = new ApiCall(action, requestId, millisSince(started), attempt, code, capture.body);
        return new SlbApiException(kind, code, requestId, action, message, call, cause);
    }

    private static String requestIdOf(AcsResponse response) {
        try {
            Object id = response.getClass().getMethod("getRequestId").invoke(response);
            return id == null ? null : id.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
