package org.slbdoctor.artifact.accesslog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineRef;

/**
 * Aggregates of a CLB Layer-7 access log (JSON lines or CSV with a header), built in one streaming
 * pass; no line is kept except the first per client IP and per request-time bucket.
 *
 * @param format                   how the text was read
 * @param lines                    all lines, empty ones included
 * @param records                  lines read as a request
 * @param malformedLines           non-empty lines that are not a request (bad JSON/CSV, no {@code status})
 * @param firstMalformedLine       the first of them, null if none
 * @param statusCounts             {@code status} × {@code upstream_status} → requests
 * @param serverErrorsByUpstreamAddr  5xx by {@code upstream_addr} ({@code "-"} when none)
 * @param serverErrorsByListener   5xx by {@code slb_vport} ({@code "-"} when none)
 * @param clientIps                distinct {@code client_ip} → stats, at most {@link SlbAccessLogAnalyzer#MAX_CLIENT_IPS}
 * @param clientIpsCapped          true when more distinct client IPs occurred than were kept (requests
 *                                 from the ones not kept are not in the map)
 * @param requestTimesByListener   {@code slb_vport} → {@code request_time} stats
 * @param firstTime                the first {@code time} (or {@code __time__}) value as written, null if none
 * @param lastTime                 the last one
 */
public record SlbAccessLogFacts(Format format, long lines, long records, long malformedLines, LineRef firstMalformedLine,
        Map<StatusPair, Long> statusCounts, Map<String, Long> serverErrorsByUpstreamAddr,
        Map<String, Long> serverErrorsByListener, Map<String, ClientIpStats> clientIps, boolean clientIpsCapped,
        Map<String, RequestTimeStats> requestTimesByListener, String firstTime, String lastTime) implements ArtifactFacts {

    /** What the text turned out to be. */
    public enum Format { JSON, CSV, EMPTY, UNKNOWN }

    public SlbAccessLogFacts {
        statusCounts = frozen(statusCounts);
        serverErrorsByUpstreamAddr = frozen(serverErrorsByUpstreamAddr);
        serverErrorsByListener = frozen(serverErrorsByListener);
        clientIps = frozen(clientIps);
        requestTimesByListener = frozen(requestTimesByListener);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.SLB_ACCESS_LOG;
    }

    public long serverErrors() {
        return statusCounts.entrySet().stream().filter(e -> e.getKey().serverError()).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Requests with this {@code status}, any upstream status. */
    public long countStatus(String status) {
        return statusCounts.entrySet().stream().filter(e -> e.getKey().status().equals(status))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The requests whose {@code client_ip} is one of these addresses (e.g. the backends' ServerIps). */
    public List<ClientIpStats> requestsFrom(Collection<String> addresses) {
        List<ClientIpStats> out = new ArrayList<>();
        for (String a : addresses) {
            ClientIpStats s = a == null ? null : clientIps.get(a.strip());
            if (s != null) {
                out.add(s);
            }
        }
        out.sort((x, y) -> Integer.compare(x.firstLine().lineNumber(), y.firstLine().lineNumber()));
        return out;
    }

    @Override
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(records).append(" requests (").append(format.name().toLowerCase()).append(')');
        long errors = serverErrors();
        sb.append(", ").append(errors).append(" 5xx");
        if (errors > 0) {
            sb.append(": ").append(statusCounts.entrySet().stream().filter(e -> e.getKey().serverError())
                    .sorted(Map.Entry.<StatusPair, Long>comparingByValue().reversed()).limit(4)
                    .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", ")));
        }
        sb.append("; ").append(clientIps.size()).append(clientIpsCapped ? "+" : "").append(" client IPs");
        if (malformedLines > 0) {
            sb.append("; ").append(malformedLines).append(" malformed lines (first: line ")
                    .append(firstMalformedLine.lineNumber()).append(')');
        }
        return sb.toString();
    }
}
