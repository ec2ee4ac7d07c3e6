package org.notifyhub.admin.statistics;

import java.time.LocalDate;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.statistics.ServiceStatistics;
import org.springframework.stereotype.Component;

/** GET /platform-stats?start_date=&end_date= (app/platform_stats/rest.py): every service's totals, today by default. */
@Component
public class PlatformStatsAdmin {

    private final ServiceStatistics statistics;

    public PlatformStatsAdmin(ServiceStatistics statistics) {
        this.statistics = statistics;
    }

    public Map<String, Map<String, Object>> totals(@Header(Exchange.HTTP_QUERY) String rawQuery) {
        QueryParameters query = QueryParameters.parse(rawQuery);
        LocalDate today = statistics.today();
        String start = query.first("start_date");
        String end = query.first("end_date");
        LocalDate from = start == null ? today : StatisticsQuery.date("start_date", start);
        LocalDate to = end == null ? today : StatisticsQuery.date("end_date", end);
        return statistics.platform(from, to);
    }
}
