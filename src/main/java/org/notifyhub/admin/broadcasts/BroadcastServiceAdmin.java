package org.notifyhub.admin.broadcasts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.admin.services.ServiceAdmin;
import org.notifyhub.admin.services.ServiceView;
import org.notifyhub.broadcasts.BroadcastSettingsRepository;
import org.notifyhub.common.NotifyTime;
import org.springframework.stereotype.Component;

/**
 * POST /service/{service_id}/set-as-broadcast-service, as Notify's: the channel broadcasts go out on, the operator
 * they may reach ({@code all} or one), and training or live mode; the service keeps only the broadcast permission
 * (and email_auth). Answers the service as GET /service/{id} does.
 */
@Component
public class BroadcastServiceAdmin {

    private static final List<String> CHANNELS = List.of("operator", "test", "severe", "government");
    private static final List<String> MODES = List.of("training", "live");
    private static final List<String> PROVIDERS = List.of("three", "o2", "vodafone", "ee", "all");

    private final BroadcastSettingsRepository settings;
    private final ServiceAdmin services;
    private final KnownServices knownServices;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BroadcastServiceAdmin(BroadcastSettingsRepository settings, ServiceAdmin services,
                                 KnownServices knownServices, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.services = services;
        this.knownServices = knownServices;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Data<ServiceView> setAsBroadcastService(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        String channel = oneOf(request, "broadcast_channel", CHANNELS);
        String mode = oneOf(request, "service_mode", MODES);
        String provider = oneOf(request, "provider_restriction", PROVIDERS);
        request.validate();
        settings.setBroadcastService(serviceId, channel, provider, "live".equals(mode),
                NotifyTime.toUtc(clock.instant()));
        return services.get(serviceId.toString());
    }

    private static String oneOf(RequestBody request, String field, List<String> allowed) {
        String value = request.requiredString(field);
        if (value != null && !allowed.contains(value)) {
            return request.reject(field, field + " " + value + " is not one of " + allowed);
        }
        return value;
    }
}
