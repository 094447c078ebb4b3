package org.slbdoctor.observation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slbdoctor.web.ApiExceptionHandler.FieldProblem;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The observations form as the browser sends and shows it: every value as typed (so a rejected value
 * is shown back as it was), turned into the REST body and validated by {@link ObservationsJson} — the
 * one place the rules live, so the form and {@code PUT /api/.../observations} give the same errors.
 */
public final class ObservationForm {

    /** Single-valued fields, in the order of the schema. */
    static final List<String> BOOLEANS = List.of("reproducesFromOtherProvider", "behindAntiDdosOrWaf",
            "antiDdosForwardingRuleConfigured", "domainIcpFiled", "securitySoftwareOnBackend", "slbRangeWhitelisted",
            "phpFpmRunning", "backendCallsSlbAddress");
    static final List<String> ENUMS = List.of("pattern", "scope", "directToBackendResult", "layer4SwitchResult");
    static final List<String> NUMBERS = List.of("backendCpuPercent", "backendBandwidthPercent",
            "appMaxResponseSeconds", "requestHeaderBytes");
    static final String CODES = "observedStatusCodes";
    static final String RP_FILTER = "rpFilter";
    static final String RP_INTERFACE = "rpFilterInterface";
    static final String RP_VALUE = "rpFilterValue";
    static final String NOTES = "notes";
    /** The values offered for each enum field, in the order shown. */
    static final Map<String, List<String>> CHOICES = Map.of(
            "pattern", names(Observations.Pattern.values()),
            "scope", names(Observations.Scope.values()),
            "directToBackendResult", names(Observations.DirectToBackendResult.values()),
            "layer4SwitchResult", names(Observations.Layer4SwitchResult.values()));
    static final List<Integer> STATUS_CODES = List.of(500, 502, 503, 504);
    /** Interfaces offered as empty rows: the three the guide names. */
    static final List<String> SUGGESTED_INTERFACES = List.of("all", "default", "eth0");
    /** Empty rows always offered beyond the suggested ones, for bond0, ens5, ... */
    static final int SPARE_ROWS = 2;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** One row of the rp_filter table: interface name and value as typed. */
    public record RpFilterRow(String iface, String value) {
        public boolean blank() {
            return iface.isBlank() && value.isBlank();
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> codes = new LinkedHashSet<>();
    private final List<RpFilterRow> rows = new ArrayList<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private ObservationForm() {
    }

    /** The form showing stored observations. */
    static ObservationForm of(Observations o) {
        ObservationForm f = new ObservationForm();
        f.put("reproducesFromOtherProvider", o.reproducesFromOtherProvider());
        f.put("behindAntiDdosOrWaf", o.behindAntiDdosOrWaf());
        f.put("antiDdosForwardingRuleConfigured", o.antiDdosForwardingRuleConfigured());
        f.put("domainIcpFiled", o.domainIcpFiled());
        f.put("securitySoftwareOnBackend", o.securitySoftwareOnBackend());
        f.put("slbRangeWhitelisted", o.slbRangeWhitelisted());
        f.put("phpFpmRunning", o.phpFpmRunning());
        f.put("backendCallsSlbAddress", o.backendCallsSlbAddress());
        f.put("pattern", o.pattern());
        f.put("scope", o.scope());
        f.put("directToBackendResult", o.directToBackendResult());
        f.put("layer4SwitchResult", o.layer4SwitchResult());
        f.put("backendCpuPercent", number(o.backendCpuPercent()));
        f.put("backendBandwidthPercent", number(o.backendBandwidthPercent()));
        f.put("appMaxResponseSeconds", number(o.appMaxResponseSeconds()));
        f.put("requestHeaderBytes", o.requestHeaderBytes());
        f.put(NOTES, o.notes());
        if (o.observedStatusCodes() != null) {
            o.observedStatusCodes().forEach(c -> f.codes.add(String.valueOf(c)));
        }
        if (o.rpFilter() != null) {
            o.rpFilter().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(interfaceOrder()))
                    .forEach(e -> f.rows.add(new RpFilterRow(e.getKey(), String.valueOf(e.getValue()))));
        }
        f.padRows();
        return f;
    }

