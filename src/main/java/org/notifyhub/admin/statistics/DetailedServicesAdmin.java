package org.notifyhub.admin.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.common.LondonDays;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.services.ServiceAdminRepository;
import org.notifyhub.services.ServiceRecord;
import org.notifyhub.statistics.FactNotificationStatusRepository.StatusCount;
import org.notifyhub.statistics.ServiceStatistics;
import org.notifyhub.statistics.StatisticsFormats;
import org.springframework.stereotype.Component;

/**
 * GET /service?detailed=True[&start_date=&end_date=][&include_from_test_key=False][&only_active=True] (Notify's
 * get_detailed_services, the platform admins' list): each service with what it requested, had delivered and had fail
 * in the range, today by default. A range holding today lists every service (none sent: zeros); a range wholly past
 * lists the services with facts in it. Unlike Notify, {@code only_active} holds for a past range too.
 */
@Component
public class DetailedServicesAdmin {

    /** One service's line: Notify's field names, {@code created_at} as Flask writes a datetime. */
    public record DetailedService(
            String id,
            String name,
            @JsonProperty("notification_type") String notificationType,
            boolean restricted,
            boolean active,
            @JsonProperty("created_at") String createdAt,
            Map<String, Map<String, Long>> statistics) {
    }

    private final ServiceStatistics statistics;
    private final ServiceAdminRepository services;

    public DetailedServicesAdmin(ServiceStatistics statistics, ServiceAdminRepository services) {
        this.statistics = statistics;
        this.services = services;
    }

    public Data<List<DetailedService>> list(QueryParameters query) {
        LocalDate today = statistics.today();
        StatisticsQuery.Range range = StatisticsQuery.range(query, today);
        boolean onlyActive = "True".equals(query.first("only_active"));
        boolean includeTestKey = !"False".equals(query.first("include_from_test_key"));
        Map<UUID, List<StatusCount>> counts = statistics.byService(range.from(), range.to(), includeTestKey);
        boolean todayInRange = LondonDays.within(today, range.from(), range.to());
        return new Data<>(services.findAll(onlyActive, null).stream()
                .filter(service -> todayInRange || counts.containsKey(service.id()))
                // Notify orders by id, as PostgreSQL orders a uuid: its hex text
                .sorted(Comparator.comparing(service -> service.id().toString()))
                .map(service -> line(service, counts.getOrDefault(service.id(), List.of())))
                .toList());
    }

    private static DetailedService line(ServiceRecord service, List<StatusCount> counts) {
        String firstType = counts.stream().map(StatusCount::notificationType).sorted().findFirst().orElse(null);
        return new DetailedService(service.id().toString(), service.settings().name(), firstType,
                service.settings().restricted(), service.settings().active(), NotifyTime.toHttpDate(service.createdAt()),
                StatisticsFormats.requestedDeliveredFailed(counts));
    }
}
