package org.slbdoctor.report;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slbdoctor.report.DiagnosisReport.BackendRow;
import org.slbdoctor.report.DiagnosisReport.HealthCell;
import org.slbdoctor.report.DiagnosisReport.HealthRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders a {@link DiagnosisReport} as the PDF troubleshooting record: the Thymeleaf template
 * {@code templates/report/record.html} (XHTML with print CSS) laid out by openhtmltopdf on PDFBox,
 * with the {@link RecordFonts} embedded.
 *
 * <p>The template engine is its own, not the web one: the record must not depend on a request
 * (a scheduled export or a benchmark renders it too) and the template is parsed as strict XML.
 * Every user or API text goes through {@code th:text} (escaped); the rendered document is then
 * passed through {@link XmlText#clean}, which removes the characters XML cannot carry at all.
 */
@Component
public class PdfRecordRenderer {

    static final String TEMPLATE = "report/record";
    /** Backends per health-grid table: what fits an A4 portrait page legibly. */
    static final int GRID_COLUMNS = 8;

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final RecordFonts fonts;
    /** Font metrics survive between documents: parsing them again is most of a small record's time. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new MapCache();

    PdfRecordRenderer(MessageSource messages, RecordFonts fonts) {
        OpenHtmlToPdfLogging.install();
        this.fonts = fonts;
        this.messages = messages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.templates.setTemplateEngineMessageSource(messages);
        this.templates.setEnableSpringELCompiler(true);
    }

    /** The PDF bytes of a report. */
    public byte[] render(DiagnosisReport report) {
        String xhtml = xhtml(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        // the record is self-contained: nothing may be fetched, whatever a document says
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withProducer("SLB Doctor " + report.meta().appVersion() + " (openhtmltopdf, PDFBox)");
        builder.withW3cDocument(parse(xhtml), "about:blank");
        builder.toStream(out);
        try (PDDocument document = new PDDocument(); RecordFonts.Lease lease = fonts.register(builder, document)) {
            builder.usePDDocument(document);
            builder.run(); // saves the document (fonts subset) before the lease returns its fonts
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the PDF record failed", e);
        }
        return out.toByteArray();
    }

    /** The XHTML the PDF is laid out from (also handy to look at when the layout is wrong). */
    String xhtml(DiagnosisReport report) {
        Locale locale = Locale.forLanguageTag(report.locale());
        Context context = new Context(locale);
        context.setVariable("r", report);
        context.setVariable("evidence", PdfEvidence.of(report, (key, args) -> messages.getMessage(key, args, locale)));
        context.setVariable("gridParts", gridParts(report));
        context.setVariable("author", report.meta().createdBy() == null || report.meta().createdBy().isBlank()
                ? "SLB Doctor" : report.meta().createdBy() + " (SLB Doctor)");
        return XmlText.clean(templates.process(TEMPLATE, context));
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the PDF record template produced invalid XHTML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A slice of the health grid: some backends (columns) for every listener (row). */
    public record GridPart(int from, int to, int total, List<BackendRow> columns, List<GridRow> rows) {
    }

    public record GridRow(String listener, List<HealthCell> cells) {
    }

    /** The listener × backend grid cut into tables of {@link #GRID_COLUMNS} backends, so none overflows the page. */
    static List<GridPart> gridParts(DiagnosisReport report) {
        List<BackendRow> columns = report.healthGrid().columns();
        List<HealthRow> rows = report.healthGrid().rows();
        List<GridPart> parts = new ArrayList<>();
        for (int from = 0; from < columns.size(); from += GRID_COLUMNS) {
            int to = Math.min(from + GRID_COLUMNS, columns.size());
            int f = from;
            List<GridRow> slice = rows.stream()
                    .map(r -> new GridRow(r.listener(), r.cells().subList(f, Math.min(to, r.cells().size())))).toList();
            parts.add(new GridPart(from + 1, to, columns.size(), columns.subList(from, to), slice));
        }
        return parts;
    }

    private static final class MapCache implements FSCacheEx<String, FSCacheValue> {
        private final Map<String, FSCacheValue> map = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            map.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, Callable<? extends FSCacheValue> loader) {
            return map.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return map.get(key);
        }
    }
}
