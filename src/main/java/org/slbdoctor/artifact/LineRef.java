package org.slbdoctor.artifact;

/**
 * Where a fact stands in an artifact: the 1-based line number and the line's text (without its
 * line terminator, cut to {@link LineReader#MAX_LINE_CHARS}), ready to quote as evidence.
 */
public record LineRef(int lineNumber, String text) {

    public LineRef {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line numbers are 1-based: " + lineNumber);
        }
        text = text == null ? "" : text;
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + text;
    }
}
