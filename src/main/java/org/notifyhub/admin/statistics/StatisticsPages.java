package org.notifyhub.admin.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.admin.billing.BillingAdmin;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.statistics.ServiceStatistics;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The statistics page a person opens (/statistics/service/{id}, behind the operators' credentials, never an admin
 * JWT in a browser): plain HTML drawing Chart.js (from its WebJar, served here too) over the JSON this bean answers,
 * read through the same ServiceStatistics as the admin endpoints.
 */
@Component
public class StatisticsPages {

    /** Days shown on the chart: today and the 30 before it. */
    static final int DAYS_BEFORE_TODAY = 30;

    public record DailySends(@JsonProperty("service_id") UUID serviceId,
                             @JsonProperty("financial_year") int financialYear,
                             List<String> days, Map<String, List<Long>> statuses,
                             Map<String, Map<String, Map<String, Long>>> monthly) {
    }

    public record Spend(@JsonProperty("financial_year") int financialYear, List<Map<String, Object>> data) {
    }

    private final ServiceStatistics statistics;
    private final KnownServices knownServices;
    private final BillingAdmin billing;
    private final String page;
    private final byte[] chartJs;

    public StatisticsPages(ServiceStatistics statistics, KnownServices knownServices, BillingAdmin billing) {
        this.statistics = statistics;
        this.knownServices = knownServices;
        this.billing = billing;
        this.page = new String(read(new ClassPathResource("statistics/service.html")), StandardCharsets.UTF_8);
        this.chartJs = read(chartJsResource());
    }

    /** The page: the same for every service, which it reads from its own address. */
    public String page() {
        return page;
    }

    public byte[] chartJs() {
        return chartJs;
    }

    /** Sends per London day by status (every type together), today counted live, and this year's months. */
    public DailySends data(@Header("service_id") String serviceIdText) {
        UUID serviceId = knownServices.require(serviceIdText);
        LocalDate today = statistics.today();
        FinancialYear year = FinancialYear.of(today);
        List<ServiceStatistics.Day> days = statistics.daily(serviceId, today.minusDays(DAYS_BEFORE_TODAY));
        TreeSet<String> names = new TreeSet<>();
        days.forEach(day -> names.addAll(day.byStatus().keySet()));
        Map<String, List<Long>> byStatus = new LinkedHashMap<>();
        for (String status : names) {
            byStatus.put(status, days.stream().map(day -> day.byStatus().getOrDefault(status, 0L)).toList());
        }
        return new DailySends(serviceId, year.year(), days.stream().map(day -> day.day().toString()).toList(),
                byStatus, statistics.monthly(serviceId, year));
    }

    /** ?year= (this financial year by default): the spend billing reports (yearly-usage-summary's figures). */
    public Spend spend(@Header("service_id") String serviceIdText, @Header(Exchange.HTTP_QUERY) String rawQuery) {
        UUID serviceId = knownServices.require(serviceIdText);
        String yearText = QueryParameters.parse(rawQuery).first("year");
        FinancialYear year = yearText == null ? FinancialYear.of(statistics.today()) : StatisticsQuery.year(yearText);
        return new Spend(year.year(), billing.yearlyUsageSummary(serviceId, year.year()));
    }

    private static Resource chartJsResource() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/resources/webjars/chart.js/*/dist/chart.umd.js");
            if (found.length != 1) {
                throw new IllegalStateException("Expected one Chart.js WebJar on the classpath, found " + found.length);
            }
            return found[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
