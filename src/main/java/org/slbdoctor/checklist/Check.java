package org.slbdoctor.checklist;

import java.util.Locale;

/**
 * One check of CHECKLIST.md: a pure function of the evidence snapshot. Implementations are Spring
 * components in {@code checklist.checks}, one class per check id, ordered by {@code @Order} in the
 * order of CHECKLIST.md; {@link Checklist} finds them all.
 */
public interface Check {

    /** Id, guide section, title and resolution in every supported language. */
    CheckMetadata metadata();

    /** Evaluates the check's rules in order. May throw: {@link Checklist} turns that into UNKNOWN. */
    Finding evaluate(EvidenceSnapshot evidence);

    /** The stable id of CHECKLIST.md, e.g. {@code health-check}. */
    default String id() {
        return metadata().id();
    }

    /** The guide section it implements, e.g. {@code "6"}; {@code "—"} when beyond the guide. */
    default String guideSection() {
        return metadata().guideSection();
    }

    /** The title written as the passing case, in English. */
    default String title() {
        return metadata().title(Locale.ENGLISH);
    }

    default String title(Locale locale) {
        return metadata().title(locale);
    }

    default String resolution(Locale locale) {
        return metadata().resolution(locale);
    }
}
