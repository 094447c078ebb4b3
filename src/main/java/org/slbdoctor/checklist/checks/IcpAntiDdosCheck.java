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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Guide cause 1: the domain has no ICP filing, or Anti-DDoS Pro / WAF has no Layer-7 rule for it. */
@Component
@Order(20)
public class IcpAntiDdosCheck extends AbstractCheck {

    static final CheckMetadata METADATA = new CheckMetadata("icp-antiddos", "1",
            "The domain is ICP-filed where required and Anti-DDoS Pro / WAF forwards it with a Layer-7 rule",
            "域名已按要求完成 ICP 备案，且高防或 WAF 已为其配置七层转发规则",
            "File the domain name for ICP (required for instances in mainland China regions). If traffic passes "
                    + "through Anti-DDoS Pro or the security network (WAF), add a domain-based Layer-7 forwarding rule "
                    + "for the site there.",
            "为域名完成 ICP 备案（中国内地地域的实例必须备案）。如果流量经过 DDoS 高防或安全网络（WAF），"
                    + "请在其中为该站点配置基于域名的七层转发规则。");

    public IcpAntiDdosCheck() {
        super(METADATA);
    }

    /** ICP filing is required in mainland China regions only: cn-* except cn-hongkong. */
    static boolean icpRequired(String regionId) {
        return regionId != null && regionId.startsWith("cn-") && !regionId.equals("cn-hongkong");
    }

    @Override
    public Finding evaluate(EvidenceSnapshot evidence) {
        Observations o = evidence.observations();
        String region = evidence.slb() == null ? null : evidence.slb().regionId();
        boolean required = icpRequired(region);
        EvidenceLog log = new EvidenceLog();
        log.api("region " + region + ": ICP filing " + (required ? "required (mainland China)" : "not required"));
        log.observation("domainIcpFiled", o.domainIcpFiled());
        log.observation("behindAntiDdosOrWaf", o.behindAntiDdosOrWaf());
        log.observation("antiDdosForwardingRuleConfigured", o.antiDdosForwardingRuleConfigured());

        boolean icpOk = !required || Boolean.TRUE.equals(o.domainIcpFiled());
        boolean antiDdosOk = Boolean.FALSE.equals(o.behindAntiDdosOrWaf())
                || Boolean.TRUE.equals(o.antiDdosForwardingRuleConfigured());
        Rules rules = new Rules(evidence.slb())
                .rule(Status.FAIL, List.of(), () -> required && Boolean.FALSE.equals(o.domainIcpFiled())
                        ? "Region " + region + " requires an ICP filing and the operator reports domainIcpFiled = false: "
                                + "requests for an unfiled domain are blocked."
                        : null)
                .rule(Status.FAIL, List.of(), () -> Boolean.TRUE.equals(o.behindAntiDdosOrWaf())
                        && Boolean.FALSE.equals(o.antiDdosForwardingRuleConfigured())
                                ? "The instance is behind Anti-DDoS Pro / WAF (behindAntiDdosOrWaf = true) but no Layer-7 "
                                        + "forwarding rule is configured for the domain (antiDdosForwardingRuleConfigured = false)."
                                : null)
                .rule(Status.PASS, List.of(), () -> icpOk && antiDdosOk
                        ? (required ? "The domain is ICP-filed (region " + region + " requires it)"
                                : "Region " + region + " needs no ICP filing")
                                + (Boolean.FALSE.equals(o.behindAntiDdosOrWaf())
                                        ? ", and the instance is not behind Anti-DDoS Pro / WAF."
                                        : ", and Anti-DDoS Pro / WAF has a Layer-7 forwarding rule for it.")
                        : null);
        List<String> missing = new ArrayList<>();
        if (!icpOk) {
            missing.add("observation:domainIcpFiled");
        }
        if (!antiDdosOk) {
            if (o.behindAntiDdosOrWaf() == null) {
                missing.add("observation:behindAntiDdosOrWaf");
            }
            // a rule known to be absent is no missing input: whether there is Anti-DDoS Pro / WAF decides
            if (o.antiDdosForwardingRuleConfigured() == null) {
                missing.add("observation:antiDdosForwardingRuleConfigured");
            }
        }
        return rules.finish(this, log, "Not enough is known to rule out an ICP or Anti-DDoS/WAF blockage: "
                + "record " + String.join(", ", missing.stream().map(m -> m.substring("observation:".length())).toList())
                + ".", missing);
    }
}
