package org.slbdoctor.artifact.nginx;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.SignatureCounter;
import org.springframework.stereotype.Component;

/**
 * Finds the upstream error signatures in an nginx error log
 * ({@code 2026/11/23 10:00:00 [error] 1760#0: *251777 recv() failed (104: Connection reset by peer)
 * while reading response header from upstream, client: …}). Lines without a timestamp (as the
 * guide quotes them) count too.
 */
@Component
public class NginxErrorLogAnalyzer implements ArtifactAnalyzer<NginxErrorLogFacts> {

    private static final Pattern ERRNO = Pattern.compile(
            "\\((\\d{1,4}): [^()]*\\) while (connecting to upstream|reading response header from upstream)");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.NGINX_ERROR_LOG;
    }

    @Override
    public NginxErrorLogFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        SignatureCounter<NginxErrorSignature> found = new SignatureCounter<>(NginxErrorSignature.class);
        long count = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            count++;
            if (!line.contains("upstream")) {
                continue; // every signature names the upstream: skips access-log noise cheaply
            }
            NginxErrorSignature sig = classify(line);
            if (sig != null) {
                found.count(sig, new LineRef(lines.lineNumber(), line), timestamp(line));
            }
        }
        return new NginxErrorLogFacts(found.found(), count);
    }

    static NginxErrorSignature classify(String line) {
        if (line.contains("upstream sent too big header")) {
            return NginxErrorSignature.UPSTREAM_SENT_TOO_BIG_HEADER;
        }
        if (line.contains("upstream prematurely closed connection while reading response header from upstream")) {
            return NginxErrorSignature.UPSTREAM_PREMATURELY_CLOSED;
        }
        if (line.contains("no live upstreams while connecting to upstream")) {
            return NginxErrorSignature.NO_LIVE_UPSTREAMS;
        }
        Matcher m = ERRNO.matcher(line);
        while (m.find()) {
            boolean connecting = m.group(2).startsWith("connecting");
            NginxErrorSignature sig = switch (m.group(1)) {
                case "110" -> connecting ? NginxErrorSignature.UPSTREAM_CONNECT_TIMEOUT
                        : NginxErrorSignature.UPSTREAM_READ_TIMEOUT;
                case "104" -> connecting ? null : NginxErrorSignature.UPSTREAM_RESET_READING_HEADER;
                case "111" -> connecting ? NginxErrorSignature.UPSTREAM_CONNECTION_REFUSED : null;
                case "2" -> connecting ? NginxErrorSignature.UPSTREAM_SOCKET_MISSING : null;
                case "11" -> connecting ? NginxErrorSignature.UPSTREAM_BACKLOG_FULL : null;
                default -> null;
            };
            if (sig != null) {
                return sig;
            }
        }
        return null;
    }

    static LocalDateTime timestamp(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        if (!m.find() || m.start() > 64) {
            return null;
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
