package org.slbdoctor.checklist.checks;

import java.util.ArrayList;
import java.util.List;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.EvidenceSnapshot;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Rules;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.observation.Observations;
import org.slbdoctor.observation.Observations.Scope;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 2: the client's source IP is blocked (by Alibaba Cloud Security or the client's provider). */
@Component
@Order(30)
public class ClientBlockedCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("client-blocked", "2",
            "Clients are not blocked: the errors are not limited to some clients' networks",
            "客户端未被拦截：错误并非只出现在部分客户端的网络中",
            "Test from clients on other network providers. If only some clients fail and clients elsewhere work, "
                    + "their source IP is most likely blocked: open a ticket with Alibaba Cloud, which confirms a "
                    + "blockage by packet capture, and then have the provider lift it.",
            "使用其他运营商网络的客户端进行测试。如果只有部分客户端出错而其他网络正常，通常是这些客户端的源 IP 被拦截："
                    + "请提交工单，由阿里云通过抓包确认是否存在拦截，确认后联系相应运营商解决。");

    public ClientBlockedCheck() {
        super(METADATA);
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        Observations o = evidence.observations();
        EvidenceLog log = new EvidenceLog();
        log.observation("scope", o.scope());
        log.observation("reproducesFromOtherProvider", o.reproducesFromOtherProvider());
        Rules rules = new Rules(evidence.slb())
                .rule(Status.FAIL, List.of(), () -> o.scope() == Scope.SOME_CLIENTS
                        && Boolean.FALSE.equals(o.reproducesFromOtherProvider())
                                ? "Only some clients get the errors (scope = SOME_CLIENTS) and clients of another provider "
                                        + "do not (reproducesFromOtherProvider = false): this is generally a blockage of the "
                                        + "failing clients' source IPs; a ticket with packet capture decides."
                                : null)
                .rule(Status.PASS, List.of(), () -> {
                    if (o.scope() == Scope.ALL_CLIENTS) {
                        return "All clients get the errors (scope = ALL_CLIENTS), so no single client's IP is blocked.";
                    }
                    if (Boolean.TRUE.equals(o.reproducesFromOtherProvider())) {
                        return "The errors also occur from another provider's network (reproducesFromOtherProvider = "
                                + "true), so a blockage of one provider's clients is ruled out.";
                    }
                    return null;
                });
        List<String> missing = new ArrayList<>();
        if (o.scope() == null) {
            missing.add("observation:scope");
        }
        if (o.reproducesFromOtherProvider() == null) {
            missing.add("observation:reproducesFromOtherProvider");
        }
        return rules.finish(this, log, "Whether all clients fail, and whether clients of another provider reproduce "
                + "the errors, is not known.", missing);
    }
}
