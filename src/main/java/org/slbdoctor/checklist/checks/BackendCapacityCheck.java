package org.slbdoctor.checklist.checks;

import java.util.List;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 5: the backend's CPU or bandwidth is the bottleneck. */
@Component
@Order(60)
public class BackendCapacityCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("backend-capacity", "5",
            "Backend servers have spare CPU and bandwidth",
            "后端服务器的 CPU 和带宽仍有余量",
            "Check the backend ECS instances' CPU, memory, disk and bandwidth and remove the bottleneck. If the "
                    + "whole system lacks capacity, add more backend servers to the SLB instance.",
            "检查后端 ECS 实例的 CPU、内存、磁盘和带宽使用情况并消除性能瓶颈。如果整体容量不足，请为负载均衡实例添加更多后端服务器。");

    public BackendCapacityCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        Observations o = evidence.observations();
        Double cpu = o.backendCpuPercent();
        Double bandwidth = o.backendBandwidthPercent();
        EvidenceLog log = new EvidenceLog();
        log.observation("backendCpuPercent", number(cpu));
        log.observation("backendBandwidthPercent", number(bandwidth));
        Rules rules = new Rules(evidence.slb())
                .rule(Status.FAIL, List.of(), () -> over(cpu, bandwidth, 90, "at or above 90%: the backend is saturated"))
                .rule(Status.WARN, List.of(), () -> over(cpu, bandwidth, 80, "at or above 80%: close to a bottleneck"))
                .rule(Status.PASS, List.of(), () -> cpu != null || bandwidth != null
                        ? "Backend load is below 80%: " + describe(cpu, bandwidth) + "."
                        : null);
        return rules.finish(this, log, "Neither the backend CPU nor the bandwidth utilisation is known.",
                List.of("observation:backendCpuPercent", "observation:backendBandwidthPercent"));
    }

    private static String over(Double cpu, Double bandwidth, double threshold, String meaning) {
        StringBuilder sb = new StringBuilder();
        if (cpu != null && cpu >= threshold) {
            sb.append("backend CPU ").append(number(cpu)).append('%');
        }
        if (bandwidth != null && bandwidth >= threshold) {
            sb.append(sb.isEmpty() ? "" : " and ").append("backend bandwidth ").append(number(bandwidth)).append('%');
        }
        return sb.isEmpty() ? null : capitalize(sb.toString()) + " " + meaning + ".";
    }

    private static String describe(Double cpu, Double bandwidth) {
        String c = cpu == null ? "CPU not known" : "CPU " + number(cpu) + "%";
        String b = bandwidth == null ? "bandwidth not known" : "bandwidth " + number(bandwidth) + "%";
        return c + ", " + b;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
