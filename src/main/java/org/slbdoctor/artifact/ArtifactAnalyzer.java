package org.slbdoctor.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns one artifact's text into facts. Implementations are Spring components, one per
 * {@link ArtifactKind}, and pure functions of the text: they read the given text and nothing else.
 * They read line by line through {@link LineReader}, so CRLF, a BOM and over-long lines are
 * handled alike everywhere.
 */
public interface ArtifactAnalyzer<F extends ArtifactFacts> {

    ArtifactKind kind();

    /** Reads the text to its end; the caller closes the reader. */
    F analyze(Reader text) throws IOException;

    default F analyze(String text) {
        try {
            return analyze(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** Bytes are UTF-8; invalid sequences become U+FFFD rather than failing. */
    default F analyze(InputStream utf8) throws IOException {
        return analyze(new InputStreamReader(utf8, StandardCharsets.UTF_8));
    }
}
