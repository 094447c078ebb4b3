package org.slbdoctor.artifact.nginx;

import java.util.List;
import org.slbdoctor.artifact.LineRef;

/**
 * One directive the analyzer tracks, as written.
 *
 * @param name     e.g. {@code fastcgi_read_timeout}
 * @param args     its arguments, quotes removed
 * @param context  the enclosing blocks, e.g. {@code http > server > location ~ \.php$} (empty at top level)
 * @param file     the file named by the last {@code # configuration file …:} comment of {@code nginx -T}, else null
 * @param line     the line where the directive starts
 * @param seconds  for time directives, the value in seconds ({@code 1m30s} → 90.0); null if unreadable or not a time
 * @param bytes    for size directives, the buffer size in bytes ({@code 8k} → 8192; for
 *                 {@code large_client_header_buffers 4 16k} the size of one buffer, 16384); null otherwise
 * @param count    for {@code large_client_header_buffers}, the number of buffers; null otherwise
 */
public record NginxDirective(String name, List<String> args, String context, String file, LineRef line, Double seconds,
        Long bytes, Integer count) {

    public NginxDirective {
        args = List.copyOf(args);
    }

    public int lineNumber() {
        return line.lineNumber();
    }

    /** {@code name arg1 arg2;} */
    public String text() {
        return name + (args.isEmpty() ? "" : " " + String.join(" ", args)) + ";";
    }
}
