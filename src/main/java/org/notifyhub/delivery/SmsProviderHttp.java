package org.notifyhub.delivery;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP calls to SMS providers, with one timeout for connecting and for the answer. A network error or a
 * non-2xx answer is Notify's "Request failed"; the body of a 2xx answer is the client's to judge.
 */
@Component
public class SmsProviderHttp {

    private final RestClient http;

    public SmsProviderHttp(@Value("${notify.sms.provider-timeout-seconds}") int timeoutSeconds) {
        // HttpURLConnection: the JDK HttpClient's response stream fails intermittently ("queue is full") in JDK 17.
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(timeoutSeconds));
        factory.setReadTimeout(Duration.ofSeconds(timeoutSeconds));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    public String postForm(String provider, String url, MultiValueMap<String, String> form) {
        try {
            return http.post().uri(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(String.class);
        } catch (RestClientException e) {
            throw new SmsClientResponseException(provider, "Request failed", e);
        }
    }

    public String postJson(String provider, String url, String authorization, String json) {
        try {
            return http.post().uri(url).contentType(MediaType.APPLICATION_JSON).header("Authorization", authorization)
                    .body(json).retrieve().body(String.class);
        } catch (RestClientException e) {
            throw new SmsClientResponseException(provider, "Request failed", e);
        }
    }
}