    /** The form as submitted. Parameters that are not form fields (the CSRF token...) are ignored. */
    static ObservationForm from(MultiValueMap<String, String> params) {
        ObservationForm f = new ObservationForm();
        for (String name : singleValued()) {
            String v = params.getFirst(name);
            f.values.put(name, v == null ? "" : (name.equals(NOTES) ? v : v.strip()));
        }
        List<String> submittedCodes = params.get(CODES);
        if (submittedCodes != null) {
            submittedCodes.forEach(c -> f.codes.add(c.strip()));
        }
        List<String> ifaces = params.getOrDefault(RP_INTERFACE, List.of());
        List<String> vals = params.getOrDefault(RP_VALUE, List.of());
        for (int i = 0; i < Math.max(ifaces.size(), vals.size()); i++) {
            RpFilterRow row = new RpFilterRow(i < ifaces.size() ? ifaces.get(i).strip() : "",
                    i < vals.size() ? vals.get(i).strip() : "");
            if (!row.blank()) {
                f.rows.add(row);
            }
        }
        return f;
    }

    /**
     * The REST body: blank means "not known" (null, left out); anything else goes in with the JSON type
     * it looks like, so a wrong value gets the REST API's message ("must be a number"...).
     */
    String toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        for (String name : BOOLEANS) {
            String v = value(name);
            if (!v.isEmpty()) {
                body.set(name, v.equals("true") ? json.booleanNode(true)
                        : v.equals("false") ? json.booleanNode(false) : json.stringNode(v));
            }
        }
        for (String name : ENUMS) {
            if (!value(name).isEmpty()) {
                body.put(name, value(name));
            }
        }
        for (String name : NUMBERS) {
            if (!value(name).isEmpty()) {
                body.set(name, numberNode(value(name)));
            }
        }
        if (!codes.isEmpty()) {
            var array = body.putArray(CODES);
            codes.forEach(c -> array.add(numberNode(c)));
        }
        List<RpFilterRow> known = rows.stream().filter(r -> !r.value().isEmpty()).toList();
        if (!known.isEmpty()) {
            ObjectNode rp = body.putObject(RP_FILTER);
            known.forEach(r -> rp.set(r.iface(), numberNode(r.value())));
        }
        if (!value(NOTES).isEmpty()) {
            body.put(NOTES, value(NOTES));
        }
        return body.toString();
    }

    /**
     * What JSON cannot carry from this form, checked before the shared validation: the same interface
     * twice (a JSON object keeps one), or a value without an interface name.
     */
    List<FieldProblem> formOnlyProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RpFilterRow r : rows) {
            if (r.iface().isEmpty()) {
                problems.add(new FieldProblem(RP_FILTER, "interface name must match [A-Za-z0-9_.-]+"));
            } else if (!seen.add(r.iface())) {
                problems.add(new FieldProblem(RP_FILTER + "." + r.iface(), "interface listed twice"));
            }
        }
        return problems;
    }

    /** Files each problem under its form field: {@code rpFilter.eth0} under rpFilter, {@code observedStatusCodes[1]} under the codes. */
    void reject(List<FieldProblem> problems) {
        for (FieldProblem p : problems) {
            String field = p.field() == null ? "" : p.field();
            int cut = indexOfAny(field, '.', '[');
            String base = cut < 0 ? field : field.substring(0, cut);
            String message = base.equals(RP_FILTER) && field.startsWith(RP_FILTER + ".")
                    ? field.substring(RP_FILTER.length() + 1) + ": " + p.message() : p.message();
            errors.computeIfAbsent(base, k -> new ArrayList<>()).add(message);
        }
        padRows();
    }

    // --- read by the template ---

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public Map<String, String> getValues() {
        return values;
    }

    public boolean hasCode(int code) {
        return codes.contains(String.valueOf(code));
    }

    public List<RpFilterRow> getRows() {
        return rows;
    }

    public Map<String, List<String>> getErrors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    // --- helpers ---

    private void padRows() {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.add(r.iface()));
        SUGGESTED_INTERFACES.stream().filter(i -> !present.contains(i)).forEach(i -> rows.add(new RpFilterRow(i, "")));
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new RpFilterRow("", ""));
        }
    }

    private void put(String name, Object value) {
        values.put(name, value == null ? "" : value instanceof Enum<?> e ? e.name() : value.toString());
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> singleValued() {
        List<String> all = new ArrayList<>(BOOLEANS);
        all.addAll(ENUMS);
        all.addAll(NUMBERS);
        all.add(NOTES);
        return all;
    }

    /** 12.0 shows as "12", 0.5 as "0.5": what a person would have typed. */
    private static String number(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static tools.jackson.databind.JsonNode numberNode(String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (INTEGER.matcher(text).matches()) {
            return json.numberNode(new BigInteger(text));
        }
        try {
            return json.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return json.stringNode(text);
        }
    }

    /** all, default, then the others by name: the order the guide writes them. */
    private static Comparator<String> interfaceOrder() {
        return Comparator.comparingInt((String i) -> SUGGESTED_INTERFACES.indexOf(i) < 0 ? 99
                : SUGGESTED_INTERFACES.indexOf(i)).thenComparing(Comparator.naturalOrder());
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
