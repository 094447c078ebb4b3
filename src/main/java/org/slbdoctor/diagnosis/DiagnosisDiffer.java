package org.slbdoctor.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.slb.BackendHealth;
import org.slbdoctor.slb.BackendServer;
import org.slbdoctor.slb.Listener;
import org.slbdoctor.slb.SlbSnapshot;

/** Compares two stored diagnoses; a pure function of the two records. */
final class DiagnosisDiffer {

    /** The listener settings an operator cares about between two runs, by their API names. */
    private static final Map<String, Function<Listener, Object>> LISTENER_FIELDS = new LinkedHashMap<>();

    static {
        LISTENER_FIELDS.put("Status", Listener::status);
        LISTENER_FIELDS.put("HealthCheck", Listener::healthCheck);
        LISTENER_FIELDS.put("HealthCheckType", Listener::healthCheckType);
        LISTENER_FIELDS.put("HealthCheckConnectPort", Listener::healthCheckConnectPort);
        LISTENER_FIELDS.put("HealthCheckDomain", Listener::healthCheckDomain);
        LISTENER_FIELDS.put("HealthCheckURI", Listener::healthCheckUri);
        LISTENER_FIELDS.put("HealthCheckHttpCode", Listener::healthCheckHttpCode);
        LISTENER_FIELDS.put("HealthCheckMethod", Listener::healthCheckMethod);
        LISTENER_FIELDS.put("HealthCheckInterval", Listener::healthCheckInterval);
        LISTENER_FIELDS.put("HealthCheckTimeout", Listener::healthCheckTimeout);
        LISTENER_FIELDS.put("HealthCheckConnectTimeout", Listener::healthCheckConnectTimeout);
        LISTENER_FIELDS.put("HealthyThreshold", Listener::healthyThreshold);
        LISTENER_FIELDS.put("UnhealthyThreshold", Listener::unhealthyThreshold);
        LISTENER_FIELDS.put("RequestTimeout", Listener::requestTimeout);
        LISTENER_FIELDS.put("IdleTimeout", Listener::idleTimeout);
        LISTENER_FIELDS.put("EstablishedTimeout", Listener::establishedTimeout);
        LISTENER_FIELDS.put("BackendServerPort", Listener::backendServerPort);
        LISTENER_FIELDS.put("VServerGroupId", Listener::vServerGroupId);
        LISTENER_FIELDS.put("Scheduler", Listener::scheduler);
        LISTENER_FIELDS.put("Bandwidth", Listener::bandwidth);
    }

    private DiagnosisDiffer() {
    }

    static DiagnosisDiff diff(DiagnosisRecord a, DiagnosisRecord b) {
        boolean aFirst = a.createdAt().isBefore(b.createdAt())
                || a.createdAt().equals(b.createdAt()) && a.id() <= b.id();
        DiagnosisRecord before = aFirst ? a : b;
        DiagnosisRecord after = aFirst ? b : a;
        SlbSnapshot s0 = before.snapshot();
        SlbSnapshot s1 = after.snapshot();

        List<String> notComparable = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<DiagnosisDiff.ListenerChange> listenerChanges = new ArrayList<>();
        List<DiagnosisDiff.HealthChange> healthChanges = new ArrayList<>();
        List<DiagnosisDiff.BackendChange> addedBackends = new ArrayList<>();
        List<DiagnosisDiff.BackendChange> removedBackends = new ArrayList<>();

        if (!s0.listenersKnown() || !s1.listenersKnown()) {
            notComparable.add("listeners");
        } else {
            Map<String, Listener> l0 = byLabel(s0.listeners());
            Map<String, Listener> l1 = byLabel(s1.listeners());
            l1.keySet().stream().filter(k -> !l0.containsKey(k)).forEach(added::add);
            l0.keySet().stream().filter(k -> !l1.containsKey(k)).forEach(removed::add);
            boolean healthComparable = s0.healthKnown() && s1.healthKnown();
            for (var e : l1.entrySet()) {
                Listener old = l0.get(e.getKey());
                if (old == null) {
                    continue;
                }
                Listener now = e.getValue();
                LISTENER_FIELDS.forEach((field, getter) -> {
                    Object x = getter.apply(old);
                    Object y = getter.apply(now);
                    if (!Objects.equals(x, y)) {
                        listenerChanges.add(new DiagnosisDiff.ListenerChange(e.getKey(), field, str(x), str(y)));
                    }
                });
                if (healthComparable) {
                    healthChanges.addAll(health(e.getKey(), s0.healthOf(old), s1.healthOf(now)));
                }
                if (s0.backendsKnown(old) && s1.backendsKnown(now)) {
                    backends(e.getKey(), s0.backendsOf(old), s1.backendsOf(now), addedBackends, removedBackends);
                }
            }
            if (!healthComparable) {
                notComparable.add("health");
            }
        }
        return new DiagnosisDiff(ref(before), ref(after), statusChanges(before.findings(), after.findings()),
                added, removed, listenerChanges, healthChanges, addedBackends, removedBackends, notComparable);
    }

