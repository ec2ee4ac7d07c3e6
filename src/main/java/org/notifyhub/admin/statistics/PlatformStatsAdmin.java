package org.notifyhub.admin.statistics;

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
        StatisticsQuery.Range range = StatisticsQuery.range(QueryParameters.parse(rawQuery), statistics.today());
        return statistics.platform(range.from(), range.to());
    }
}
