package org.slbdoctor.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/** The real response for everything a view may ask, but its body goes to a buffer and its headers nowhere. */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final StringWriter body = new StringWriter(16384);
    private final PrintWriter writer = new PrintWriter(body);

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** Renders {@code viewName} within this request as a page would be, and gives its HTML without the templates' indentation. */
    static String render(ViewResolver views, String viewName, Locale locale, Map<String, ?> model,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            View view = views.resolveViewName(viewName, locale);
            if (view == null) {
                throw new IllegalStateException("no view " + viewName);
            }
            CapturedResponse capture = new CapturedResponse(response);
            view.render(model, request, capture);
            return HtmlWhitespace.trim(capture.html());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + viewName + " failed", e);
        }
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public void setContentType(String type) {
    }

    @Override
    public void setCharacterEncoding(String charset) {
    }

    @Override
    public void setLocale(Locale locale) {
    }

    @Override
    public void setHeader(String name, String value) {
    }

    @Override
    public void addHeader(String name, String value) {
    }

    @Override
    public void flushBuffer() {
        writer.flush();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    String html() {
        writer.flush();
        return body.toString();
    }
}
