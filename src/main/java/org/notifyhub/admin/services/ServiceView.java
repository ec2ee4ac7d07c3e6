package org.notifyhub.admin.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.notifyhub.services.CallbackApiRow;
import org.notifyhub.services.ServiceRecord;
import org.notifyhub.services.ServiceSettings;

/** A service in Notify's admin JSON (service_schema): the fields the hub keeps, under Notify's names. */
public record ServiceView(
        UUID id,
        String name,
        boolean active,
        boolean restricted,
        @JsonProperty("research_mode") boolean researchMode,
        @JsonProperty("email_from") String emailFrom,
        @JsonProperty("created_by") UUID createdBy,
        @JsonProperty("prefix_sms") boolean prefixSms,
        @JsonProperty("rate_limit") int rateLimit,
        @JsonProperty("email_message_limit") long emailMessageLimit,
        @JsonProperty("sms_message_limit") long smsMessageLimit,
        @JsonProperty("letter_message_limit") long letterMessageLimit,
        @JsonProperty("international_sms_message_limit") long internationalSmsMessageLimit,
        List<String> permissions,
        UUID organisation,
        @JsonProperty("organisation_type") String organisationType,
        @JsonProperty("contact_link") String contactLink,
        Boolean crown,
        @JsonProperty("service_callback_api") List<CallbackSummary> serviceCallbackApi) {

    public record CallbackSummary(@JsonProperty("callback_id") UUID callbackId,
                                  @JsonProperty("callback_type") String callbackType) {
    }

    public static ServiceView of(ServiceRecord service, List<CallbackApiRow> callbacks) {
        ServiceSettings s = service.settings();
        return new ServiceView(service.id(), s.name(), s.active(), s.restricted(), s.researchMode(), s.emailFrom(),
                service.createdById(), s.prefixSms(), s.rateLimit(), s.emailMessageLimit(), s.smsMessageLimit(),
                s.letterMessageLimit(), s.internationalSmsMessageLimit(), s.permissions(), service.organisationId(),
                s.organisationType(), s.contactLink(), s.crown(),
                callbacks.stream().map(c -> new CallbackSummary(c.id(), c.callbackType())).toList());
    }
}
