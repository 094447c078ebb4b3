package org.slbdoctor.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * The last-resort error handler (the servlet container's /error dispatch). Browsers get the HTML
 * error pages of the layout (templates/error/*); everything else, e.g. an unknown /api/** path,
 * gets an RFC 9457 problem instead of Boot's default JSON map. {@code /api/**} always gets the problem,
 * whatever the client accepts (API.md: errors are problem+json). Never includes exception details.
 */
@Controller
class ProblemErrorController extends BasicErrorController {

    private final ObjectMapper json;

    ProblemErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers,
            ObjectMapper json) {
        super(errorAttributes, new ErrorProperties(), resolvers.orderedStream().toList());
        this.json = json;
    }

    /** The HTML error page, except on {@code /api/**}: a browser-like Accept header must not turn a problem into a page. */
    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path == null || !path.toString().startsWith(request.getContextPath() + "/api/")) {
            return super.errorHtml(request, response);
        }
        ResponseEntity<Map<String, Object>> problem = error(request);
        response.setStatus(problem.getStatusCode().value());
        if (problem.getBody() != null) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            try {
                json.writeValue(response.getOutputStream(), problem.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null; // handled: the response is written
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status == HttpStatus.NOT_FOUND ? "No resource at this path."
                : status.is5xxServerError() ? "An unexpected error occurred." : status.getReasonPhrase() + ".");
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.put("instance", path.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
