package org.notifyhub.admin.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.PathIds;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.common.LondonDays;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.TemplateUsageRepository;
import org.notifyhub.templates.TemplateHistoryRepository;
import org.notifyhub.templates.TemplateType;
import org.springframework.stereotype.Component;

/** /service/{service_id}/template-statistics: how much each template was used lately, and when it was last used. */
@Component
public class TemplateStatisticsAdmin {

    public record TemplateStatistic(long count, @JsonProperty("template_id") UUID templateId,
                                    @JsonProperty("template_name") String templateName,
                                    @JsonProperty("template_type") String templateType,
                                    @JsonProperty("is_precompiled_letter") boolean isPrecompiledLetter,
                                    String status) {
    }

    public record LastUsed(@JsonProperty("last_date_used") String lastDateUsed) {
    }

    private final TemplateUsageRepository usage;
    private final TemplateHistoryRepository templates;
    private final Clock clock;

    public TemplateStatisticsAdmin(TemplateUsageRepository usage, TemplateHistoryRepository templates, Clock clock) {
        this.usage = usage;
        this.templates = templates;
        this.clock = clock;
    }

    /** ?whole_days=n (or limit_days=n), 0 to 7: today and the n days before, London days. */
    public Data<List<TemplateStatistic>> byTemplate(@Header("service_id") String serviceId,
                                                    @Header(Exchange.HTTP_QUERY) String rawQuery) {
        QueryParameters query = QueryParameters.parse(rawQuery);
        String text = query.first("whole_days") != null ? query.first("whole_days") : query.first("limit_days");
        int days;
        try {
            days = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw AdminApiException.invalid("whole_days", (text == null ? "" : text) + " is not an integer");
        }
        if (days < 0 || days > 7) {
            throw AdminApiException.invalid("whole_days", "whole_days must be between 0 and 7");
        }
        LocalDateTime since = LondonDays.daysAgo(LocalDateTime.now(clock), days);
        return new Data<>(usage.countByTemplateAndStatus(PathIds.parse(serviceId), since).stream()
                .map(u -> new TemplateStatistic(u.count(), u.templateId(), u.templateName(), u.templateType(),
                        u.hidden() && TemplateType.LETTER.is(u.templateType()), u.status()))
                .toList());
    }

    /** /last-used/{template_id}: {"last_date_used": timestamp or null}; 404 when the service has no such template. */
    public LastUsed lastUsed(@Header("service_id") String serviceIdText, @Header("template_id") String templateIdText) {
        UUID serviceId = PathIds.parse(serviceIdText);
        UUID templateId = PathIds.parse(templateIdText);
        templates.findCurrent(serviceId, templateId).orElseThrow(AdminApiException::notFound);
        return new LastUsed(usage.lastUsed(serviceId, templateId).map(NotifyTime::toWire).orElse(null));
    }
}
