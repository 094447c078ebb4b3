package org.slbdoctor.artifact;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file far beyond the artifact limit is refused by the multipart parser before any controller runs.
 * On the artifacts page that becomes a message on the page instead of an error page; elsewhere
 * Spring's default answer (413) stands.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArtifactUploadTooLargeAdvice {

    private static final Pattern UI_UPLOAD = Pattern.compile("^/instances/([^/]+)/artifacts/?$");

    private final MessageSource messages;
    private final ObjectProvider<ArtifactProperties> properties;

    /** The properties through a provider: MVC test slices load advice beans without the artifact configuration. */
    ArtifactUploadTooLargeAdvice(MessageSource messages, ObjectProvider<ArtifactProperties> properties) {
        this.messages = messages;
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = UI_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches()) {
            // what Spring does by default for this exception (DefaultHandlerExceptionResolver)
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return new ModelAndView();
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", messages.getMessage("artifacts.error.tooLarge",
                new Object[] {properties.getIfAvailable(() -> new ArtifactProperties(ArtifactProperties.DEFAULT_MAX_BYTES))
                        .maxBytes() / (1024 * 1024)}, LocaleContextHolder.getLocale()));
        return new ModelAndView("redirect:/instances/" + m.group(1) + "/artifacts");
    }
}
