package org.notifyhub.admin.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.statistics.ServiceStatistics;
import org.springframework.stereotype.Component;

/**
 * What a service sent, as Notify's dashboard reads it (app/service/rest.py): /service/{id}/statistics,
 * /notifications/monthly and /notifications/templates_usage/monthly. An unknown service is 404 No result found.
 */
@Component
public class ServiceStatisticsAdmin {

    public record TemplateUsage(@JsonProperty("template_id") UUID templateId, String name, String type, int month,
                                int year, long count,
                                @JsonProperty("is_precompiled_letter") boolean isPrecompiledLetter) {
    }

    public record Stats(List<TemplateUsage> stats) {
    }

    private final ServiceStatistics statistics;
    private final KnownServices knownServices;

    public ServiceStatisticsAdmin(ServiceStatistics statistics, KnownServices knownServices) {
        this.statistics = statistics;
        this.knownServices = knownServices;
    }

    /** ?today_only=True for today alone, else today and the limit_days (7) London days before it. */
    public Data<Map<String, Map<String, Long>>> statistics(@Header("service_id") String serviceIdText,
                                                           @Header(Exchange.HTTP_QUERY) String rawQuery) {
        QueryParameters query = QueryParameters.parse(rawQuery);
        int limitDays = StatisticsQuery.limitDays(query.first("limit_days"));
        UUID serviceId = knownServices.require(serviceIdText);
        return new Data<>("True".equals(query.first("today_only"))
                ? statistics.today(serviceId) : statistics.lastDays(serviceId, limitDays));
    }

    /** ?year=: each month of that financial year begun so far, per type, per status. */
    public Data<Map<String, Map<String, Map<String, Long>>>> monthly(@Header("service_id") String serviceIdText,
                                                                   @Header(Exchange.HTTP_QUERY) String rawQuery) {
        UUID serviceId = knownServices.require(serviceIdText);
        FinancialYear year = StatisticsQuery.year(QueryParameters.parse(rawQuery).first("year"));
        return new Data<>(statistics.monthly(serviceId, year));
    }

    /** ?year=: per template and month of that financial year, cancelled notifications aside. */
    public Stats templatesUsage(@Header("service_id") String serviceIdText,
                                @Header(Exchange.HTTP_QUERY) String rawQuery) {
        UUID serviceId = knownServices.require(serviceIdText);
        FinancialYear year = StatisticsQuery.year(QueryParameters.parse(rawQuery).first("year"));
        return new Stats(statistics.templatesByMonth(serviceId, year).stream()
                .map(row -> new TemplateUsage(row.templateId(), row.name(), row.templateType(), row.month(), row.year(),
                        row.count(), row.precompiledLetter()))
                .toList());
    }
}
