package org.slbdoctor.report;

import java.util.Locale;
import java.util.Optional;
import org.slbdoctor.checklist.Check;
import org.slbdoctor.checklist.Checklist;
import org.springframework.stereotype.Component;

/**
 * Check titles and resolutions in the report's language, from the checks' own metadata. A stored
 * finding keeps the English text it was written with; this lets a zh-CN record show Chinese.
 */
@Component
class ChecklistTexts implements ReportService.CheckText {

    private final Checklist checklist;

    ChecklistTexts(Checklist checklist) {
        this.checklist = checklist;
    }

    @Override
    public Optional<String> title(String checkId, Locale locale) {
        return checklist.check(checkId).map(c -> c.title(locale)).filter(t -> !t.isBlank());
    }

    @Override
    public Optional<String> resolution(String checkId, Locale locale) {
        return checklist.check(checkId).map((Check c) -> c.resolution(locale)).filter(t -> !t.isBlank());
    }
}
