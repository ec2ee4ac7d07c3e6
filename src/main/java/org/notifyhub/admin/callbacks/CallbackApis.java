package org.notifyhub.admin.callbacks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.services.CallbackApiRepository;
import org.notifyhub.services.CallbackApiRow;
import org.notifyhub.services.CallbackType;
import org.notifyhub.services.TeamRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A service's callback URLs, one per callback type, each with a bearer token the hub sends back to the service.
 * The token is stored encrypted and never shown again.
 */
@Component
public class CallbackApis {

    static final int MIN_TOKEN_LENGTH = 10;

    /** A callback in Notify's JSON (its serialize()): no bearer token. */
    public record CallbackApiView(UUID id, @JsonProperty("service_id") UUID serviceId, String url,
                                  @JsonProperty("updated_by_id") UUID updatedById,
                                  @JsonProperty("created_at") String createdAt,
                                  @JsonProperty("updated_at") String updatedAt) {
    }

    private final CallbackApiRepository callbacks;
    private final KnownServices knownServices;
    private final TeamRepository team;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CallbackApis(CallbackApiRepository callbacks, KnownServices knownServices, TeamRepository team,
                        ObjectMapper mapper, Clock clock) {
        this.callbacks = callbacks;
        this.knownServices = knownServices;
        this.team = team;
        this.mapper = mapper;
        this.clock = clock;
    }

    RequestBody read(String body) {
        return RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
    }

    /** {url, bearer_token, updated_by_id}, all required; a second callback of a type is refused. */
    Data<CallbackApiView> create(String serviceIdText, CallbackType type, RequestBody request) {
        UUID serviceId = knownServices.require(serviceIdText);
        String url = url(request, request.requiredString("url"));
        String token = token(request, request.requiredString("bearer_token"));
        UUID updatedBy = user(request);
        request.validate();
        CallbackApiRow row = new CallbackApiRow(UUID.randomUUID(), serviceId, type.wireName(), url, updatedBy,
                LocalDateTime.now(clock), null);
        try {
            callbacks.insert(row, token);
        } catch (DuplicateKeyException e) {
            throw AdminApiException.invalid("name", "You can only have one URL and bearer token for your service.");
        }
        return new Data<>(view(row));
    }

    Data<CallbackApiView> get(String serviceId, String callbackId, CallbackType type) {
        return new Data<>(view(find(serviceId, callbackId, type)));
    }

    /** {updated_by_id} required; url and bearer_token change only when given. */
    Data<CallbackApiView> update(String serviceId, String callbackId, CallbackType type, RequestBody request) {
        CallbackApiRow current = find(serviceId, callbackId, type);
        String url = url(request, request.string("url"));
        String token = token(request, request.string("bearer_token"));
        UUID updatedBy = user(request);
        request.validate();
        callbacks.update(current.id(), url, token, updatedBy, LocalDateTime.now(clock));
        return get(serviceId, callbackId, type);
    }

    void delete(String serviceId, String callbackId, CallbackType type, String notFound) {
        CallbackApiRow current = callbacks.find(PathIds.parse(serviceId), PathIds.parse(callbackId), type.wireName())
                .orElseThrow(() -> AdminApiException.notFound(notFound));
        callbacks.delete(current.id());
    }

    private CallbackApiRow find(String serviceId, String callbackId, CallbackType type) {
        return callbacks.find(PathIds.parse(serviceId), PathIds.parse(callbackId), type.wireName())
                .orElseThrow(AdminApiException::notFound);
    }

    private static String url(RequestBody request, String url) {
        if (url != null && !isHttpsUrl(url)) {
            request.reject("url", "url is not a valid https url");
        }
        return url;
    }

    /** Unlike Notify's message, this one leaves the token out: it is a secret. */
    private static String token(RequestBody request, String token) {
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            request.reject("bearer_token", "bearer_token is too short");
        }
        return token;
    }

    private UUID user(RequestBody request) {
        UUID updatedBy = request.requiredUuid("updated_by_id");
        if (updatedBy != null && !team.userExists(updatedBy)) {
            request.reject("updated_by_id", "updated_by_id User not found");
        }
        return updatedBy;
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static CallbackApiView view(CallbackApiRow row) {
        return new CallbackApiView(row.id(), row.serviceId(), row.url(), row.updatedById(),
                NotifyTime.toWire(row.createdAt()), NotifyTime.toWire(row.updatedAt()));
    }
}
