package org.notifyhub.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which envelope a path's errors take, as the firewall and Tomcat see raw paths. */
class EdgeErrorBodiesTest {

    private final EdgeErrorBodies bodies = new EdgeErrorBodies(new ObjectMapper());

    @Test
    void v2PathsGetTheV2EnvelopeHoweverTheirSlashesAndPathParametersAreWritten() {
        for (String path : new String[] {"/v2", "/v2/notifications", "//v2/notifications", "/v2;a=b/notifications"}) {
            assertThat(json(path, 405)).as(path).isEqualTo(
                    "{\"status_code\":405,\"errors\":[{\"error\":\"MethodNotAllowed\",\"message\":\"The method is not allowed for the requested URL\"}]}");
        }
    }

    @Test
    void otherPathsGetTheNonV2Envelope() {
        for (String path : new String[] {"/service", "/v2x", "/notifications/sms/mmg", "/", null}) {
            assertThat(json(path, 404)).as(path).isEqualTo("{\"result\":\"error\",\"message\":\"Not found\"}");
        }
    }

    @Test
    void anUnlistedStatusIsNamedAfterItsReasonPhrase() {
        assertThat(json("/v2/notifications", 431)).isEqualTo("{\"status_code\":431,\"errors\":[{\"error\":"
                + "\"RequestHeaderFieldsTooLarge\",\"message\":\"Request Header Fields Too Large\"}]}");
    }

    @Test
    void operatorPathsAreLeftToSpring() {
        assertThat(bodies.answers("/actuator")).isFalse();
        assertThat(bodies.answers("/actuator/health")).isFalse();
        assertThat(bodies.answers("//actuator/jolokia")).isFalse();
        assertThat(bodies.answers("/actuatorx")).isTrue();
        assertThat(bodies.answers(null)).isTrue();
    }

    private String json(String path, int status) {
        return new String(bodies.json(path, status), StandardCharsets.UTF_8);
    }
}
