package org.slbdoctor.web.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slbdoctor.checklist.Checklist;
import org.slbdoctor.diagnosis.DiagnosisDiff;

/**
 * The diff page's model: the differ's result with what the page adds for reading it, check titles
 * in the page's language and the per-listener changes grouped by listener.
 */
public record DiffPage(DiagnosisDiff diff, List<StatusRow> statusChanges,
        Map<String, List<DiagnosisDiff.ListenerChange>> configByListener,
        Map<String, List<DiagnosisDiff.HealthChange>> healthByListener) {

    /** A check whose status moved; {@code before}/{@code after} are null when a side lacks the check. */
    public record StatusRow(String checkId, String title, String before, String after, boolean worse,
            boolean better) {
    }

    static DiffPage of(DiagnosisDiff diff, Checklist checklist, Locale locale) {
        List<StatusRow> rows = diff.statusChanges().stream().map(c -> {
            String title = checklist.check(c.checkId()).map(k -> k.title(locale)).filter(t -> !t.isBlank())
                    .orElse(c.title());
            boolean worse = c.before() != null && c.after() != null && c.after().worseThan(c.before());
            boolean better = c.before() != null && c.after() != null && c.before().worseThan(c.after());
            return new StatusRow(c.checkId(), title, c.before() == null ? null : c.before().name(),
                    c.after() == null ? null : c.after().name(), worse, better);
        }).toList();
        Map<String, List<DiagnosisDiff.ListenerChange>> config = new LinkedHashMap<>();
        diff.listenerChanges().forEach(c -> config.computeIfAbsent(c.listener(), k -> new java.util.ArrayList<>()).add(c));
        Map<String, List<DiagnosisDiff.HealthChange>> health = new LinkedHashMap<>();
        diff.healthChanges().forEach(c -> health.computeIfAbsent(c.listener(), k -> new java.util.ArrayList<>()).add(c));
        return new DiffPage(diff, rows, config, health);
    }
}
