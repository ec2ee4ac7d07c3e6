package org.notifyhub.admin.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.services.ApiKeyRecord;

/** An API key in Notify's admin JSON (api_key_schema): no secret. */
public record ApiKeyView(
        UUID id,
        String name,
        @JsonProperty("key_type") String keyType,
        @JsonProperty("expiry_date") String expiryDate,
        @JsonProperty("created_by") UUID createdBy,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        int version) {

    public static ApiKeyView of(ApiKeyRecord key) {
        return new ApiKeyView(key.id(), key.name(), key.keyType(), NotifyTime.toWire(key.expiryDate()), key.createdById(),
                NotifyTime.toWire(key.createdAt()), NotifyTime.toWire(key.updatedAt()), key.version());
    }
}
