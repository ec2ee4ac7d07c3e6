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
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.admin.senders.SmsSenderAdmin;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.services.InboundNumberRepository;
import org.notifyhub.services.InboundNumberRow;
import org.notifyhub.services.SenderAdminRepository;
import org.notifyhub.services.SenderKind;
import org.notifyhub.services.SenderRow;
import org.notifyhub.services.ServiceAdminRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** /inbound-number: the pool of numbers people can text, and which service has which. */
@Component
public class InboundNumberAdmin {

    static final List<String> PROVIDERS = List.of("mmg", "firetext");

    /** An inbound number in Notify's JSON (its serialize()). */
    public record InboundNumberView(UUID id, String number, String provider, ServiceRef service, boolean active,
                                    @JsonProperty("created_at") String createdAt,
                                    @JsonProperty("updated_at") String updatedAt) {
    }

    public record ServiceRef(UUID id, String name) {
    }

    private final InboundNumberRepository numbers;
    private final SenderAdminRepository senders;
    private final SmsSenderAdmin smsSenders;
    private final ServiceAdminRepository services;
    private final KnownServices knownServices;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final Clock clock;

    public InboundNumberAdmin(InboundNumberRepository numbers, SenderAdminRepository senders, SmsSenderAdmin smsSenders,
                              ServiceAdminRepository services, KnownServices knownServices, TransactionTemplate transaction,
                              ObjectMapper mapper, Clock clock) {
        this.numbers = numbers;
        this.senders = senders;
        this.smsSenders = smsSenders;
        this.services = services;
        this.knownServices = knownServices;
        this.transaction = transaction;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Data<List<InboundNumberView>> list() {
        return new Data<>(numbers.findAll().stream().map(InboundNumberAdmin::view).toList());
    }

    public Data<List<InboundNumberView>> available() {
        return new Data<>(numbers.findAvailable().stream().map(InboundNumberAdmin::view).toList());
    }

    /** The service's number, or {} when it has none. */
    public Data<Object> forService(@Header("service_id") String serviceId) {
        return new Data<>(numbers.findForService(PathIds.parse(serviceId)).<Object>map(InboundNumberAdmin::view)
                .orElse(Map.of()));
    }

    /**
     * POST /inbound-number {"number", "provider", "active"}: adds a number to the pool. Notify loads its numbers
     * with a script; the hub lets an operator add them through the API.
     */
    public Data<InboundNumberView> add(@Body String body) {
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        String number = request.requiredString("number");
        String provider = request.requiredString("provider");
        Boolean active = request.bool("active");
        if (number != null && !number.matches("\\d{1,11}")) {
            request.reject("number", "number " + number + " is not a number of up to 11 digits");
        }
        if (provider != null && !PROVIDERS.contains(provider)) {
            request.reject("provider", "provider " + provider + " is not one of [" + String.join(", ", PROVIDERS) + "]");
        }
        request.validate();
        UUID id = UUID.randomUUID();
        try {
            numbers.insert(id, number, provider, active == null || active, LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw AdminApiException.invalid("number", "Inbound number " + number + " already exists");
        }
        return new Data<>(view(numbers.find(id).orElseThrow()));
    }

    /**
     * POST /inbound-number/service/{service_id} [{"inbound_number_id"}]: gives the service that number (or any
     * available one) and makes it the service's default SMS sender, as Notify does. Answers the SMS sender.
     */
    public Map<String, Object> allocate(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        UUID requested = request.uuid("inbound_number_id");
        request.validate();
        return transaction.execute(status -> {
            services.lock(serviceId);
            if (numbers.findForService(serviceId).isPresent()) {
                throw AdminApiException.badRequest("Service " + serviceId + " already has an inbound number");
            }
            UUID numberId = requested != null ? requested : numbers.findAvailable().stream().findFirst()
                    .map(InboundNumberRow::id)
                    .orElseThrow(() -> AdminApiException.badRequest("There are no available inbound numbers"));
            LocalDateTime now = LocalDateTime.now(clock);
            if (!numbers.allocate(numberId, serviceId, now)) {
                throw AdminApiException.badRequest("Inbound number: " + numberId + " is not available");
            }
            return smsSenders.view(useAsSender(serviceId, numbers.find(numberId).orElseThrow(), now));
        });
    }

    /** POST /inbound-number/service/{service_id}/off: 204. */
    public void deactivate(@Header("service_id") String serviceId) {
        if (!numbers.setActive(PathIds.parse(serviceId), false, LocalDateTime.now(clock))) {
            throw AdminApiException.notFound();
        }
    }

    /** A service with one SMS sender has it turned into the number; otherwise the number is added as the default. */
    private SenderRow useAsSender(UUID serviceId, InboundNumberRow number, LocalDateTime now) {
        List<SenderRow> existing = senders.findActive(SenderKind.SMS_SENDER, serviceId);
        UUID senderId;
        if (existing.size() == 1) {
            senderId = existing.get(0).id();
        } else {
            senderId = UUID.randomUUID();
            senders.clearDefault(SenderKind.SMS_SENDER, serviceId, now);
            senders.insert(SenderKind.SMS_SENDER, senderId, serviceId, number.number(), true, now);
        }
        senders.attachInboundNumber(serviceId, senderId, number.number(), number.id(), now);
        return senders.find(SenderKind.SMS_SENDER, serviceId, senderId, false).orElseThrow();
    }

    private static InboundNumberView view(InboundNumberRow row) {
        return new InboundNumberView(row.id(), row.number(), row.provider(),
                row.serviceId() == null ? null : new ServiceRef(row.serviceId(), row.serviceName()), row.active(),
                NotifyTime.toWire(row.createdAt()), NotifyTime.toWire(row.updatedAt()));
    }
}
