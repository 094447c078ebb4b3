package org.slbdoctor.artifact.phpfpm;

import org.slbdoctor.artifact.LineRef;

/** One {@code key = value} line; {@code section} is the pool name, {@code global}, or null before any section. */
public record PhpFpmSetting(String section, String key, String value, LineRef line) {

    public int lineNumber() {
        return line.lineNumber();
    }
}
