package org.slbdoctor.report;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The troubleshooting record of one diagnosis as PDF, Markdown and JSON: one report model, three renderings. */
@RestController
@RequestMapping("/api/instances/{loadBalancerId}/diagnoses/{id}")
class ReportController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final ReportService reports;
    private final PdfRecordRenderer pdf;

    ReportController(ReportService reports, PdfRecordRenderer pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    /** The record for a support ticket; {@code ?lang=zh-CN} (or the UI's language) picks its language. */
    @GetMapping("/record.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String loadBalancerId, @PathVariable long id, Locale locale) {
        byte[] body = pdf.render(reports.build(loadBalancerId, id, locale));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(body.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(loadBalancerId, id, "pdf")).build().toString())
                .body(body);
    }

    @GetMapping("/record.md")
    ResponseEntity<String> markdown(@PathVariable String loadBalancerId, @PathVariable long id, Locale locale) {
        String body = MarkdownRecord.render(reports.build(loadBalancerId, id, locale));
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName(loadBalancerId, id, "md"), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping(value = "/record.json", produces = MediaType.APPLICATION_JSON_VALUE)
    DiagnosisReport json(@PathVariable String loadBalancerId, @PathVariable long id, Locale locale) {
        return reports.build(loadBalancerId, id, locale);
    }

    /** {@code slb-doctor-lb-xxx-17.md}; the id is a path variable, so keep only safe characters. */
    static String fileName(String loadBalancerId, long id, String extension) {
        return "slb-doctor-" + loadBalancerId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + id + "." + extension;
    }
}
