package org.slbdoctor.bench;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.slb.model.v20140515.*;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slbdoctor.slb.SlbClient;
import org.slbdoctor.slb.SlbCollector;
import org.slbdoctor.slb.SlbProperties;
import org.slbdoctor.slb.SlbSnapshot;
import org.slbdoctor.slb.sandbox.SandboxFaults;
import org.slbdoctor.slb.sandbox.SandboxInstance;
import org.slbdoctor.slb.sandbox.SandboxScenarios;
import org.slbdoctor.slb.sandbox.SandboxServer;

/**
 * Collection wall time against the sandbox (real SDK, real HTTP on loopback) for 1, 10 and 50
 * listeners with 0, 50 and 100 ms injected latency per call, next to the sequential baseline it
 * replaces: one call after another, including the per-listener Describe*ListenerAttribute calls a
 * naive collector makes. Not a test: run by {@code bench/collection.sh}. Prints a Markdown table.
 */
public final class CollectionBenchmark {

    private static final String AK = "LTAI5tBenchKey00000001";
    private static final String SECRET = "bench-secret";

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seqRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SandboxScenarios scenarios = new SandboxScenarios();
        int[] sizes = {1, 10, 50};
        for (int n : sizes) {
            // default server group of 20 backends
            scenarios.add(SandboxScenarios.generate(String.format("lb-bp1benchdef%03d00000", n), "cn-hangzhou",
                    "bench-default-" + n, "bench", n, 20, 0, 0));
            // one VServer group of 5 backends per listener, forwarding rules on up to 5 listeners
            scenarios.add(SandboxScenarios.generate(String.format("lb-bp1benchvsg%03d00000", n), "cn-hangzhou",
                    "bench-vserver-" + n, "bench", n, 5, n, Math.min(n, 5)));
        }
        SandboxFaults faults = new SandboxFaults();
        SandboxServer server = new SandboxServer(scenarios, faults, AK, SECRET, 0);
        server.start();
        // client-side rate limit off: the benchmark measures the collection's shape, not the limiter
        SlbProperties settings = new SlbProperties(server.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(10), 1,
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(1), 0.0, 20, 64);
        SlbClient client = new SlbClient(settings, new StaticCredentialsProvider(new BasicCredentials(AK, SECRET)));
        try (SlbCollector collector = SlbCollector.withOwnThreads(client, Clock.systemUTC())) {
            System.out.printf("%d cores, %s %s, Java %s; median of %d parallel runs / %d sequential runs%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), runs, seqRuns);
            System.out.println("| instance | listeners | latency/call | calls (parallel) | parallel ms | calls (sequential) | sequential ms | speed-up |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String kind : List.of("default group", "VServer groups + rules")) {
                for (int n : sizes) {
                    String id = String.format(kind.startsWith("default") ? "lb-bp1benchdef%03d00000"
                            : "lb-bp1benchvsg%03d00000", n);
                    for (long latency : new long[] {0, 50, 100}) {
                        faults.setLatencyMillis(latency);
                        collector.collect("cn-hangzhou", id); // warm-up
                        long[] par = new long[runs];
                        int parCalls = 0;
                        for (int r = 0; r < runs; r++) {
                            long t = System.nanoTime();
                            SlbSnapshot s = collector.collect("cn-hangzhou", id);
                            par[r] = (System.nanoTime() - t) / 1_000_000;
                            if (!s.complete()) {
                                throw new IllegalStateException("incomplete collection: " + s.errors());
                            }
                            parCalls = s.calls().size();
                        }
                        long[] seq = new long[seqRuns];
                        int seqCalls = 0;
                        for (int r = 0; r < seqRuns; r++) {
                            long t = System.nanoTime();
                            seqCalls = sequential(client, scenarios.find(id).orElseThrow());
                            seq[r] = (System.nanoTime() - t) / 1_000_000;
                        }
                        long p = median(par);
                        long q = median(seq);
                        System.out.printf(Locale.ROOT, "| %s | %d | %d ms | %d | %d | %d | %d | %.1f× |%n", kind, n,
                                latency, parCalls, p, seqCalls, q, q / (double) Math.max(1, p));
                    }
                }
            }
        } finally {
            server.stop();
        }
    }

    /** The naive collector: every call after the previous one, and one attribute call per listener. */
    static int sequential(SlbClient client, SandboxInstance instance) {
        String region = "cn-hangzhou";
        String id = instance.id();
        List<AcsRequest<? extends AcsResponse>> first = new ArrayList<>();
        DescribeLoadBalancerAttributeRequest attr = new DescribeLoadBalancerAttributeRequest();
        attr.setLoadBalancerId(id);
        first.add(attr);
        DescribeHealthStatusRequest health = new DescribeHealthStatusRequest();
        health.setLoadBalancerId(id);
        first.add(health);
        DescribeVServerGroupsRequest groups = new DescribeVServerGroupsRequest();
        groups.setLoadBalancerId(id);
        groups.setIncludeListener(true);
        groups.setIncludeRule(true);
        first.add(groups);
        int calls = 0;
        for (AcsRequest<? extends AcsResponse> r : first) {
            client.call(region, r);
            calls++;
        }
        String token = null;
        List<DescribeLoadBalancerListenersResponse.Listener> listeners = new ArrayList<>();
        do {
            DescribeLoadBalancerListenersRequest l = new DescribeLoadBalancerListenersRequest();
            l.setLoadBalancerIds(List.of(id));
            l.setNextToken(token);
            DescribeLoadBalancerListenersResponse page = client.call(region, l).response();
            calls++;
            listeners.addAll(page.getListeners());
            token = page.getNextToken();
        } while (token != null && !token.isEmpty());
        for (DescribeLoadBalancerListenersResponse.Listener l : listeners) {
            DescribeLoadBalancerHTTPListenerAttributeRequest a = new DescribeLoadBalancerHTTPListenerAttributeRequest();
            a.setLoadBalancerId(id);
            a.setListenerPort(l.getListenerPort());
            client.call(region, a);
            calls++;
        }
        for (SandboxInstance.Group g : instance.vServerGroups()) {
            DescribeVServerGroupAttributeRequest a = new DescribeVServerGroupAttributeRequest();
            a.setVServerGroupId(g.id());
            client.call(region, a);
            calls++;
        }
        for (SandboxInstance.Rule rule : instance.rules()) {
            DescribeRulesRequest a = new DescribeRulesRequest();
            a.setLoadBalancerId(id);
            a.setListenerPort(rule.listenerPort());
            client.call(region, a);
            calls++;
        }
        return calls;
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
