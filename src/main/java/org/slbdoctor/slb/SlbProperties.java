package org.slbdoctor.slb;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the SLB API client ({@code slbdoctor.aliyun.*}). Credentials are not here: they come
 * from the Alibaba Cloud default chain (or the sandbox's own in sandbox mode).
 *
 * @param endpoint base URL overriding scheme, host and port for every region (unset: the SDK's regional endpoints over HTTPS)
 * @param connectTimeout connect timeout per attempt
 * @param readTimeout read timeout per attempt
 * @param maxAttempts attempts per call including the first (throttling, 5xx and I/O errors are retried)
 * @param maxRetryTime total time a call may spend retrying; no retry starts beyond it
 * @param backoffBase first backoff; doubles each retry, with jitter
 * @param backoffMax cap of one backoff
 * @param rateLimit calls per second for the whole application (a fleet scan must not trip the account's throttling)
 * @param rateBurst calls that may start at once when the limiter is idle
 * @param concurrency threads collecting in parallel (calls in flight at most)
 */
@ConfigurationProperties("slbdoctor.aliyun")
public record SlbProperties(
        String endpoint,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxAttempts,
        Duration maxRetryTime,
        Duration backoffBase,
        Duration backoffMax,
        Double rateLimit,
        Integer rateBurst,
        Integer concurrency) {

    public SlbProperties {
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxAttempts = maxAttempts == null ? 4 : Math.max(1, maxAttempts);
        maxRetryTime = maxRetryTime == null ? Duration.ofSeconds(30) : maxRetryTime;
        backoffBase = backoffBase == null ? Duration.ofMillis(200) : backoffBase;
        backoffMax = backoffMax == null ? Duration.ofSeconds(5) : backoffMax;
        rateLimit = rateLimit == null ? 20.0 : rateLimit;
        rateBurst = rateBurst == null ? 20 : Math.max(1, rateBurst);
        concurrency = concurrency == null ? 64 : Math.max(1, concurrency);
    }

    public static SlbProperties defaults() {
        return new SlbProperties(null, null, null, null, null, null, null, null, null, null);
    }

    public SlbProperties withEndpoint(String newEndpoint) {
        return new SlbProperties(newEndpoint, connectTimeout, readTimeout, maxAttempts, maxRetryTime, backoffBase,
                backoffMax, rateLimit, rateBurst, concurrency);
    }
}
