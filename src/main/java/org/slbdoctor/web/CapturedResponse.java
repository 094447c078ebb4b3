package org.slbdoctor.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** The real response for everything a view may ask, but its body goes to a buffer and its headers nowhere. */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final StringWriter body = new StringWriter(16384);
    private final PrintWriter writer = new PrintWriter(body);

    CapturedResponse(HttpServletResponse response) {
        super(response);
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
