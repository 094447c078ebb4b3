package org.slbdoctor.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slbdoctor.checklist.Status;
import org.springframework.stereotype.Component;

/**
 * Small formatting helpers for templates, as {@code ${@fmt.utc(instant)}}. Times are shown in UTC,
 * like the PDF record, so what a page says and what a ticket quotes are the same text.
 */
@Component("fmt")
public class ViewFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code badge-fail} … {@code badge-not_applicable}, {@code badge-none} when never diagnosed. */
    public String badge(Status status) {
        return status == null ? "badge-none" : "badge-" + status.name().toLowerCase(Locale.ROOT);
    }
}
