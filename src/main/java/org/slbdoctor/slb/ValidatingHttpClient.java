package org.slbdoctor.slb;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Wraps the SDK's HTTP client: keeps each raw response for the collection record and refuses bodies
 * the SDK cannot parse safely (see {@link ResponseValidator}) with {@code SDK.MalformedResponse},
 * before {@code DefaultAcsClient} hands them to its own JSON reader.
 */
final class ValidatingHttpClient extends IHttpClient {

    /** The last raw answer seen on this thread; the SDK calls are synchronous, so the caller reads it back. */
    static final class Capture {
        int status;
        String body;
    }

    private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();
    private static final int MAX_KEPT_BODY = 2 * 1024 * 1024;

    private final IHttpClient delegate;

    ValidatingHttpClient(IHttpClient delegate) {
        super();
        this.delegate = delegate;
    }

    static Capture startCapture() {
        Capture c = new Capture();
        CAPTURE.set(c);
        return c;
    }

    static void endCapture() {
        CAPTURE.remove();
    }

    @Override
    protected void init(HttpClientConfig config) {
        // the delegate is initialised by the SDK's factory
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
        HttpResponse response;
        try {
            response = delegate.syncInvoke(request);
        } catch (RuntimeException e) {
            // ApacheHttpClient refuses a body without Content-Type with a bare RuntimeException, which
            // DefaultAcsClient would report as SDK.RequestTryOrRetryFailed
            if (e.getMessage() != null && e.getMessage().contains("contentType cannot be empty")) {
                throw malformed("the answer has a body but no Content-Type header");
            }
            throw e;
        }
        byte[] body = response.getHttpContent();
        Capture capture = CAPTURE.get();
        if (capture != null) {
            capture.status = response.getStatus();
            capture.body = text(body);
        }
        String action = request instanceof com.aliyuncs.AcsRequest<?> acs ? acs.getSysActionName()
                : request.getSysHeaders() == null ? null : request.getSysHeaders().get("x-acs-action");
        if (response.getHttpContentType() != FormatType.JSON) {
            // (the SDK has replaced the Content-Type header by then: the body says more)
            String what = body == null || body.length == 0 ? "an empty body" : "\"" + excerpt(body) + "\"";
            throw malformed(response.isSuccess() ? "the answer is not JSON but " + what
                    : "HTTP " + response.getStatus() + " with " + what
                            + ", not a JSON error of the API (an error page of a proxy or gateway?)");
        }
        // error bodies go through the SDK's reader too, but only their syntax matters there
        Optional<String> problem = ResponseValidator.problem(response.isSuccess() ? action : null, body);
        if (problem.isPresent()) {
            throw malformed(response.isSuccess() ? problem.get() : "HTTP " + response.getStatus() + " with " + problem.get());
        }
        Optional<byte[]> normalised = ResponseValidator.normalised(body);
        if (normalised.isPresent()) {
            response.setHttpContent(normalised.get(), "UTF-8", FormatType.JSON);
            if (capture != null) {
                capture.body = text(normalised.get());
            }
        }
        return response;
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }

    private static String text(byte[] body) {
        return body == null ? null : new String(body, 0, Math.min(body.length, MAX_KEPT_BODY), StandardCharsets.UTF_8);
    }

    private static ClientException malformed(String why) {
        return new ClientException(SlbApiException.MALFORMED_CODE, "The SLB API answer cannot be parsed: " + why);
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) throws IOException {
        return delegate.asyncInvoke(request, callback);
    }

    @Override
    public void ignoreSSLCertificate() {
        delegate.ignoreSSLCertificate();
    }

    @Override
    public void restoreSSLCertificate() {
        delegate.restoreSSLCertificate();
    }

    @Override
    public boolean isSingleton() {
        // never let one DefaultAcsClient's shutdown close the SDK's shared Apache client
        return true;
    }

    @Override
    public void close() {
        // the shared delegate lives as long as the JVM (SDK singleton)
    }
}
