package org.slbdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
