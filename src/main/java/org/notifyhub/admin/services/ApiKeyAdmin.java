package org.notifyhub.admin.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.ApiKeyAdminRepository;
import org.notifyhub.services.ApiKeyRepository;
import org.notifyhub.services.TeamRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** /service/{service_id}/api-key(s): create (the secret is shown this once), list, revoke. */
@Component
public class ApiKeyAdmin {

    static final List<String> KEY_TYPES = KeyType.wireNames();
    private static final int REVOKED_KEYS_LISTED_FOR_DAYS = 7;

    /**
     * Notify answers {"data": secret}; the hub adds the whole key string a client library takes, so nobody has to
     * assemble {name}-{service_id}-{secret} by hand.
     */
    public record CreatedKey(String data, @JsonProperty("api_key") String apiKey) {
    }

    public record ApiKeys(List<ApiKeyView> apiKeys) {
    }

    private final ApiKeyRepository keys;
    private final ApiKeyAdminRepository adminKeys;
    private final KnownServices knownServices;
    private final TeamRepository team;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ApiKeyAdmin(ApiKeyRepository keys, ApiKeyAdminRepository adminKeys, KnownServices knownServices,
                       TeamRepository team, ObjectMapper mapper, Clock clock) {
        this.keys = keys;
        this.adminKeys = adminKeys;
        this.knownServices = knownServices;
        this.team = team;
        this.mapper = mapper;
        this.clock = clock;
    }

    public CreatedKey create(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.MARSHMALLOW);
        String name = request.requiredString("name", 255);
        if (name != null && name.isBlank()) {
            name = request.reject("name", Wording.MARSHMALLOW.required("name"));
        }
        String keyType = request.requiredString("key_type");
        UUID createdBy = request.requiredUuid("created_by");
        if (keyType != null && !KEY_TYPES.contains(keyType)) {
            request.reject("key_type", "Must be one of: " + String.join(", ", KEY_TYPES) + ".");
        }
        if (createdBy != null && !team.userExists(createdBy)) {
            request.reject("created_by", "User not found");
        }
        if (name != null && adminKeys.liveNameTaken(serviceId, name)) {
            request.reject("name", "Duplicate API key name '" + name + "'");
        }
        request.validate();
        ApiKey key = new ApiKey(UUID.randomUUID(), name, UUID.randomUUID().toString(), serviceId, keyType, null);
        try {
            keys.insert(key, createdBy);
        } catch (DuplicateKeyException e) {
            throw AdminApiException.invalid("name", "Duplicate API key name '" + name + "'");
        }
        return new CreatedKey(key.secret(), key.fullKey());
    }

    /** GET /service/{service_id}/api-keys: live keys, and revoked ones for a week after. */
    public ApiKeys list(@Header("service_id") String serviceIdText) {
        UUID serviceId = knownServices.require(serviceIdText);
        LocalDateTime cutOff = LocalDateTime.now(clock).minusDays(REVOKED_KEYS_LISTED_FOR_DAYS);
        return new ApiKeys(adminKeys.findLiveOrRevokedSince(serviceId, cutOff).stream().map(ApiKeyView::of).toList());
    }

    /** GET /service/{service_id}/api-keys/{key_id}: a live key only. */
    public ApiKeys get(@Header("service_id") String serviceIdText, @Header("key_id") String keyId) {
        UUID serviceId = knownServices.require(serviceIdText);
        return new ApiKeys(List.of(adminKeys.findLive(serviceId, PathIds.parse(keyId)).map(ApiKeyView::of)
                .orElseThrow(() -> AdminApiException.notFound("API key not found for id: " + serviceId))));
    }

    /** POST /service/{service_id}/api-key/revoke/{api_key_id}: 202 {}; the public API then refuses the key. */
    public Map<String, Object> revoke(@Header("service_id") String serviceIdText, @Header("api_key_id") String keyId,
                                      @Body String body) {
        UUID serviceId = PathIds.parse(serviceIdText);
        UUID id = PathIds.parse(keyId);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        request.uuid("created_by");
        request.fieldsOtherThan(List.of("created_by")).forEach(field ->
                request.reject(field, "Additional properties are not allowed (" + field + " was unexpected)"));
        request.validate();
        if (!adminKeys.revoke(serviceId, id, LocalDateTime.now(clock))) {
            throw AdminApiException.notFound();
        }
        return Map.of();
    }
}
