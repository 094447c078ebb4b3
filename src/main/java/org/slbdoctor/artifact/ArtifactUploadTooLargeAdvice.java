package org.slbdoctor.artifact;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * A file far beyond the artifact limit is refused by the multipart parser before any controller runs.
 * On the artifacts page that becomes a message on the page instead of an error page; on
 * {@code /api/**} it is the same 400 problem ({@code code} ContentTooLarge) as an upload just over
 * the limit (API.md: beyond the limit, 400), not the parser's 413.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArtifactUploadTooLargeAdvice {

    private static final Pattern UI_UPLOAD = Pattern.compile("^/instances/([^/]+)/artifacts/?$");

    private final MessageSource messages;
    private final ObjectProvider<ArtifactProperties> properties;
    private final ObjectMapper json;

    /** The properties through a provider: MVC test slices load advice beans without the artifact configuration. */
    ArtifactUploadTooLargeAdvice(MessageSource messages, ObjectProvider<ArtifactProperties> properties,
            ObjectMapper json) {
        this.messages = messages;
        this.properties = properties;
        this.json = json;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long maxBytes = properties.getIfAvailable(() -> new ArtifactProperties(ArtifactProperties.DEFAULT_MAX_BYTES))
                .maxBytes();
        if (path.startsWith("/api/")) {
            ProblemDetail problem = InvalidArtifactException.tooLarge("file", "The upload is larger than the limit of "
                    + maxBytes + " bytes (slbdoctor.artifacts.max-bytes).").getBody();
            problem.setType(URI.create("about:blank"));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return null; // handled: the response is written
        }
        Matcher m = UI_UPLOAD.matcher(path);
        if (!m.matches()) {
            // what Spring does by default for this exception (DefaultHandlerExceptionResolver)
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return new ModelAndView();
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", messages.getMessage("artifacts.error.tooLarge",
                new Object[] {maxBytes / (1024 * 1024)}, LocaleContextHolder.getLocale()));
        return new ModelAndView("redirect:/instances/" + m.group(1) + "/artifacts");
    }
}
