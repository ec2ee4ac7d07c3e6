package org.notifyhub.receipts.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.notifyhub.queues.Outgoing;
import org.notifyhub.queues.QueueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * POST /notifications/email/ses: SES events pushed by an SNS HTTP subscription. Only verified SNS messages are
 * accepted; a subscription is confirmed by visiting its SubscribeURL (an SNS address); a notification's envelope
 * goes onto ses-callbacks, exactly as an SNS → SQS subscription would put it there.
 */
@Component
public class SesSnsEndpoint {

    /** What the route does with the message once it is accepted: what to queue (if anything), and the answer. */
    public record Accepted(Outgoing queueMessage, Map<String, String> response) {
    }

    private static final Logger log = LoggerFactory.getLogger(SesSnsEndpoint.class);
    private static final Map<String, String> SUCCESS = Map.of("result", "success");

    private final ObjectMapper mapper;
    private final SnsMessageVerifier verifier;
    private final Pattern subscribeUrl;
    private final String receiptQueue;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SesSnsEndpoint(ObjectMapper mapper, SnsMessageVerifier verifier,
                          @Value("${notify.ses.sns.subscribe-url-pattern}") String subscribeUrl, QueueNames queues) {
        this.mapper = mapper;
        this.verifier = verifier;
        this.subscribeUrl = Pattern.compile(subscribeUrl);
        this.receiptQueue = queues.sesCallbacks();
    }

    public Accepted accept(@Body String body) {
        JsonNode message;
        try {
            message = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidSnsMessageException("Not JSON");
        }
        if (message == null || !message.isObject()) {
            throw new InvalidSnsMessageException("Not an SNS message");
        }
        verifier.verify(message);
        String type = message.path("Type").asText();
        switch (type) {
            case "SubscriptionConfirmation" -> {
                confirm(message.path("SubscribeURL").asText());
                return new Accepted(null, SUCCESS);
            }
            case "Notification" -> {
                return new Accepted(Outgoing.now(receiptQueue, body), SUCCESS);
            }
            default -> {
                log.info("SNS {} message ignored", type);
                return new Accepted(null, SUCCESS);
            }
        }
    }

    private void confirm(String url) {
        if (!subscribeUrl.matcher(url).matches()) {
            throw new InvalidSnsMessageException("SNS SubscribeURL not trusted: " + url);
        }
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            log.info("Confirmed the SNS subscription for SES events (HTTP {})", status);
        } catch (Exception e) {
            throw new IllegalStateException("Could not confirm the SNS subscription: " + e.getMessage(), e);
        }
    }
}
