package org.slbdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFontsTests {

    @TempDir
    Path dir;

    @Test
    void theBundledCjkFontIsTheDefault() {
        assertThat(new RecordFonts("").cjkSource()).isEqualTo("bundled DroidSansFallbackFull.ttf");
        assertThat(new RecordFonts(null).cjkSource()).isEqualTo("bundled DroidSansFallbackFull.ttf");
    }

    @Test
    void aConfiguredTrueTypeFileReplacesIt() throws Exception {
        Path ttf = dir.resolve("my-cjk.ttf");
        try (InputStream in = RecordFonts.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            Files.copy(in, ttf);
        }
        assertThat(new RecordFonts(ttf.toString()).cjkSource()).isEqualTo(ttf.toString());
    }

    @Test
    void anUnusableFileFallsBackToTheBundledFont() throws Exception {
        Path text = Files.writeString(dir.resolve("not-a-font.ttf"), "hello");
        assertThat(new RecordFonts(text.toString()).cjkSource()).isEqualTo("bundled DroidSansFallbackFull.ttf");
        assertThat(new RecordFonts(dir.resolve("missing.ttf").toString()).cjkSource())
                .isEqualTo("bundled DroidSansFallbackFull.ttf");
    }

    @Test
    void glyphSubstitutionIsHiddenFromPdfBoxAndTheGlyphsStay() throws Exception {
        byte[] font;
        try (InputStream in = RecordFonts.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            font = in.readAllBytes();
        }
        byte[] stripped = RecordFonts.withoutGlyphSubstitution(font);
        assertThat(stripped).hasSameSizeAs(font);
        assertThat(font[12 + 16 * 3]).isEqualTo((byte) 'G'); // the original is left alone
        try (TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(font));
                TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(stripped))) {
            assertThat(before.getTableMap()).containsKey("GSUB");
            assertThat(after.getTableMap()).doesNotContainKey("GSUB");
            assertThat(after.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND); // so PDFBox draws glyphs as mapped
            assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
            assertThat(after.getUnicodeCmapLookup().getGlyphId('f'))
                    .isEqualTo(before.getUnicodeCmapLookup().getGlyphId('f'));
        }
    }
}
