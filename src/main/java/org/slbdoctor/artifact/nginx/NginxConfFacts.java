package org.slbdoctor.artifact.nginx;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slbdoctor.artifact.ArtifactFacts;
import org.slbdoctor.artifact.ArtifactKind;

/**
 * The timeout and header-buffer directives of an nginx configuration (a file or {@code nginx -T}
 * output), every occurrence in text order: a config may set them per server or location, so the
 * check decides which one matters (typically the largest).
 */
public record NginxConfFacts(List<NginxDirective> directives) implements ArtifactFacts {

    public static final String FASTCGI_READ_TIMEOUT = "fastcgi_read_timeout";
    public static final String PROXY_READ_TIMEOUT = "proxy_read_timeout";
    public static final String LARGE_CLIENT_HEADER_BUFFERS = "large_client_header_buffers";
    public static final String CLIENT_HEADER_BUFFER_SIZE = "client_header_buffer_size";
    public static final String FASTCGI_BUFFER_SIZE = "fastcgi_buffer_size";
    public static final String PROXY_BUFFER_SIZE = "proxy_buffer_size";

    static final Set<String> TIME_DIRECTIVES = Set.of(FASTCGI_READ_TIMEOUT, PROXY_READ_TIMEOUT);
    static final Set<String> SIZE_DIRECTIVES = Set.of(LARGE_CLIENT_HEADER_BUFFERS, CLIENT_HEADER_BUFFER_SIZE,
            FASTCGI_BUFFER_SIZE, PROXY_BUFFER_SIZE);

    public NginxConfFacts {
        directives = List.copyOf(directives);
    }

    @Override
    public ArtifactKind kind() {
        return ArtifactKind.NGINX_CONF;
    }

    public List<NginxDirective> all(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).toList();
    }

    public List<NginxDirective> fastcgiReadTimeouts() {
        return all(FASTCGI_READ_TIMEOUT);
    }

    public List<NginxDirective> proxyReadTimeouts() {
        return all(PROXY_READ_TIMEOUT);
    }

    /** The occurrence with the largest seconds (the first of equals); empty if none is readable. */
    public Optional<NginxDirective> maxSeconds(String name) {
        return all(name).stream().filter(d -> d.seconds() != null)
                .max(Comparator.comparingDouble(NginxDirective::seconds).thenComparing(d -> -d.lineNumber()));
    }

    /** The largest of {@code fastcgi_read_timeout} and {@code proxy_read_timeout}. */
    public Optional<NginxDirective> maxReadTimeout() {
        return directives.stream().filter(d -> TIME_DIRECTIVES.contains(d.name()) && d.seconds() != null)
                .max(Comparator.comparingDouble(NginxDirective::seconds).thenComparing(d -> -d.lineNumber()));
    }

    /** The occurrence with the largest bytes. */
    public Optional<NginxDirective> maxBytes(String name) {
        return all(name).stream().filter(d -> d.bytes() != null)
                .max(Comparator.comparingLong(NginxDirective::bytes).thenComparing(d -> -d.lineNumber()));
    }

    @Override
    public String summary() {
        if (directives.isEmpty()) {
            return "no timeout or header buffer directive (nginx defaults apply: read timeouts 60s)";
        }
        return directives.stream().map(d -> d.text() + " (line " + d.lineNumber() + ")")
                .collect(Collectors.joining("; "));
    }
}
