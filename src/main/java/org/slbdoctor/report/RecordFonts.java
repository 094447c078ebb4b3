package org.slbdoctor.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fonts embedded in every PDF record. They ship inside the application (see
 * {@code resources/fonts/README.md}), so a record shows Chinese as glyphs on any machine: DejaVu
 * Sans for Latin text, Droid Sans Fallback for CJK. The template lists both families, and
 * openhtmltopdf takes each character from the first family that has it.
 *
 * <p>{@code slbdoctor.report.cjk-font} may name another TrueType file for the CJK family (for
 * instance a font a company prefers). A file that is missing or not a TrueType font with glyph
 * outlines is reported once at start-up and the bundled font is used instead, so a bad setting never
 * turns a record into boxes.
 */
@Component
public class RecordFonts {

    static final String SANS = "DejaVu Sans";
    static final String MONO = "DejaVu Sans Mono";
    static final String CJK = "Droid Sans Fallback";

    private static final Logger log = LoggerFactory.getLogger(RecordFonts.class);

    /** A font face: its TrueType bytes, as shipped or configured. */
    private record Face(String family, int weight, byte[] bytes) {
    }

    private final List<Face> faces;
    private final String cjkSource;
    /**
     * Parsed sets of the faces, one per render under way. Parsing a font (the CJK one is 4 MB) for
     * every document was a tenth of a record's garbage; a parsed PDFBox font is reused by the next
     * document, but never by two at once, so no render depends on PDFBox's thread safety.
     */
    private final Queue<List<TrueTypeFont>> parsed = new ConcurrentLinkedQueue<>();

    RecordFonts(@Value("${slbdoctor.report.cjk-font:}") String cjkFont) {
        byte[] cjk = null;
        String source = "bundled DroidSansFallbackFull.ttf";
        if (cjkFont != null && !cjkFont.isBlank()) {
            try {
                cjk = trueType(Files.readAllBytes(Path.of(cjkFont.trim())));
                source = cjkFont.trim();
            } catch (IOException | RuntimeException e) {
                log.warn("slbdoctor.report.cjk-font={} cannot be used ({}); the PDF record uses the bundled CJK font",
                        cjkFont, e.getMessage());
            }
        }
        this.cjkSource = source;
        this.faces = List.of(new Face(SANS, 400, withoutGlyphSubstitution(bundled("DejaVuSans.ttf"))),
                new Face(SANS, 700, withoutGlyphSubstitution(bundled("DejaVuSans-Bold.ttf"))),
                new Face(MONO, 400, withoutGlyphSubstitution(bundled("DejaVuSansMono.ttf"))),
                new Face(CJK, 400, withoutGlyphSubstitution(cjk != null ? cjk : bundled("DroidSansFallbackFull.ttf"))));
    }

    /** Where the CJK glyphs come from: the bundled font or the configured file. */
    public String cjkSource() {
        return cjkSource;
    }

    /**
     * Registers every face, subset-embedded, on a renderer builder for the given document. A face is
     * loaded into the document only when the layout first needs one of its glyphs. Close the lease
     * once the document is saved: its parsed fonts then serve the next render.
     */
    Lease register(PdfRendererBuilder builder, PDDocument document) {
        List<TrueTypeFont> set = parsed.poll();
        if (set == null) {
            set = parse();
        }
        for (int i = 0; i < faces.size(); i++) {
            Face face = faces.get(i);
            builder.useFont(new LazyFont(document, set.get(i)), face.family(), face.weight(), FontStyle.NORMAL, true);
        }
        List<TrueTypeFont> leased = set;
        return () -> parsed.offer(leased);
    }

    /** Parsed fonts lent to one render. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private List<TrueTypeFont> parse() {
        List<TrueTypeFont> set = new ArrayList<>(faces.size());
        for (Face face : faces) {
            try {
                set.add(new TTFParser().parse(new RandomAccessReadBuffer(face.bytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled font " + face.family() + " cannot be read", e);
            }
        }
        return set;
    }

    /** A face loaded into a document on first use, from a parsed font the document does not own. */
    private static final class LazyFont extends PDFontSupplier {
        private final PDDocument document;
        private final TrueTypeFont font;
        private PDFont loaded;

        LazyFont(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            if (loaded == null) {
                try {
                    loaded = PDType0Font.load(document, font, true); // leaves the parsed font open
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return loaded;
        }
    }

    private static byte[] bundled(String name) {
        try (InputStream in = RecordFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the application: fonts/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of a TrueType font whose glyph substitution table (GSUB) PDFBox will not find: its tag in
     * the table directory is renamed. PDFBox 3 applies GSUB ligature rules to every string it draws,
     * compiling a regular expression per string; that was a third of a large record's rendering time
     * and half its garbage. The record gains nothing from it: no script in it needs shaping (Latin and
     * CJK draw one glyph per character) and the only visible effect was the "fi" ligature, which made
     * "rp_filter" or "ICP-filed" come out of the PDF as "rp_\uFB01lter" when a support engineer copies
     * or searches the text. PDFBox 2 never applied GSUB; the embedded subset never carries it.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        byte[] copy = font.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0, at = 12; i < tables && at + 16 <= copy.length; i++, at += 16) {
            if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
                copy[at] = 'g'; // "gSUB": a tag no font reader knows, so the table is skipped
            }
        }
        return copy;
    }

    /** The bytes when they are a TrueType font PDFBox can embed (glyf outlines, not CFF or a collection). */
    static byte[] trueType(byte[] bytes) throws IOException {
        try (var font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            if (font.getGlyph() == null) {
                throw new IOException("not a TrueType font with glyph outlines (an OpenType/CFF or .ttc file?)");
            }
            if (font.getUnicodeCmapLookup(false) == null) {
                throw new IOException("the font has no Unicode character map");
            }
        }
        return bytes;
    }
}
