package org.slbdoctor.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slbdoctor.security.CurrentUser;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Keeps whole HTML pages, deflated, with holes where the only per-session parts go: the CSRF token
 * and the signed-in user's name. A kept page is written straight to the socket with this request's
 * (masked) CSRF token and name filled in: as gzip to clients that accept it (every browser does),
 * with nothing compressed again ({@link GzipTemplate}), else inflated.
 *
 * <p>Why: under 64 connections an instance page cost 1.4 ms of CPU, half of it the layout, inflating
 * the kept report, encoding 80 KB of chars to UTF-8 and loading the instance row again
 * (bench/README.md), for a page that only changes when the instance does. Deflated, a page takes
 * ~10 KB instead of ~71 KB, so the pages of 1,000 instances fit in a few MB.
 *
 * <p>The caller passes a data key that changes whenever the page would (an instance's change
 * number, the dashboard rows); this class adds the view, the locale, the user's authorities and the
 * sandbox flag. When the key is derived from this process's memory only (an instance's change
 * number), the caller also passes a check: a cheap read of what the page shows (the instance row's
 * version). A kept page is served for {@code slbdoctor.web.page-max-age} (default 5 s); after that
 * the check is read again and the page kept if it says the same, rendered again if not. That bounds
 * what this process cannot see, another node's writes to a shared database, at the cost of one
 * small query per page and max-age instead of a whole render. Pages that show a flash message are
 * never kept.
 *
 * <p>The holes are found by rendering with random marker values (a fresh one per process) in place
 * of the token and the name, so a kept page never holds one session's token or one user's name.
 */
@Component
public class PageCache {

    private enum Slot { CSRF_TOKEN, USER_NAME }

    /** A kept page; hole i of {@code body} takes the value of {@code slots.get(i)}. */
    private static final class Page {

        private final GzipTemplate body;
        private final List<Slot> slots;
        /** What the check read before the page was rendered; null without a check. */
        private final Object checked;
        private volatile long checkedAt;

        Page(GzipTemplate body, List<Slot> slots, Object checked, long checkedAt) {
            this.body = body;
            this.slots = slots;
            this.checked = checked;
            this.checkedAt = checkedAt;
        }
    }

    private record Key(String view, Object data, String locale, Set<String> authorities, boolean sandbox) {
    }

    private final ViewResolver views;
    private final Cache<Key, Page> cache;
    private final boolean enabled;
    private final long maxAgeNanos;
    private final String tokenMarker;
    private final String nameMarker;
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();

