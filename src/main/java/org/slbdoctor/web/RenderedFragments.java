package org.slbdoctor.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ViewResolver;

/**
 * Renders a Thymeleaf fragment once and keeps its HTML for every later request with the same key.
 *
 * <p>Why: rendering is what a page costs (a finished diagnosis' report is ~80 KB of HTML and 10-50 ms
 * of CPU; the dashboard's 50 rows ~4 ms), while what it shows is immutable (a stored diagnosis) or
 * cheap to compare (the rows of a page). Each entry is keyed by the caller's data key, the fragment,
 * the request's locale and the user's authorities, so {@code #{...}} labels and {@code sec:authorize}
 * blocks inside a fragment are always right; everything else the fragment reads must be in the data
 * key. A fragment must not carry a CSRF token (it would leak one session's token to another user):
 * rendering one is refused.
 *
 * <p>The fragment is rendered through the application's Thymeleaf view resolver within the current
 * request, exactly as a page is (links, messages, security dialect), into a buffer. Entries are
 * stored deflated (an 80 KB report is ~10 KB, inflating costs ~0.1 ms) under a byte budget
 * ({@code slbdoctor.web.fragment-cache-size}, default 32 MB; 0 turns the cache off), evicted by
 * Caffeine's size policy.
 */
@Component
public class RenderedFragments {

    static final String CSRF_FIELD = "name=\"_csrf\"";

    private final ViewResolver views;
    private final Cache<Key, Deflated> cache;
    private final boolean enabled;
    private final AtomicLong renders = new AtomicLong();

    RenderedFragments(@Qualifier("thymeleafViewResolver") ViewResolver views,
            @Value("${slbdoctor.web.fragment-cache-size:32MB}") DataSize budget) {
        this.views = views;
        this.enabled = budget.toBytes() > 0;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, budget.toBytes()))
                .weigher((Key key, Deflated html) -> html.bytes().length + 64)
                .build();
    }

    /**
     * @param fragmentView a Thymeleaf fragment view name, {@code template :: fragment(name=${...})}
     * @param dataKey      a value (a record) that equals another exactly when the fragment would render the same
     * @param model        the fragment's model, asked for only when the fragment has to be rendered
     */
    public String html(String fragmentView, Object dataKey, Supplier<Map<String, ?>> model) {
        Locale locale = LocaleContextHolder.getLocale();
        Key key = new Key(fragmentView, dataKey, locale.toLanguageTag(), authorities());
        Deflated cached = enabled ? cache.getIfPresent(key) : null;
        if (cached != null) {
            return inflate(cached);
        }
        // rendered outside any lock: two requests may render the same fragment once each, which is harmless
        String html = render(fragmentView, model.get(), locale);
        renders.incrementAndGet();
        if (enabled) {
            cache.put(key, deflate(html));
        }
        return html;
    }

    /** How many times a fragment was rendered (cache misses) since start. */
    long renders() {
        return renders.get();
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    void clear() {
        cache.invalidateAll();
    }

    private String render(String fragmentView, Map<String, ?> model, Locale locale) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        String html = CapturedResponse.render(views, fragmentView, locale, model, request, response);
        if (html.contains(CSRF_FIELD)) {
            throw new IllegalStateException(fragmentView + " renders a CSRF token: it must not be cached");
        }
        return html;
    }

    /** The signed-in user's authority names: a kept fragment or page may differ per role (sec:authorize). */
    static Set<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> names = new TreeSet<>();
        if (authentication != null && authentication.isAuthenticated()) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                names.add(authority.getAuthority());
            }
        }
        return Set.copyOf(names);
    }

    /** The deflated UTF-8 of a fragment, and how long it is inflated: the buffer is then allocated once. */
    private record Deflated(byte[] bytes, int length) {
    }

    private static Deflated deflate(String html) {
        byte[] input = html.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Deflated(out.toByteArray(), input.length);
        } finally {
            deflater.end();
        }
    }

    private static String inflate(Deflated deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated.bytes());
            // straight into an array of the final size: growing a stream buffer copied an 80 KB report
            // several times and was most of what an instance page allocated (bench/README.md)
            byte[] out = new byte[deflated.length()];
            int n = 0;
            while (n < out.length) {
                int read = inflater.inflate(out, n, out.length - n);
                if (read == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated cache entry");
                }
                n += read;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt cache entry", e);
        } finally {
            inflater.end();
        }
    }

    private record Key(String view, Object data, String locale, Set<String> authorities) {
    }
}