    private static DiagnosisDiff.Ref ref(DiagnosisRecord r) {
        return new DiagnosisDiff.Ref(r.id(), r.createdAt(), r.verdict());
    }

    private static List<DiagnosisDiff.StatusChange> statusChanges(List<Finding> f0, List<Finding> f1) {
        Map<String, Finding> m0 = new LinkedHashMap<>();
        f0.forEach(f -> m0.put(f.checkId(), f));
        Map<String, Finding> m1 = new LinkedHashMap<>();
        f1.forEach(f -> m1.put(f.checkId(), f));
        Set<String> ids = new LinkedHashSet<>(m1.keySet());
        ids.addAll(m0.keySet());
        List<DiagnosisDiff.StatusChange> changes = new ArrayList<>();
        for (String id : ids) {
            Finding x = m0.get(id);
            Finding y = m1.get(id);
            if (x == null || y == null || x.status() != y.status()) {
                changes.add(new DiagnosisDiff.StatusChange(id, y != null ? y.title() : x.title(),
                        x == null ? null : x.status(), y == null ? null : y.status()));
            }
        }
        return changes;
    }

    private static List<DiagnosisDiff.HealthChange> health(String listener, List<BackendHealth> h0,
            List<BackendHealth> h1) {
        Map<String, BackendHealth> m0 = new LinkedHashMap<>();
        h0.forEach(h -> m0.put(h.serverId() + ":" + h.port(), h));
        Map<String, BackendHealth> m1 = new LinkedHashMap<>();
        h1.forEach(h -> m1.put(h.serverId() + ":" + h.port(), h));
        Set<String> keys = new LinkedHashSet<>(m1.keySet());
        keys.addAll(m0.keySet());
        List<DiagnosisDiff.HealthChange> changes = new ArrayList<>();
        for (String key : keys) {
            BackendHealth x = m0.get(key);
            BackendHealth y = m1.get(key);
            String sx = x == null ? null : x.status();
            String sy = y == null ? null : y.status();
            if (!Objects.equals(sx, sy)) {
                BackendHealth any = y != null ? y : x;
                changes.add(new DiagnosisDiff.HealthChange(listener, any.serverId(), any.port(), sx, sy));
            }
        }
        return changes;
    }

    private static void backends(String listener, List<BackendServer> b0, List<BackendServer> b1,
            List<DiagnosisDiff.BackendChange> added, List<DiagnosisDiff.BackendChange> removed) {
        Map<String, BackendServer> m0 = new LinkedHashMap<>();
        b0.forEach(b -> m0.put(b.serverId() + ":" + b.port(), b));
        Map<String, BackendServer> m1 = new LinkedHashMap<>();
        b1.forEach(b -> m1.put(b.serverId() + ":" + b.port(), b));
        m1.forEach((k, b) -> {
            if (!m0.containsKey(k)) {
                added.add(new DiagnosisDiff.BackendChange(listener, b.serverId(), b.serverIp(), b.port()));
            }
        });
        m0.forEach((k, b) -> {
            if (!m1.containsKey(k)) {
                removed.add(new DiagnosisDiff.BackendChange(listener, b.serverId(), b.serverIp(), b.port()));
            }
        });
    }

    private static Map<String, Listener> byLabel(List<Listener> listeners) {
        Map<String, Listener> map = new LinkedHashMap<>();
        listeners.forEach(l -> map.put(l.label(), l));
        return map;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
