package org.slbdoctor.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTests {

    private static List<String> lines(Reader r, int max) throws IOException {
        LineReader lr = new LineReader(r, max);
        List<String> out = new ArrayList<>();
        for (String l = lr.next(); l != null; l = lr.next()) {
            out.add(lr.lineNumber() + ":" + l);
        }
        return out;
    }

    @Test
    void splitsOnLfCrLfAndLoneCrAndNumbersFromOne() throws IOException {
        assertThat(lines(new StringReader("a\r\nb\nc\rd"), 100)).containsExactly("1:a", "2:b", "3:c", "4:d");
        assertThat(lines(new StringReader("a\n\nb\n"), 100)).containsExactly("1:a", "2:", "3:b");
        assertThat(lines(new StringReader("\r\n"), 100)).containsExactly("1:");
    }

    @Test
    void emptyTextHasNoLines() throws IOException {
        assertThat(lines(new StringReader(""), 100)).isEmpty();
        assertThat(lines(new StringReader("\uFEFF"), 100)).isEmpty();
    }

    @Test
    void dropsTheByteOrderMark() throws IOException {
        assertThat(lines(new StringReader("\uFEFFkey = 1\n"), 100)).containsExactly("1:key = 1");
    }

    @Test
    void cutsHugeLinesAcrossBufferBoundariesWithoutLosingTheNext() throws IOException {
        String huge = "x".repeat(300_000);
        LineReader lr = new LineReader(new StringReader("first\n" + huge + "\nlast\n"));
        assertThat(lr.next()).isEqualTo("first");
        String cut = lr.next();
        assertThat(cut).hasSize(LineReader.MAX_LINE_CHARS);
        assertThat(lr.truncated()).isTrue();
        assertThat(lr.next()).isEqualTo("last");
        assertThat(lr.lineNumber()).isEqualTo(3);
        assertThat(lr.truncated()).isFalse();
        assertThat(lr.truncatedLines()).isEqualTo(1);
        assertThat(lr.next()).isNull();
    }

    @Test
    void crLfSplitAcrossReadsIsOneTerminator() throws IOException {
        // a reader that hands out one char at a time puts \r and \n in different buffers
        Reader slow = new Reader() {
            final String s = "a\r\nb\r\n";
            int i;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (i >= s.length()) {
                    return -1;
                }
                cbuf[off] = s.charAt(i++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        assertThat(lines(slow, 100)).containsExactly("1:a", "2:b");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws IOException {
        byte[] bytes = {'o', 'k', (byte) 0xC3, (byte) 0x28, '\n', (byte) 0xFF, 'z'};
        List<String> out = lines(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), 100);
        assertThat(out).containsExactly("1:ok\uFFFD(", "2:\uFFFDz");
    }
}
