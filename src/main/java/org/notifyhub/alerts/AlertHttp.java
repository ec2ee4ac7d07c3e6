package org.notifyhub.alerts;

import java.time.Duration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client alert channels share: short timeouts, so an alert never holds up the job that raised it for long. */
final class AlertHttp {

    private AlertHttp() {
    }

    static RestClient client(Duration timeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(timeout);
        factory.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(factory).build();
    }
}
