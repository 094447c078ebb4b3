package org.slbdoctor.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slbdoctor.slb.CollectionError;
import org.slbdoctor.slb.SlbSnapshot;

/**
 * A part of the SLB snapshot a rule may need, with the SDK actions that provide it. A part is
 * missing when its call failed (the snapshot holds {@code null} for it).
 */
public enum ApiPart {
    ATTRIBUTE("DescribeLoadBalancerAttribute", SlbSnapshot::instanceKnown),
    LISTENERS("DescribeLoadBalancerListeners", SlbSnapshot::listenersKnown),
    HEALTH("DescribeHealthStatus", SlbSnapshot::healthKnown),
    VSERVER_GROUPS("DescribeVServerGroups", SlbSnapshot::vServerGroupsKnown),
    RULES("DescribeRules", SlbSnapshot::rulesKnown);

    private final String action;
    private final Predicate<SlbSnapshot> collected;

    ApiPart(String action, Predicate<SlbSnapshot> collected) {
        this.action = action;
        this.collected = collected;
    }

    /** The main SDK action that provides this part. */
    public String action() {
        return action;
    }

    /** The given parts the snapshot lacks, in the order given. */
    public static List<ApiPart> missingIn(SlbSnapshot slb, ApiPart... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.collected(slb)).toList();
    }

    public boolean collected(SlbSnapshot slb) {
        return slb != null && collected.test(slb);
    }

    /** Whether a failed call of the given action leaves this part missing. */
    public boolean providedBy(String failedAction) {
        if (failedAction == null) {
            return false;
        }
        return switch (this) {
            case LISTENERS -> failedAction.equals(action)
                    || failedAction.matches("DescribeLoadBalancer(HTTP|HTTPS|TCP|UDP)ListenerAttribute");
            case VSERVER_GROUPS -> failedAction.equals(action) || failedAction.equals("DescribeVServerGroupAttribute");
            default -> failedAction.equals(action);
        };
    }

    /**
     * The failed calls that explain why this part is missing, as {@code api:<Action> (<code>)}. When
     * the part's own call was never made (an earlier failure stopped the collection), the calls that
     * did fail are named instead.
     */
    public List<CollectionError> failures(SlbSnapshot slb) {
        if (slb == null) {
            return List.of();
        }
        List<CollectionError> own = slb.errors().stream().filter(e -> providedBy(e.action())).toList();
        if (own.isEmpty() && this == RULES) {
            // the collector asks for forwarding rules only after DescribeVServerGroups (IncludeRule)
            // has named them: when that call failed, it is the one that explains the missing rules
            own = slb.errors().stream().filter(e -> VSERVER_GROUPS.providedBy(e.action())).toList();
        }
        return own.isEmpty() ? new ArrayList<>(slb.errors()) : own;
    }

    public List<String> missingInputs(SlbSnapshot slb) {
        List<CollectionError> failures = failures(slb);
        if (failures.isEmpty()) {
            return List.of("api:" + action + " (not collected)");
        }
        return failures.stream().map(ApiPart::describe).toList();
    }

    public static String describe(CollectionError error) {
        return "api:" + error.action() + " (" + (error.code() == null ? "unknown error" : error.code()) + ")";
    }
}