    PageCache(@Qualifier("thymeleafViewResolver") ViewResolver views,
            @Value("${slbdoctor.web.page-cache-size:64MB}") DataSize budget,
            @Value("${slbdoctor.web.page-max-age:5s}") Duration maxAge) {
        this.views = views;
        this.enabled = budget.toBytes() > 0;
        this.maxAgeNanos = Math.max(0, maxAge.toNanos());
        this.cache = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, budget.toBytes()))
                .weigher((Key key, Page page) -> page.body.keptBytes())
                // a dashboard key holds its rows: let go of pages nobody asked for in a while
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
        SecureRandom random = new SecureRandom();
        this.tokenMarker = "slbdoctorcsrf" + marker(random);
        this.nameMarker = "slbdoctoruser" + marker(random);
    }

    /**
     * The page {@code viewName} for this request: the kept one when there is one for {@code dataKey},
     * else {@code fillModel} is run and the page rendered (and kept).
     *
     * @param dataKey   equals another exactly when the page would show the same (beyond user, locale
     *                  and roles), read from data no older than max-age
     * @param fillModel adds what the view needs to {@code model}; not run when the page is kept
     */
    public ModelAndView page(String viewName, Object dataKey, Model model, Runnable fillModel) {
        return page(viewName, dataKey, null, model, fillModel);
    }

    /**
     * As {@link #page(String, Object, Model, Runnable)} for a key that this process's own writes move
     * but another node's do not: {@code check} reads (cheaply) what the page depends on, and a page
     * older than max-age is kept only while it reads the same as before the page was rendered.
     */
    public ModelAndView page(String viewName, Object dataKey, Supplier<?> check, Model model, Runnable fillModel) {
        HttpServletRequest request = currentRequest();
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Object user = model.getAttribute("currentUser");
        if (!enabled || (flash != null && !flash.isEmpty()) || token == null || !(user instanceof CurrentUser current)) {
            fillModel.run();
            return new ModelAndView(viewName);
        }
        Key key = new Key(viewName, dataKey, LocaleContextHolder.getLocale().toLanguageTag(),
                RenderedFragments.authorities(), Boolean.TRUE.equals(model.getAttribute("sandboxMode")));
        Page page = cache.getIfPresent(key);
        long now = System.nanoTime();
        Object checked = null;
        if (check != null && (page == null || now - page.checkedAt > maxAgeNanos)) {
            // read before the page is rendered: a change committed meanwhile reads differently next time
            checked = check.get();
            checks.incrementAndGet();
            if (page != null && Objects.equals(checked, page.checked)) {
                page.checkedAt = now;
            } else {
                page = null;
            }
        }
        if (page == null) {
            fillModel.run();
            page = render(viewName, model, current, token, request, checked, now);
            cache.put(key, page);
        }
        return new ModelAndView(new KeptView(page));
    }

    /** How many pages were rendered (not served kept) since start. */
    long renders() {
        return renders.get();
    }

    /** How many times a check was read since start. */
    long checks() {
        return checks.get();
    }

    void clear() {
        cache.invalidateAll();
    }

    private Page render(String viewName, Model model, CurrentUser user, CsrfToken token, HttpServletRequest request,
            Object checked, long now) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> marked = new HashMap<>(model.asMap());
        marked.put("currentUser", new CurrentUser(user.authenticated(), nameMarker, user.operator(), user.admin()));
        CsrfToken markedToken = new DefaultCsrfToken(token.getHeaderName(), token.getParameterName(), tokenMarker);
        HttpServletRequest markedRequest = new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                if (CsrfToken.class.getName().equals(name) || token.getParameterName().equals(name)) {
                    return markedToken;
                }
                return super.getAttribute(name);
            }
        };
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
        String html = CapturedResponse.render(views, viewName, locale, marked, markedRequest, response);
        renders.incrementAndGet();
        List<byte[]> parts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        split(html, parts, slots);
        return new Page(GzipTemplate.of(parts), List.copyOf(slots), checked, now);
    }

    private void split(String html, List<byte[]> parts, List<Slot> slots) {
        int from = 0;
        // each marker is searched for once past the previous hit: searching both from every hole again
        // scanned the page once per hole
        int nextToken = html.indexOf(tokenMarker);
        int nextName = html.indexOf(nameMarker);
        while (true) {
            int at = nextToken < 0 ? nextName : nextName < 0 ? nextToken : Math.min(nextToken, nextName);
            parts.add(html.substring(from, at < 0 ? html.length() : at).getBytes(StandardCharsets.UTF_8));
            if (at < 0) {
                return;
            }
            if (at == nextToken) {
                slots.add(Slot.CSRF_TOKEN);
                from = at + tokenMarker.length();
                nextToken = html.indexOf(tokenMarker, from);
            } else {
                slots.add(Slot.USER_NAME);
                from = at + nameMarker.length();
                nextName = html.indexOf(nameMarker, from);
            }
        }
    }

    private static String marker(SecureRandom random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip (RFC 9110 12.5.3): listed as gzip or
     * x-gzip, or covered by {@code *}, with a q-value above 0.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (String item : acceptEncoding.split(",")) {
            String[] bits = item.split(";");
            String coding = bits[0].trim().toLowerCase(Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < bits.length; i++) {
                String param = bits[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        accepted = Double.parseDouble(param.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        accepted = false;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == Boolean.TRUE || accepted;
            } else if (coding.equals("*")) {
                any = accepted;
            }
        }
        return gzip != null ? gzip : any;
    }

    /** Writes a kept page with this request's CSRF token and user name in its holes. */
    private static final class KeptView implements View {

        private final Page page;

        KeptView(Page page) {
            this.page = page;
        }

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[][] values = new byte[page.slots.size()][];
            byte[] token = null;
            byte[] name = null;
            for (int i = 0; i < values.length; i++) {
                if (page.slots.get(i) == Slot.CSRF_TOKEN) {
                    if (token == null) {
                        // the token is masked afresh per request (BREACH); one value per response, as Thymeleaf writes it
                        token = HtmlUtils.htmlEscape(((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken())
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    values[i] = token;
                } else {
                    if (name == null) {
                        CurrentUser user = (CurrentUser) model.get("currentUser");
                        name = HtmlUtils.htmlEscape(user.name(), "UTF-8").getBytes(StandardCharsets.UTF_8);
                    }
                    values[i] = name;
                }
            }
            response.setContentType(getContentType());
            response.addHeader("Vary", "Accept-Encoding");
            if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
                response.setHeader("Content-Encoding", "gzip");
                response.setContentLength(page.body.gzipLength(values));
                page.body.writeGzip(response.getOutputStream(), values);
            } else {
                response.setContentLength(page.body.plainLength(values));
                page.body.writePlain(response.getOutputStream(), values);
            }
        }
    }
}
