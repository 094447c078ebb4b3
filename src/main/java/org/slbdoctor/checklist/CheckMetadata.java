package org.slbdoctor.checklist;

import java.util.Locale;
import java.util.Objects;

/**
 * What a check says about itself, in English and Simplified Chinese: the title is written as the
 * passing case ("Backends accept the SLB address range"), the resolution paraphrases the guide.
 */
public record CheckMetadata(String id, String guideSection, String titleEn, String titleZh, String resolutionEn,
        String resolutionZh) {

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(guideSection, "guideSection");
    }

    public String title(Locale locale) {
        return chinese(locale) ? titleZh : titleEn;
    }

    public String resolution(Locale locale) {
        return chinese(locale) ? resolutionZh : resolutionEn;
    }

    private static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
