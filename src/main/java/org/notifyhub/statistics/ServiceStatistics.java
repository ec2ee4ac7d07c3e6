package org.notifyhub.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.common.LondonDays;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.statistics.FactNotificationStatusRepository.DatedCount;
import org.notifyhub.statistics.FactNotificationStatusRepository.Grain;
import org.notifyhub.statistics.FactNotificationStatusRepository.ServiceStatusCount;
import org.notifyhub.statistics.FactNotificationStatusRepository.StatusCount;
import org.notifyhub.statistics.FactNotificationStatusRepository.TemplateMonthCount;
import org.springframework.stereotype.Service;

/**
 * What a service (or the whole platform) sent, as Notify's dashboard reads it: the nightly facts for past days plus
 * today's notifications counted live, London days throughout. Test keys never count for a service.
 */
@Service
public class ServiceStatistics {

    /** One day's counts by status, every type together (the statistics page's chart). */
    public record Day(LocalDate day, Map<String, Long> byStatus) {
    }

    private final FactNotificationStatusRepository facts;
    private final Clock clock;

    public ServiceStatistics(FactNotificationStatusRepository facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public LocalDate today() {
        return LondonDays.today(clock);
    }

    /** Today only (the send page's check against the daily limit). */
    public Map<String, Map<String, Long>> today(UUID serviceId) {
        return StatisticsFormats.requestedDeliveredFailed(live(serviceId));
    }

    /** Today and the limitDays London days before it. */
    public Map<String, Map<String, Long>> lastDays(UUID serviceId, int limitDays) {
        List<StatusCount> counts = new ArrayList<>(live(serviceId));
        // Facts stop at yesterday: today is never built (the nightly run builds days gone).
        facts.byPeriod(serviceId, today().minusDays(limitDays), today(), Grain.DAY).forEach(row -> counts.add(
                new StatusCount(row.notificationType(), row.status(), null, row.count())));
        return StatisticsFormats.requestedDeliveredFailed(counts);
    }

    /** Per month of the financial year that has begun ("2025-04"), per type, per status. */
    public Map<String, Map<String, Map<String, Long>>> monthly(UUID serviceId, FinancialYear year) {
        Map<String, Map<String, Map<String, Long>>> data = new LinkedHashMap<>();
        for (YearMonth month : year.monthsBegunBy(LocalDateTime.now(clock))) {
            Map<String, Map<String, Long>> types = new LinkedHashMap<>();
            for (NotificationType type : NotificationType.values()) {
                types.put(type.wireName(), new TreeMap<>());
            }
            data.put(month.toString(), types);
        }
        List<DatedCount> counts = new ArrayList<>(facts.byPeriod(serviceId, year.firstDay(), year.lastDay(), Grain.MONTH));
        LocalDate today = today();
        if (year.contains(today)) {
            live(serviceId).forEach(row -> counts.add(
                    new DatedCount(today.withDayOfMonth(1), row.notificationType(), row.status(), row.count())));
        }
        for (DatedCount row : counts) {
            Map<String, Map<String, Long>> month = data.get(YearMonth.from(row.day()).toString());
            if (month != null) {
                month.get(row.notificationType()).merge(row.status(), row.count(), Long::sum);
            }
        }
        return data;
    }

    /** Per template and month of the financial year, ordered by year, month and template name. */
    public List<TemplateMonthCount> templatesByMonth(UUID serviceId, FinancialYear year) {
        List<TemplateMonthCount> rows = new ArrayList<>(facts.templatesByMonth(serviceId, year.firstDay(), year.lastDay()));
        LocalDate today = today();
        if (year.contains(today)) {
            rows.addAll(facts.liveTemplates(serviceId, LondonDays.start(today), today.getYear(), today.getMonthValue()));
        }
        Map<List<Object>, TemplateMonthCount> summed = new LinkedHashMap<>();
        for (TemplateMonthCount row : rows) {
            summed.merge(List.of(row.templateId(), row.year(), row.month()), row, (a, b) -> new TemplateMonthCount(
                    a.templateId(), a.name(), a.templateType(), a.precompiledLetter(), a.year(), a.month(),
                    a.count() + b.count()));
        }
        return summed.values().stream()
                .sorted(Comparator.comparingInt(TemplateMonthCount::year).thenComparingInt(TemplateMonthCount::month)
                        .thenComparing(TemplateMonthCount::name))
                .toList();
    }

    /** Every service's totals between two London days (inclusive), today counted live when it is in the range. */
    public Map<String, Map<String, Object>> platform(LocalDate from, LocalDate to) {
        List<StatusCount> counts = new ArrayList<>(facts.platformTotals(from, to));
        LocalDate today = today();
        if (LondonDays.within(today, from, to)) {
            counts.addAll(facts.live(null, LondonDays.start(today)));
        }
        return StatisticsFormats.platformTotals(counts);
    }

    /**
     * Each service's counts between two London days (inclusive), for Notify's detailed list of services: the facts up to
     * yesterday, and today's notifications counted live when today is in the range; test keys' only when asked (the
     * facts never hold them). Services with no count in the range are absent.
     */
    public Map<UUID, List<StatusCount>> byService(LocalDate from, LocalDate to, boolean includeTestKey) {
        LocalDate today = today();
        List<ServiceStatusCount> rows = new ArrayList<>();
        LocalDate lastFactDay = to.isBefore(today) ? to : today.minusDays(1);
        if (!from.isAfter(lastFactDay)) {
            rows.addAll(facts.byService(from, lastFactDay));
        }
        if (LondonDays.within(today, from, to)) {
            rows.addAll(facts.liveByService(LondonDays.start(today)));
        }
        Map<UUID, List<StatusCount>> byService = new LinkedHashMap<>();
        for (ServiceStatusCount row : rows) {
            if (includeTestKey || !"test".equals(row.count().keyType())) {
                byService.computeIfAbsent(row.serviceId(), id -> new ArrayList<>()).add(row.count());
            }
        }
        return byService;
    }

    /** Each London day from {@code from} to today, its counts by status (every type together). */
    public List<Day> daily(UUID serviceId, LocalDate from) {
        LocalDate today = today();
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.put(day, new TreeMap<>());
        }
        for (DatedCount row : facts.byPeriod(serviceId, from, today.minusDays(1), Grain.DAY)) {
            days.get(row.day()).merge(row.status(), row.count(), Long::sum);
        }
        live(serviceId).forEach(row -> days.get(today).merge(row.status(), row.count(), Long::sum));
        return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    /** The service's notifications today, test keys aside. */
    private List<StatusCount> live(UUID serviceId) {
        return facts.live(serviceId, LondonDays.start(today())).stream()
                .filter(row -> !"test".equals(row.keyType()))
                .toList();
    }
}
