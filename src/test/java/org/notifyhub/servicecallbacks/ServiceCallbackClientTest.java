package org.notifyhub.servicecallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Notify's retry rule, as the client decides it: connection errors, timeouts, 5xx and 429 retry; other 4xx do not. */
class ServiceCallbackClientTest {

    private final ServiceCallbackClient client = new ServiceCallbackClient(Duration.ofSeconds(2));

    @Test
    void postsJsonWithTheBearerToken() {
        String path = CallbackServer.answering(204);

        assertThat(client.post(CallbackServer.url(path), "s3cret", "{\"id\":\"1\"}")).isEqualTo(204);

        List<LoggedRequest> received = CallbackServer.received(path);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(received.get(0).getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(received.get(0).getBodyAsString()).isEqualTo("{\"id\":\"1\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverErrorsAndTooManyRequestsAreRetryable(int status) {
        String url = CallbackServer.url(CallbackServer.answering(status));

        assertThatThrownBy(() -> client.post(url, "t", "{}"))
                .isInstanceOf(RetryableCallbackException.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410})
    void otherClientErrorsAreNotRetried(int status) {
        String url = CallbackServer.url(CallbackServer.answering(status));

        assertThatThrownBy(() -> client.post(url, "t", "{}"))
                .isInstanceOf(RejectedCallbackException.class).hasMessageContaining(String.valueOf(status));
    }

    @Test
    void aServerThatIsDownIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client.post("http://localhost:" + closedPort + "/cb", "t", "{}"))
                .isInstanceOf(RetryableCallbackException.class);
    }

    @Test
    void aServerThatAnswersTooSlowlyIsRetryable() {
        String path = CallbackServer.answeringAfter(200, Duration.ofSeconds(4));

        assertThatThrownBy(() -> client.post(CallbackServer.url(path), "t", "{}"))
                .isInstanceOf(RetryableCallbackException.class);
    }

    @Test
    void aUrlNoRequestCanReachIsNotRetried() {
        assertThatThrownBy(() -> client.post("not a url", "t", "{}")).isInstanceOf(RejectedCallbackException.class);
    }
}
