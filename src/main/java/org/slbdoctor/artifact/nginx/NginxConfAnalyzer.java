package org.slbdoctor.artifact.nginx;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slbdoctor.artifact.ArtifactAnalyzer;
import org.slbdoctor.artifact.ArtifactKind;
import org.slbdoctor.artifact.LineReader;
import org.slbdoctor.artifact.LineRef;
import org.springframework.stereotype.Component;

/**
 * Tokenizes an nginx configuration the way nginx does (words, quotes, {@code ;}, {@code {}},
 * {@code #} comments), tracking blocks, and keeps the directives of {@link NginxConfFacts}. Also
 * reads {@code nginx -T} output: its {@code # configuration file …:} comments name the file and
 * its {@code nginx: …} status lines are skipped.
 */
@Component
public class NginxConfAnalyzer implements ArtifactAnalyzer<NginxConfFacts> {

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.NGINX_CONF;
    }

    @Override
    public NginxConfFacts analyze(Reader text) throws IOException {
        LineReader lines = new LineReader(text);
        Parser p = new Parser();
        for (String line = lines.next(); line != null; line = lines.next()) {
            p.line(line, lines.lineNumber());
        }
        return new NginxConfFacts(p.out);
    }

    private static final class Parser {
        final List<NginxDirective> out = new ArrayList<>();
        final Deque<String> blocks = new ArrayDeque<>();
        final List<String> words = new ArrayList<>();
        LineRef start;
        String file;
        StringBuilder word;
        char quote;

        void line(String line, int number) {
            String t = line.strip();
            if (words.isEmpty() && word == null) {
                if (t.startsWith("# configuration file ") && t.endsWith(":")) {
                    file = t.substring("# configuration file ".length(), t.length() - 1).strip();
                    return;
                }
                if (t.startsWith("nginx: ")) {
                    return; // nginx -T's "syntax is ok" / "test is successful"
                }
            }
            LineRef ref = new LineRef(number, line);
            int n = line.length();
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && i + 1 < n) {
                        word.append(line.charAt(++i));
                    } else if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                    continue;
                }
                if (c == '#' && word == null) {
                    break;
                }
                if (Character.isWhitespace(c)) {
                    endWord();
                } else if (c == ';') {
                    endWord();
                    directive();
                } else if (c == '{') {
                    endWord();
                    blocks.push(String.join(" ", words));
                    words.clear();
                    start = null;
                } else if (c == '}') {
                    endWord();
                    words.clear();
                    start = null;
                    if (!blocks.isEmpty()) {
                        blocks.pop();
                    }
                } else {
                    if (word == null) {
                        word = new StringBuilder();
                        if (start == null) {
                            start = ref;
                        }
                    }
                    if (c == '"' || c == '\'') {
                        quote = c;
                    } else {
                        word.append(c);
                    }
                }
            }
            if (quote != 0) {
                word.append('\n');
            } else {
                endWord();
            }
        }

        void endWord() {
            if (word != null) {
                words.add(word.toString());
                word = null;
            }
        }

        void directive() {
            if (!words.isEmpty()) {
                String name = words.get(0);
                List<String> args = List.copyOf(words.subList(1, words.size()));
                boolean time = NginxConfFacts.TIME_DIRECTIVES.contains(name);
                boolean size = NginxConfFacts.SIZE_DIRECTIVES.contains(name);
                if (time || size) {
                    Double seconds = time && args.size() == 1 ? NginxUnits.seconds(args.get(0)) : null;
                    Long bytes = null;
                    Integer count = null;
                    if (name.equals(NginxConfFacts.LARGE_CLIENT_HEADER_BUFFERS)) {
                        if (args.size() == 2) {
                            bytes = NginxUnits.bytes(args.get(1));
                            try {
                                count = Integer.valueOf(args.get(0));
                            } catch (NumberFormatException e) {
                                count = null;
                            }
                        }
                    } else if (size && args.size() == 1) {
                        bytes = NginxUnits.bytes(args.get(0));
                    }
                    List<String> path = new ArrayList<>(blocks);
                    java.util.Collections.reverse(path);
                    out.add(new NginxDirective(name, args, String.join(" > ", path), file, start, seconds, bytes,
                            count));
                }
            }
            words.clear();
            start = null;
        }
    }
}
