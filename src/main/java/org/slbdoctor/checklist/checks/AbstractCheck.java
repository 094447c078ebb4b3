package org.slbdoctor.checklist.checks;

import java.util.List;
import java.util.Locale;
import org.slbdoctor.checklist.Check;
import org.slbdoctor.checklist.CheckMetadata;
import org.slbdoctor.checklist.EvidenceLog;
import org.slbdoctor.checklist.Finding;
import org.slbdoctor.checklist.Status;

/** Holds a check's metadata and builds its findings. */
abstract class AbstractCheck implements Check {

    private final CheckMetadata metadata;

    protected AbstractCheck(CheckMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public final CheckMetadata metadata() {
        return metadata;
    }

    protected Finding finding(Status status, String summary, EvidenceLog evidence, List<String> missing) {
        return new Finding(id(), status, title(), summary, evidence.lines(), resolution(Locale.ENGLISH),
                guideSection(), missing);
    }

    /** "12.5" rather than "12.5000", "90" rather than "90.0". */
    static String number(Double value) {
        if (value == null) {
            return "not known";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                : String.valueOf(value);
    }
}
