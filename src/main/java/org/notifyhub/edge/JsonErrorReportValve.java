package org.notifyhub.edge;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, for what it refuses before the application sees a request (an encoded slash in the path,
 * a request line or headers over the limits, an unreadable URI): JSON in the endpoint's envelope instead of HTML.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private final EdgeErrorBodies bodies;

    JsonErrorReportValve(EdgeErrorBodies bodies) {
        this.bodies = bodies;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        if (!bodies.answers(path)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        // As Tomcat's own: nothing for a success, for a body already begun, or for an error already reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(bodies.json(path, status), StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrCommitted) {
            // nothing more can be said on this connection
        }
    }
}
