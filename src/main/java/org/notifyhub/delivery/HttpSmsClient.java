package org.notifyhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the Firetext and MMG clients share: one timed, counted request per message, and a provider-specific
 * judgement of the answer, anything short of success being a retryable {@link SmsClientResponseException}.
 */
public abstract class HttpSmsClient implements SmsProvider {

    private final String name;
    protected final SmsProviderEndpoints endpoints;
    protected final SmsProviderHttp http;
    protected final ObjectMapper mapper;
    private final SmsClientMetrics metrics;

    protected HttpSmsClient(String name, SmsProviderEndpoints endpoints, SmsProviderHttp http, SmsClientMetrics metrics,
                            ObjectMapper mapper) {
        this.name = name;
        this.endpoints = endpoints;
        this.http = http;
        this.metrics = metrics;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public final void send(SmsMessage message) {
        metrics.record(name(), () -> {
            if (!accepted(post(message))) {
                throw new SmsClientResponseException(name(), "Invalid response JSON", null);
            }
        });
    }

    /** Posts the message to the provider and returns the body of its 2xx answer. */
    protected abstract String post(SmsMessage message);

    protected abstract boolean accepted(String answer);

    protected SmsClientResponseException notConfigured() {
        return new SmsClientResponseException(name(), "not configured", null);
    }

    /** The answer as JSON; null when it is empty or not JSON. */
    protected JsonNode json(String answer) {
        try {
            JsonNode node = answer == null ? null : mapper.readTree(answer);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
