package org.slbdoctor.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf logs through its own java.util.logging console handler, at INFO for every document
 * (font loading, timings). This sends it to SLF4J instead, so Spring Boot's logging configuration
 * applies ({@code logging.level.com.openhtmltopdf=…}); its INFO chatter goes to DEBUG.
 */
final class OpenHtmlToPdfLogging implements XRLogger {

    private OpenHtmlToPdfLogging() {
    }

    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof OpenHtmlToPdfLogging)) {
            XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = LoggerFactory.getLogger(where);
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (v >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else {
            log.debug(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are Spring Boot's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger log = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int v = diagnostic.getLevel().intValue();
        return v >= Level.WARNING.intValue() ? log.isWarnEnabled() : log.isDebugEnabled();
    }
}
