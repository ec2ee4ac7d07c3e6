package org.notifyhub.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring's /error, reached by every sendError and uncaught exception in the servlet stack (an unknown path, a wrong
 * method, a filter's failure): API paths get their JSON envelope whatever the caller accepts; operator paths keep
 * Spring's answer.
 */
public class EdgeErrorController extends BasicErrorController {

    private final EdgeErrorBodies bodies;

    public EdgeErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                               List<ErrorViewResolver> errorViewResolvers, EdgeErrorBodies bodies) {
        super(errorAttributes, errorProperties, errorViewResolvers);
        this.bodies = bodies;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        String path = originalPath(request);
        if (!bodies.answers(path)) {
            return super.errorHtml(request, response);
        }
        try {
            int status = getStatus(request).value();
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(bodies.json(path, status));
        } catch (IOException clientGone) {
            // nothing more to say to a caller that has gone
        }
        return null;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        String path = originalPath(request);
        if (!bodies.answers(path)) {
            return super.error(request);
        }
        int status = getStatus(request).value();
        // A preset content type wins over the caller's Accept header.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(bodies.map(path, status));
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }
}
