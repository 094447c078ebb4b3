package org.slbdoctor.artifact.phpfpm;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.slbdoctor.artifact.SignatureCounter;
import org.springframework.stereotype.Component;

/**
 * Reads a php-fpm error log ({@code [23-Nov-2026 10:00:00] WARNING: [pool www] server reached
 * pm.max_children setting (5), consider raising it}); also with a container or journald prefix.
 */
@Component
public class PhpFpmLogAnalyzer implements ArtifactAnalyzer<PhpFpmLogFacts> {

    private static final Pattern TIMESTAMP = Pattern.compile("\\[(\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2})");
    private static final Pattern POOL = Pattern.compile("\\[pool ([^\\]]+)]");
    private static final Pattern EXIT_CODE = Pattern.compile("child \\d+ exited with code (\\d+)");
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.PHP_FPM_LOG;
    }

    @Override
    public PhpFpmLogFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        SignatureCounter<PhpFpmLogSignature> found = new SignatureCounter<>(PhpFpmLogSignature.class);
        TreeSet<String> pools = new TreeSet<>();
        long count = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            count++;
            PhpFpmLogSignature sig = classify(line);
            if (sig == null) {
                continue;
            }
            found.count(sig, new LineRef(lines.lineNumber(), line), timestamp(line));
            Matcher pool = POOL.matcher(line);
            if (pool.find() && pools.size() < 1000) {
                pools.add(pool.group(1));
            }
        }
        return new PhpFpmLogFacts(found.found(), pools, count);
    }

    static PhpFpmLogSignature classify(String line) {
        if (line.contains("server reached pm.max_children setting") || line.contains("server reached max_children setting")) {
            return PhpFpmLogSignature.MAX_CHILDREN_REACHED;
        }
        if (line.contains("execution timed out")) {
            return PhpFpmLogSignature.EXECUTION_TIMED_OUT;
        }
        if (line.contains(" exited on signal ")) {
            return PhpFpmLogSignature.CHILD_EXITED_ON_SIGNAL;
        }
        Matcher m = EXIT_CODE.matcher(line);
        if (m.find()) {
            return m.group(1).equals("0") ? PhpFpmLogSignature.CHILD_EXITED_NORMALLY
                    : PhpFpmLogSignature.CHILD_EXITED_WITH_ERROR_CODE;
        }
        if (line.contains("seems busy")) {
            return PhpFpmLogSignature.SEEMS_BUSY;
        }
        return null;
    }

    static LocalDateTime timestamp(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(1), FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
