package org.notifyhub.api.v2.schemas;

import static org.notifyhub.api.v2.schemas.FieldCheck.emailAddress;
import static org.notifyhub.api.v2.schemas.FieldCheck.httpsUrl;
import static org.notifyhub.api.v2.schemas.FieldCheck.maxLength;
import static org.notifyhub.api.v2.schemas.FieldCheck.phoneNumber;
import static org.notifyhub.api.v2.schemas.FieldCheck.string;
import static org.notifyhub.api.v2.schemas.FieldCheck.stringOrNull;
import static org.notifyhub.api.v2.schemas.FieldCheck.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The request schemas of POST /v2/notifications/{sms,email,letter}, as Notify's v2 JSON schemas define them. */
public final class SendSchemas {

    private static final int REFERENCE_MAX = 1000;

    // The recipient comes first: Notify's schemas list it first among the required properties.
    public static final RequestSchema SMS = common(new RequestSchema().required("phone_number", phoneNumber()))
            .optional("sms_sender_id", uuid());

    public static final RequestSchema EMAIL = common(new RequestSchema().required("email_address", emailAddress()))
            .optional("email_reply_to_id", uuid())
            .optional("one_click_unsubscribe_url", httpsUrl())
            .optional("sanitise_content_for", FieldCheck.namesOrNull());

    public static final RequestSchema LETTER = new RequestSchema()
            .required("template_id", uuid())
            .required("personalisation", FieldCheck.object())
            .optional("reference", stringOrNull().and(maxLength(REFERENCE_MAX)));

    public static final RequestSchema PRECOMPILED_LETTER = new RequestSchema()
            .required("reference", string().and(maxLength(REFERENCE_MAX)))
            .required("content", string())
            .optional("postage", string().and(value -> switch (value.asText()) {
                case "first", "second", "economy", "europe", "rest-of-world" -> Optional.empty();
                default -> Optional.of("invalid. It must be either first, second or economy.");
            }));

    private SendSchemas() {
    }

    private static RequestSchema common(RequestSchema recipient) {
        return recipient
                .required("template_id", uuid())
                .optional("personalisation", SendSchemas::objectOrNull)
                .optional("reference", stringOrNull().and(maxLength(REFERENCE_MAX)))
                .optional("scheduled_for", stringOrNull().and(ScheduledFor::check));
    }

    private static Optional<String> objectOrNull(JsonNode value) {
        return value.isNull() ? Optional.empty() : FieldCheck.object().check(value);
    }
}
