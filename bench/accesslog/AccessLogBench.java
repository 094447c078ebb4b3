import java.io.StringReader;
import java.util.Locale;
import java.util.Random;
import org.slbdoctor.artifact.accesslog.SlbAccessLogAnalyzer;
import org.slbdoctor.artifact.accesslog.SlbAccessLogFacts;

/**
 * Throughput of the slb-access-log analyzer on synthetic but realistic CLB Layer-7 log lines (JSON
 * lines as Log Service exports them, all ~30 fields, ~900 bytes a line; and CSV with a header).
 * Usage: java AccessLogBench [lines] [rounds]. Not part of ./mvnw verify: run bench/accesslog.sh.
 */
public class AccessLogBench {

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String json = jsonLines(lines);
        String csv = csvLines(lines);
        SlbAccessLogAnalyzer analyzer = new SlbAccessLogAnalyzer();
        run("json", json, lines, rounds, analyzer);
        run("csv", csv, lines, rounds, analyzer);
    }

    static void run(String label, String text, int lines, int rounds, SlbAccessLogAnalyzer analyzer) throws Exception {
        double best = 0;
        SlbAccessLogFacts facts = null;
        for (int r = 0; r < rounds; r++) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            facts = analyzer.analyze(new StringReader(text));
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            double rate = lines / secs;
            best = Math.max(best, rate);
            System.out.printf(Locale.ROOT, "%-4s round %d: %,d lines in %.3f s wall = %,.0f lines/s (%.1f MB/s); %.3f s CPU of this thread = %,.0f lines/CPU-s%n",
                    label, r + 1, lines, secs, rate, text.length() / secs / 1e6, cpu, lines / cpu);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "%-4s best: %,.0f lines/s; records %,d, malformed %,d, client IPs %,d%s, heap used after %,d MB%n",
                label, best, facts.records(), facts.malformedLines(), facts.clientIps().size(),
                facts.clientIpsCapped() ? " (capped)" : "", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    static final String[] STATUS = {"200", "200", "200", "200", "200", "200", "304", "404", "499", "502", "504"};

    static String jsonLines(int n) {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder(n * 950);
        for (int i = 0; i < n; i++) {
            String status = STATUS[rnd.nextInt(STATUS.length)];
            String upstream = status.equals("504") || status.equals("499") ? "-" : status;
            String ip = "47." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
            String rt = String.format(Locale.ROOT, "%.3f", status.equals("504") ? 60.0 + rnd.nextDouble() : rnd.nextDouble() * 2);
            sb.append("{\"__topic__\":\"slb_layer7_access_log\",\"__source__\":\"log_service\",\"__time__\":\"")
                    .append(1795428000 + i / 100)
                    .append("\",\"body_bytes_sent\":\"612\",\"client_ip\":\"").append(ip)
                    .append("\",\"client_port\":\"").append(1024 + rnd.nextInt(60000))
                    .append("\",\"host\":\"www.example.com\",\"http_host\":\"www.example.com\",\"http_referer\":\"https://www.example.com/\",")
                    .append("\"http_user_agent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\",")
                    .append("\"http_x_forwarded_for\":\"-\",\"http_x_real_ip\":\"-\",\"read_request_time\":\"0\",\"request_length\":\"512\",")
                    .append("\"request_method\":\"GET\",\"request_time\":\"").append(rt)
                    .append("\",\"request_uri\":\"/index.php?id=").append(i)
                    .append("\",\"scheme\":\"https\",\"server_protocol\":\"HTTP/1.1\",\"slb_vport\":\"").append(rnd.nextBoolean() ? "443" : "80")
                    .append("\",\"slbid\":\"lb-bp1o94dp5i6earr9g6d1l\",\"ssl_cipher\":\"ECDHE-RSA-AES128-GCM-SHA256\",\"ssl_protocol\":\"TLSv1.2\",")
                    .append("\"status\":\"").append(status).append("\",\"tcpinfo_rtt\":\"31000\",\"time\":\"2026-11-23T10:00:00+08:00\",")
                    .append("\"upstream_addr\":\"192.168.0.").append(11 + rnd.nextInt(3)).append(":80\",\"upstream_response_time\":\"").append(rt)
                    .append("\",\"upstream_status\":\"").append(upstream).append("\",\"vip_addr\":\"47.0.0.1\",\"write_response_time\":\"0\"}\n");
        }
        return sb.toString();
    }

    static String csvLines(int n) {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder(n * 400);
        sb.append("__time__,__source__,__topic__,body_bytes_sent,client_ip,host,http_user_agent,request_method,request_time,"
                + "request_uri,slb_vport,slbid,status,time,upstream_addr,upstream_response_time,upstream_status\n");
        for (int i = 0; i < n; i++) {
            String status = STATUS[rnd.nextInt(STATUS.length)];
            String rt = String.format(Locale.ROOT, "%.3f", rnd.nextDouble() * 3);
            sb.append(1795428000 + i / 100).append(",log_service,slb_layer7_access_log,612,47.").append(rnd.nextInt(256)).append('.')
                    .append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256))
                    .append(",www.example.com,\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)\",GET,")
                    .append(rt).append(",/index.php?id=").append(i).append(',').append(rnd.nextBoolean() ? "443" : "80")
                    .append(",lb-bp1o94dp5i6earr9g6d1l,").append(status).append(",2026-11-23T10:00:00+08:00,192.168.0.")
                    .append(11 + rnd.nextInt(3)).append(":80,").append(rt).append(',').append(status).append('\n');
        }
        return sb.toString();
    }
}
