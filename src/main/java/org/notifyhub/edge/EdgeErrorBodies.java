package org.notifyhub.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.notifyhub.admin.AdminErrorResponses;
import org.notifyhub.api.v2.V2ErrorResponses;
import org.notifyhub.common.Outages;
import org.notifyhub.common.RequestPaths;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The body of an error answered at the HTTP edge, before or outside any route: v2 paths get Notify's v2 envelope,
 * every other path but the operator's (/actuator, which keeps Spring's) Notify's non-v2 one, as Notify's app-wide
 * handlers answer. An error's name follows the exception Notify's stack raises for it.
 */
@Component
public class EdgeErrorBodies {

    static final String STARTING = "Service unavailable: this node is starting, try again shortly";

    private static final Map<Integer, String> ERRORS = Map.of(
            400, "BadRequestError",
            404, "NotFound",
            405, "MethodNotAllowed",
            413, "BadRequestError",
            500, "Exception",
            503, Outages.ERROR);

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "Bad request: its URL, query string or headers could not be read",
            404, "Not found",
            405, "The method is not allowed for the requested URL",
            413, "Request body too large",
            500, "Internal server error",
            503, Outages.MESSAGE);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public EdgeErrorBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** False for the operator endpoints, whose errors stay Spring's; a request whose path could not be read is answered. */
    public boolean answers(String path) {
        String normal = normalise(path);
        return !(normal.equals("/actuator") || normal.startsWith("/actuator/"));
    }

    public byte[] json(String path, int status) {
        return json(path, status, MESSAGES.getOrDefault(status, reason(status)));
    }

    public byte[] json(String path, int status, String message) {
        try {
            return mapper.writeValueAsBytes(envelope(path, status, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> map(String path, int status) {
        return mapper.convertValue(envelope(path, status, MESSAGES.getOrDefault(status, reason(status))), MAP);
    }

    Object envelope(String path, int status, String message) {
        String normal = normalise(path);
        if (RequestPaths.isV2(normal)) {
            String error = ERRORS.getOrDefault(status, reason(status).replaceAll("[^A-Za-z]", ""));
            return new V2ErrorResponses.ErrorEnvelope(status, List.of(new V2ErrorResponses.ErrorEntry(error, message)));
        }
        return new AdminErrorResponses.ErrorEnvelope("error", message);
    }

    /** The raw request URI as the firewall and Tomcat see it: repeated slashes and path parameters count for nothing. */
    private static String normalise(String path) {
        return path == null ? "" : path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
