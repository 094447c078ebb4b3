package org.slbdoctor.observation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slbdoctor.web.ApiExceptionHandler.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an observations body field by field against API.md's schema, collecting every error
 * (binding would stop at the first), and writes the canonical JSON kept in the database.
 */
public final class ObservationsJson {

    static final int MAX_NOTES_CHARS = 10_000;
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<Integer> STATUS_CODES = Set.of(500, 502, 503, 504);

    /** Map keys sorted and every field written (null included): equal observations, equal text. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ObservationsJson() {
    }

    public static String canonical(Observations observations) {
        return CANONICAL.writeValueAsString(observations);
    }

    public static Observations fromCanonical(String json) {
        return CANONICAL.readValue(json, Observations.class);
    }

    /** Parses and validates a request body; throws listing every bad field. */
    public static Observations parse(String body) {
        JsonNode root;
        try {
            root = CANONICAL.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new InvalidObservationsException(List.of(new FieldProblem("", "malformed JSON: "
                    + e.getOriginalMessage())), null);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidObservationsException(List.of(new FieldProblem("", "must be a JSON object")), null);
        }
        Reader r = new Reader(root);
        Observations.Builder b = Observations.builder();
        r.statusCodes(b::observedStatusCodes);
        r.enumValue("pattern", Observations.Pattern.class, b::pattern);
        r.enumValue("scope", Observations.Scope.class, b::scope);
        r.bool("reproducesFromOtherProvider", b::reproducesFromOtherProvider);
        r.bool("behindAntiDdosOrWaf", b::behindAntiDdosOrWaf);
        r.bool("antiDdosForwardingRuleConfigured", b::antiDdosForwardingRuleConfigured);
        r.bool("domainIcpFiled", b::domainIcpFiled);
        r.bool("securitySoftwareOnBackend", b::securitySoftwareOnBackend);
        r.bool("slbRangeWhitelisted", b::slbRangeWhitelisted);
        r.rpFilter(b::rpFilter);
        r.number("backendCpuPercent", 0, 100, b::backendCpuPercent);
        r.number("backendBandwidthPercent", 0, 100, b::backendBandwidthPercent);
        r.number("appMaxResponseSeconds", 0, Double.MAX_VALUE, b::appMaxResponseSeconds);
        r.bool("phpFpmRunning", b::phpFpmRunning);
        r.nonNegativeInteger("requestHeaderBytes", b::requestHeaderBytes);
        r.bool("backendCallsSlbAddress", b::backendCallsSlbAddress);
        r.enumValue("directToBackendResult", Observations.DirectToBackendResult.class, b::directToBackendResult);
        r.enumValue("layer4SwitchResult", Observations.Layer4SwitchResult.class, b::layer4SwitchResult);
        r.notes(b::notes);
        r.rejectUnknown();
        if (!r.errors.isEmpty()) {
            throw new InvalidObservationsException(r.errors, r.byField());
        }
        return b.build();
    }

    /** Walks the fields; a null or absent field means "not known" and is always fine. */
    private static final class Reader {
        private final JsonNode root;
        private final Set<String> seen = new LinkedHashSet<>();
        private final List<FieldProblem> errors = new ArrayList<>();
        /** The same problems by field of the schema: an entry of an array or object is its field's problem. */
        private final Map<String, List<String>> byField = new java.util.LinkedHashMap<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        /** One problem per field, its entries' problems joined ("eth0: must be 0, 1 or 2; lo: ..."). */
        List<FieldProblem> byField() {
            return byField.entrySet().stream()
                    .map(e -> new FieldProblem(e.getKey(), String.join("; ", e.getValue()))).toList();
        }

        private JsonNode field(String name) {
            seen.add(name);
            JsonNode node = root.get(name);
            return node == null || node.isNull() ? null : node;
        }

        private void error(String field, String message) {
            errors.add(new FieldProblem(field, message));
            byField.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        }

        /** A bad entry of an array ({@code [1]}) or an object ({@code eth0}) of {@code field}. */
        private void entryError(String field, String entry, String path, String message) {
            errors.add(new FieldProblem(path, message));
            byField.computeIfAbsent(field, k -> new ArrayList<>()).add(entry + ": " + message);
        }

        void bool(String name, Consumer<Boolean> into) {
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            if (!n.isBoolean()) {
                error(name, "must be true, false or null");
                return;
            }
            into.accept(n.booleanValue());
        }

        <E extends Enum<E>> void enumValue(String name, Class<E> type, Consumer<E> into) {
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            if (!n.isString() || !allowed.contains(n.asString())) {
                error(name, "must be one of " + String.join(", ", allowed));
                return;
            }
            into.accept(Enum.valueOf(type, n.asString()));
        }

        void number(String name, double min, double max, Consumer<Double> into) {
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            if (!n.isNumber()) {
                error(name, "must be a number");
                return;
            }
            double v = n.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v) || v < min || v > max) {
                error(name, max == Double.MAX_VALUE ? "must be at least " + fmt(min)
                        : "must be between " + fmt(min) + " and " + fmt(max));
                return;
            }
            into.accept(v);
        }

        void nonNegativeInteger(String name, Consumer<Long> into) {
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                error(name, "must be an integer");
                return;
            }
            long v = n.longValue();
            if (v < 0) {
                error(name, "must be at least 0");
                return;
            }
            into.accept(v);
        }

        void statusCodes(Consumer<List<Integer>> into) {
            String name = "observedStatusCodes";
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            if (!n.isArray()) {
                error(name, "must be an array of 500, 502, 503, 504");
                return;
            }
            List<Integer> codes = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < n.size(); i++) {
                JsonNode c = n.get(i);
                if (!c.isIntegralNumber() || !c.canConvertToInt() || !STATUS_CODES.contains(c.intValue())) {
                    entryError(name, "[" + i + "] " + c, name + "[" + i + "]", "must be one of 500, 502, 503, 504");
                    ok = false;
                } else if (!codes.contains(c.intValue())) {
                    codes.add(c.intValue());
                }
            }
            if (ok) {
                into.accept(codes);
            }
        }

        void rpFilter(Consumer<Map<String, Integer>> into) {
            String name = "rpFilter";
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            if (!n.isObject()) {
                error(name, "must be an object of interface name to 0, 1 or 2");
                return;
            }
            Map<String, Integer> values = new TreeMap<>();
            boolean ok = true;
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (!INTERFACE.matcher(key).matches() || key.length() > 64) {
                    entryError(name, key, name + "." + key,
                            "interface name must match [A-Za-z0-9_.-]+ (at most 64 characters)");
                    ok = false;
                } else if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > 2) {
                    entryError(name, key, name + "." + key, "must be 0, 1 or 2");
                    ok = false;
                } else {
                    values.put(key, v.intValue());
                }
            }
            if (ok) {
                into.accept(values);
            }
        }

        void notes(Consumer<String> into) {
            String name = "notes";
            JsonNode n = field(name);
            if (n == null) {
                return;
            }
            if (!n.isString()) {
                error(name, "must be a string");
                return;
            }
            String text = n.asString();
            if (text.codePointCount(0, text.length()) > MAX_NOTES_CHARS) {
                error(name, "must be at most 10000 characters");
                return;
            }
            into.accept(text);
        }

        void rejectUnknown() {
            for (String name : root.propertyNames()) {
                if (!seen.contains(name)) {
                    error(name, "unknown field");
                }
            }
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
