package org.slbdoctor.web;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slbdoctor.checklist.Status;
import org.slbdoctor.instance.SlbInstance;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the dashboard is asked to show: a search text (matches the load balancer id or the name,
 * case-insensitive), a verdict ({@code FAIL} … {@code NOT_APPLICABLE}, or {@code NONE} for never
 * diagnosed) and a region. Values it cannot use are dropped rather than refused: a stale bookmark
 * should still show the dashboard.
 */
public record DashboardFilter(String q, String verdict, String region) {

    static final String NEVER_DIAGNOSED = "NONE";
    static final int MAX_QUERY = 100;
    /** The verdict choices of the filter, worst first, then "never diagnosed". */
    static final List<String> VERDICTS = List.of("FAIL", "WARN", "UNKNOWN", "PASS", "NOT_APPLICABLE", NEVER_DIAGNOSED);

    public DashboardFilter {
        q = q == null ? null : q.strip();
        if (q != null && q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        q = q == null || q.isEmpty() ? null : q;
        verdict = verdict == null ? null : verdict.strip().toUpperCase(Locale.ROOT);
        verdict = verdict != null && VERDICTS.contains(verdict) ? verdict : null;
        region = region == null || region.isBlank() ? null : region.strip();
    }

    public boolean active() {
        return q != null || verdict != null || region != null;
    }

    /** One WHERE clause for the page query and its count; no joins. */
    Specification<SlbInstance> specification() {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (q != null) {
                String pattern = "%" + escapeLike(q.toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("loadBalancerId")), pattern, '\\'),
                        cb.like(cb.lower(root.get("name")), pattern, '\\')));
            }
            if (NEVER_DIAGNOSED.equals(verdict)) {
                where.add(cb.isNull(root.get("lastVerdict")));
            } else if (verdict != null) {
                where.add(cb.equal(root.get("lastVerdict"), Status.valueOf(verdict)));
            }
            if (region != null) {
                where.add(cb.equal(root.get("regionId"), region));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The dashboard URL of this filter at the given page (0-based), for pager links. */
    String url(int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/");
        Map<String, Object> values = new LinkedHashMap<>();
        if (q != null) {
            b.queryParam("q", "{q}");
            values.put("q", q);
        }
        if (verdict != null) {
            b.queryParam("verdict", "{verdict}");
            values.put("verdict", verdict);
        }
        if (region != null) {
            b.queryParam("region", "{region}");
            values.put("region", region);
        }
        if (page > 0) {
            b.queryParam("page", page);
        }
        // variables are encoded strictly: a '&' or '#' typed in the search stays inside its parameter
        return b.encode().buildAndExpand(values).toUriString();
    }

    /** {@code %} and {@code _} typed by a user are literal characters, not wildcards. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static List<String> verdictChoices() {
        return VERDICTS;
    }

    @Override
    public String toString() {
        return "DashboardFilter" + Arrays.asList(q, verdict, region);
    }
}
