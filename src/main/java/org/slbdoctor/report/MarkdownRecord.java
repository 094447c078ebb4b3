package org.slbdoctor.report;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slbdoctor.report.DiagnosisReport.ArtifactRow;
import org.slbdoctor.report.DiagnosisReport.EvidenceLine;
import org.slbdoctor.report.DiagnosisReport.HealthRow;
import org.slbdoctor.report.DiagnosisReport.ReportFinding;

/**
 * The troubleshooting record as Markdown, to paste into a ticket form. Every piece of user or API
 * text goes through {@link #inline} (or a fence that is longer than any backtick run it contains),
 * so a name like {@code <script>} or {@code a|b} shows as typed and cannot break a table or inject HTML.
 */
public final class MarkdownRecord {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([#>+=-]|\\d+[.)])");

    private MarkdownRecord() {
    }

    public static String render(DiagnosisReport r) {
        StringBuilder md = new StringBuilder(8192);
        var i = r.instance();
        var m = r.meta();
        md.append("# ").append(inline(r.label("title"))).append(": ").append(inline(i.loadBalancerId())).append("\n\n");
        table(md, List.of(r.label("meta.loadBalancerId"), i.loadBalancerId()), List.of(
                List.of(r.label("meta.name"), inline(orDash(i.name()))),
                List.of(r.label("meta.region"), inline(i.regionId())),
                List.of(r.label("meta.address"), inline(orDash(i.address()))),
                List.of(r.label("meta.addressType"), inline(orDash(i.addressType()))),
                List.of(r.label("meta.networkType"), inline(orDash(i.networkType()))),
                List.of(r.label("meta.instanceStatus"), inline(orDash(i.status()))),
                List.of(r.label("meta.diagnosisId"), String.valueOf(m.diagnosisId())),
                List.of(r.label("meta.createdAt"), inline(m.createdAtText())),
                List.of(r.label("meta.verdict"), "**" + inline(m.verdictLabel()) + "** (" + m.verdict() + ")"),
                List.of(r.label("meta.createdBy"), inline(orDash(m.createdBy()))),
                List.of(r.label("meta.appVersion"), inline(m.appVersion())),
                List.of(r.label("meta.collection"), inline(m.collectionText()))));

        section(md, r.label("section.ticketSummary"));
        md.append(block(r.ticketSummary())).append("\n\n");

        section(md, r.label("section.summaryTable"));
        table(md, List.of("#", r.label("col.check"), r.label("col.status"), r.label("col.title"),
                r.label("col.guideSection")), r.findings().stream().map(f -> List.of(String.valueOf(f.position()),
                        "`" + f.checkId() + "`", "**" + inline(f.statusLabel()) + "**", inline(f.title()),
                        inline(f.guideSectionLabel()))).toList());

        section(md, r.label("section.findings"));
        for (ReportFinding f : r.findings()) {
            md.append("### ").append(f.position()).append(". ").append(inline(f.statusLabel())).append(": ")
                    .append(inline(f.title())).append(" (`").append(f.checkId()).append("`, ")
                    .append(inline(f.guideSectionLabel())).append(")\n\n");
            if (f.summary() != null && !f.summary().isBlank()) {
                md.append(block(f.summary())).append("\n\n");
            }
            if (!f.evidence().isEmpty()) {
                md.append("**").append(inline(r.label("col.evidence"))).append("**\n\n");
                for (EvidenceLine e : f.evidence()) {
                    md.append("- *").append(inline(e.sourceLabel())).append("*");
                    if (e.location() != null) {
                        md.append(" (").append(inline(e.location())).append(")");
                    }
                    md.append(": ").append(inline(e.text())).append('\n');
                }
                md.append('\n');
            }
            if (!f.missing().isEmpty()) {
                md.append("**").append(inline(r.label("col.missing"))).append("**: ")
                        .append(String.join(", ", f.missing().stream().map(x -> inline(x.label())).toList()))
                        .append("\n\n");
            }
            if (f.resolution() != null && !f.resolution().isBlank()) {
                md.append("**").append(inline(r.label("col.resolution"))).append("**: ").append(inline(f.resolution()))
                        .append("\n\n");
            }
        }

        section(md, r.label("section.listeners"));
        if (!r.listenersKnown()) {
            md.append(inline(r.label("notCollected"))).append("\n\n");
        } else {
            table(md, List.of(r.label("col.listener"), r.label("col.listenerStatus"), r.label("col.healthCheck"),
                    r.label("col.healthCheckSettings"), r.label("col.requestTimeout"), r.label("col.idleTimeout"),
                    r.label("col.establishedTimeout")), r.listeners().stream().map(l -> List.of(inline(l.label()),
                            inline(orDash(l.status())), inline(l.healthCheckText()), inline(l.healthCheckSettings()),
                            num(l.requestTimeout()), num(l.idleTimeout()), num(l.establishedTimeout()))).toList());
        }

        section(md, r.label("section.backends"));
        table(md, List.of(r.label("col.serverId"), r.label("col.serverIp"), r.label("col.ports"),
                r.label("col.weight"), r.label("col.listeners")), r.backends().stream().map(b -> List.of(
                        inline(b.serverId()), inline(orDash(b.serverIp())), inline(orDash(b.ports())), num(b.weight()),
                        inline(String.join(", ", b.listeners())))).toList());

        section(md, r.label("section.healthGrid"));
        if (r.healthGrid().rows().isEmpty()) {
            md.append(inline(r.label("notCollected"))).append("\n\n");
        } else {
            List<String> head = new java.util.ArrayList<>();
            head.add(r.label("col.listener"));
            r.healthGrid().columns().forEach(c -> head.add(c.serverId()));
            List<List<String>> rows = new java.util.ArrayList<>();
            for (HealthRow row : r.healthGrid().rows()) {
                List<String> cells = new java.util.ArrayList<>();
                cells.add(inline(row.listener()));
                row.cells().forEach(c -> cells.add(inline(c.label())));
                rows.add(cells);
            }
            table(md, head, rows);
        }

        section(md, r.label("section.observations"));
        table(md, List.of(r.label("col.field"), r.label("col.value")), r.observations().stream()
                .map(o -> List.of(inline(o.label()), o.known() ? inline(o.value()) : "*" + inline(o.value()) + "*"))
                .toList());
        if (r.notes() != null && !r.notes().isBlank()) {
            md.append("**").append(inline(r.label("section.notes"))).append("**\n\n").append(quote(r.notes()))
                    .append("\n\n");
        }

        section(md, r.label("section.troubleshooting"));
        table(md, List.of("#", r.label("col.step"), r.label("col.result")), r.troubleshootingSteps().stream()
                .map(t -> List.of(String.valueOf(t.number()), inline(t.text()),
                        t.done() ? inline(t.result()) : "*" + inline(t.result()) + "*")).toList());

        section(md, r.label("section.artifacts"));
        if (r.artifacts().isEmpty()) {
            md.append(inline(r.label("none"))).append("\n\n");
        }
        for (ArtifactRow a : r.artifacts()) {
            md.append("### ").append(inline(a.name())).append(" (").append(inline(a.kind())).append(")\n\n");
            if (a.summary() != null) {
                md.append(block(a.summary())).append("\n\n");
            }
            if (!a.excerpt().isEmpty()) {
                fence(md, a.excerpt().stream().map(l -> (l.lineNumber() == null ? "" : l.lineNumber() + ": ")
                        + clean(l.text())).toList());
            }
        }

        section(md, r.label("section.apiCalls"));
        table(md, List.of(r.label("col.action"), r.label("col.requestId"), r.label("col.duration"),
                r.label("col.attempts"), r.label("col.errorCode")), r.apiCalls().stream().map(c -> List.of(
                        inline(c.action()), inline(orDash(c.requestId())), String.valueOf(c.durationMillis()),
                        String.valueOf(c.attempts()), inline(orDash(c.errorCode())))).toList());

        if (!r.collectionErrors().isEmpty()) {
            section(md, r.label("section.collectionErrors"));
            table(md, List.of(r.label("col.action"), r.label("col.errorCode"), r.label("col.requestId"),
                    r.label("col.message")), r.collectionErrors().stream().map(e -> List.of(inline(e.action()),
                            inline(orDash(e.code())), inline(orDash(e.requestId())), inline(orDash(e.message()))))
                    .toList());
        }
        return md.toString();
    }

    /**
     * Escapes text for use inside a Markdown line or table cell: HTML is neutralized as entities,
     * Markdown punctuation is backslash-escaped, line breaks become spaces, control characters go.
     */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        String t = clean(text).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!', '{', '}' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A paragraph: {@link #inline}, and a line may not start a heading, list, quote or rule. */
    static String block(String text) {
        return lines(text, line -> {
            String escaped = inline(line);
            Matcher start = BLOCK_START.matcher(escaped);
            return start.find() ? start.group(1) + "\\" + escaped.substring(start.group(1).length()) : escaped;
        }, "  \n");
    }

    private static String quote(String text) {
        return lines(text, line -> "> " + block(line), "  \n");
    }

    private static String lines(String text, Function<String, String> each, String joiner) {
        return String.join(joiner, clean(text).replace("\r\n", "\n").replace('\r', '\n').lines().map(each).toList());
    }

    /** Removes control characters (but tab and line breaks), which have no place in a record. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || !Character.isISOControl(cp)) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static void fence(StringBuilder md, List<String> lines) {
        int longest = 0;
        for (String line : lines) {
            Matcher m = BACKTICKS.matcher(line);
            while (m.find()) {
                longest = Math.max(longest, m.group().length());
            }
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(fence).append("text\n");
        lines.forEach(l -> md.append(l.replace("\r", "").replace("\n", " ")).append('\n'));
        md.append(fence).append("\n\n");
    }

    private static void section(StringBuilder md, String title) {
        md.append("## ").append(inline(title)).append("\n\n");
    }

    private static void table(StringBuilder md, List<String> head, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", head.stream().map(MarkdownRecord::inline).toList()))
                .append(" |\n");
        md.append("|").append(" --- |".repeat(head.size())).append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row.stream().map(c -> c.isEmpty() ? " " : c).toList()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String num(Integer n) {
        return n == null ? "—" : n.toString();
    }
}
