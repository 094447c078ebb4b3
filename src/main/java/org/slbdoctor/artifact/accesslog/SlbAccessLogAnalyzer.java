package org.slbdoctor.artifact.accesslog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.accesslog.SlbAccessLogFacts.Format;
import org.springframework.stereotype.Component;

/**
 * Streams a CLB Layer-7 access log as exported from Log Service: JSON lines
 * ({@code {"client_ip":"1.2.3.4","status":"502",...}}, values as strings or numbers; a JSON array
 * export split one object per line also works) or CSV with a header line. The format is decided by
 * the first non-empty line. Memory is bounded by the distinct client IPs kept
 * ({@link #MAX_CLIENT_IPS}) and the listeners, not by the number of lines.
 */
@Component
public class SlbAccessLogAnalyzer implements ArtifactAnalyzer<SlbAccessLogFacts> {

    /** Distinct client IPs kept; beyond it new addresses are not tracked and the facts say so. */
    public static final int MAX_CLIENT_IPS = 100_000;
    /** Distinct listeners (and upstream addresses) kept; real instances have far fewer. */
    static final int MAX_KEYS = 10_000;
    static final int MAX_QUOTED_LINE = 2_048;

    static final int F_CLIENT_IP = 0;
    static final int F_STATUS = 1;
    static final int F_UPSTREAM_STATUS = 2;
    static final int F_UPSTREAM_ADDR = 3;
    static final int F_VPORT = 4;
    static final int F_REQUEST_TIME = 5;
    static final int F_TIME = 6;
    static final int F_TIME_ALT = 7;
    static final String[] FIELDS = {"client_ip", "status", "upstream_status", "upstream_addr", "slb_vport",
        "request_time", "time", "__time__"};

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.SLB_ACCESS_LOG;
    }

    @Override
    public SlbAccessLogFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        Aggregator agg = new Aggregator();
        String[] values = new String[FIELDS.length];
        Format format = Format.EMPTY;
        int[] csvColumns = null;
        char delimiter = ',';
        long count = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            count++;
            if (isBlank(line)) {
                continue;
            }
            int number = lines.lineNumber();
            if (format == Format.EMPTY) {
                String t = line.strip();
                if (t.startsWith("{") || t.startsWith("[")) {
                    format = Format.JSON;
                } else {
                    delimiter = t.indexOf(',') < 0 && t.indexOf('\t') >= 0 ? '\t' : ',';
                    csvColumns = csvHeader(line, delimiter);
                    format = csvColumns == null ? Format.UNKNOWN : Format.CSV;
                    if (format == Format.CSV) {
                        continue;
                    }
                }
            }
            java.util.Arrays.fill(values, null);
            boolean ok = switch (format) {
                case JSON -> JsonLine.read(line, values);
                case CSV -> CsvLine.read(line, delimiter, csvColumns, values);
                default -> false;
            };
            if (ok && values[F_STATUS] != null && !values[F_STATUS].isEmpty()) {
                agg.add(values, line, number);
            } else {
                agg.malformed(line, number);
            }
        }
        return agg.facts(format, count);
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Column index per field ({@code -1} absent), or null when the header has no {@code status} column. */
    static int[] csvHeader(String line, char delimiter) {
        List<String> names = new ArrayList<>();
        if (!CsvLine.split(line, delimiter, names)) {
            return null;
        }
        int[] columns = new int[FIELDS.length];
        java.util.Arrays.fill(columns, -1);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).strip();
            for (int f = 0; f < FIELDS.length; f++) {
                if (FIELDS[f].equals(n) && columns[f] < 0) {
                    columns[f] = i;
                }
            }
        }
        return columns[F_STATUS] < 0 ? null : columns;
    }

    private static final class Aggregator {
        final Map<String, Map<String, long[]>> statuses = new HashMap<>();
        final Map<String, long[]> byUpstream = new HashMap<>();
        final Map<String, long[]> byListener = new HashMap<>();
        final Map<String, MutableIp> ips = new HashMap<>();
        final Map<String, MutableTimes> times = new HashMap<>();
        boolean ipsCapped;
        long records;
        long malformed;
        LineRef firstMalformed;
        String firstTime;
        String lastTime;

        void malformed(String line, int number) {
            malformed++;
            if (firstMalformed == null) {
                firstMalformed = new LineRef(number, quote(line));
            }
        }

        void add(String[] v, String line, int number) {
            records++;
            String status = v[F_STATUS].strip();
            String upstream = dash(v[F_UPSTREAM_STATUS]);
            statuses.computeIfAbsent(status, s -> new HashMap<>(8)).computeIfAbsent(upstream, u -> new long[1])[0]++;
            String vport = dash(v[F_VPORT]);
            if (status.length() == 3 && status.charAt(0) == '5') {
                bump(byUpstream, dash(v[F_UPSTREAM_ADDR]));
                bump(byListener, vport);
            }
            String ip = v[F_CLIENT_IP];
            if (ip != null && !ip.isEmpty() && !ip.equals("-")) {
                MutableIp s = ips.get(ip);
                if (s != null) {
                    s.count++;
                } else if (ips.size() < MAX_CLIENT_IPS) {
                    ips.put(ip, new MutableIp(new LineRef(number, quote(line))));
                } else {
                    ipsCapped = true;
                }
            }
            String rt = v[F_REQUEST_TIME];
            if (rt != null) {
                double seconds = parseSeconds(rt);
                if (seconds >= 0) {
                    MutableTimes t = times.get(vport);
                    if (t == null && times.size() < MAX_KEYS) {
                        t = new MutableTimes();
                        times.put(vport, t);
                    }
                    if (t != null) {
                        t.add(seconds, line, number);
                    }
                }
            }
            String time = v[F_TIME] != null ? v[F_TIME] : v[F_TIME_ALT];
            if (time != null && !time.isEmpty()) {
                if (firstTime == null) {
                    firstTime = time;
                }
                lastTime = time;
            }
        }

        void bump(Map<String, long[]> map, String key) {
            long[] c = map.get(key);
            if (c == null) {
                if (map.size() >= MAX_KEYS) {
                    key = "(other)";
                    c = map.get(key);
                }
                if (c == null) {
                    c = new long[1];
                    map.put(key, c);
                }
            }
            c[0]++;
        }

        SlbAccessLogFacts facts(Format format, long lines) {
            Map<StatusPair, Long> statusCounts = new LinkedHashMap<>();
            new TreeMap<>(statuses).forEach((s, ups) -> new TreeMap<>(ups)
                    .forEach((u, c) -> statusCounts.put(new StatusPair(s, u), c[0])));
            Map<String, ClientIpStats> clientIps = new LinkedHashMap<>();
            ips.forEach((ip, s) -> clientIps.put(ip, new ClientIpStats(ip, s.count, s.first)));
            Map<String, RequestTimeStats> timeStats = new TreeMap<>();
            times.forEach((k, t) -> timeStats.put(k, t.freeze()));
            return new SlbAccessLogFacts(format, lines, records, malformed, firstMalformed, statusCounts,
                    sorted(byUpstream), sorted(byListener), clientIps, ipsCapped, timeStats, firstTime, lastTime);
        }

        static Map<String, Long> sorted(Map<String, long[]> map) {
            Map<String, Long> out = new LinkedHashMap<>();
            map.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> out.put(e.getKey(), e.getValue()[0]));
            return out;
        }
    }

    private static final class MutableIp {
        final LineRef first;
        long count = 1;

        MutableIp(LineRef first) {
            this.first = first;
        }
    }

    /** Whole-second buckets in arrays grown on demand (most logs stay within a few hundred seconds). */
    private static final class MutableTimes {
        long count;
        double max = -1;
        LineRef slowest;
        long[] counts = new long[64];
        LineRef[] firsts = new LineRef[64];

        void add(double seconds, String line, int number) {
            count++;
            if (seconds > max) {
                max = seconds;
                slowest = new LineRef(number, quote(line));
            }
            int bucket = (int) Math.min(seconds, RequestTimeStats.TOP_BUCKET);
            if (bucket >= counts.length) {
                int size = Math.min(Math.max(counts.length * 2, bucket + 1), RequestTimeStats.TOP_BUCKET + 1);
                counts = java.util.Arrays.copyOf(counts, size);
                firsts = java.util.Arrays.copyOf(firsts, size);
            }
            if (counts[bucket]++ == 0) {
                firsts[bucket] = new LineRef(number, quote(line));
            }
        }

        RequestTimeStats freeze() {
            TreeMap<Integer, RequestTimeStats.Bucket> map = new TreeMap<>();
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] > 0) {
                    map.put(b, new RequestTimeStats.Bucket(counts[b], firsts[b]));
                }
            }
            return new RequestTimeStats(count, max, slowest, map);
        }
    }

    /** "12", "0.004", "60.001": digits with at most one dot, read without Double.parseDouble; -1 otherwise. */
    static double fastDecimal(String v) {
        int n = v.length();
        if (n == 0 || n > 15) {
            return -1;
        }
        long whole = 0;
        long frac = 0;
        long scale = 1;
        boolean dot = false;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (dot) {
                    frac = frac * 10 + (c - '0');
                    scale *= 10;
                } else {
                    whole = whole * 10 + (c - '0');
                }
            } else if (c == '.' && !dot && i > 0) {
                dot = true;
            } else {
                return -1;
            }
        }
        return whole + (double) frac / scale;
    }

    static String dash(String v) {
        if (v == null) {
            return "-";
        }
        String t = v.strip();
        return t.isEmpty() ? "-" : t;
    }

    static String quote(String line) {
        return line.length() <= MAX_QUOTED_LINE ? line : line.substring(0, MAX_QUOTED_LINE) + "…";
    }

    /** Seconds as a non-negative number, or -1 when absent or unreadable ({@code -}). */
    static double parseSeconds(String v) {
        double fast = fastDecimal(v);
        if (fast >= 0) {
            return fast;
        }
        String t = v.strip();
        if (t.isEmpty() || t.equals("-")) {
            return -1;
        }
        try {
            double d = Double.parseDouble(t);
            return d >= 0 && !Double.isNaN(d) ? d : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
