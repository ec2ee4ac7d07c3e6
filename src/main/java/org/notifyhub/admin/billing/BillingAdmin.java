package org.notifyhub.admin.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.Data;
import org.notifyhub.admin.KnownServices;
import org.notifyhub.admin.QueryParameters;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.billing.AnnualBillingRepository.AnnualBilling;
import org.notifyhub.billing.BillingFacts;
import org.notifyhub.billing.FreeAllowances;
import org.notifyhub.billing.UsageRepository.Usage;
import org.notifyhub.billing.UsageRepository;
import org.notifyhub.common.FinancialYear;
import org.notifyhub.common.LondonDays;
import org.springframework.stereotype.Component;

/**
 * /service/{service_id}/billing/…: the free SMS allowance and the usage Notify's admin app shows (app/billing/rest.py),
 * and the operator's rebuild of one day's facts (Notify's rebuild-ft-billing-for-day command).
 */
@Component
public class BillingAdmin {

    /** What Flask's abort(400) says, which Notify answers for a financial year it won't make an allowance for. */
    static final String BAD_REQUEST = "The browser (or proxy) sent a request that this server could not understand.";
    private static final String LIMIT = "free_sms_fragment_limit";

    private final FreeAllowances allowances;
    private final UsageRepository usage;
    private final BillingFacts facts;
    private final KnownServices knownServices;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BillingAdmin(FreeAllowances allowances, UsageRepository usage, BillingFacts facts,
                        KnownServices knownServices, ObjectMapper mapper, Clock clock) {
        this.allowances = allowances;
        this.usage = usage;
        this.facts = facts;
        this.knownServices = knownServices;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** GET free-sms-fragment-limit[?financial_year_start=]: this year's when not given; a missing year gets its default. */
    public Map<String, Object> freeSmsFragmentLimit(@Header("service_id") String serviceIdText,
                                                    @Header(Exchange.HTTP_QUERY) String query) {
        UUID serviceId = knownServices.require(serviceIdText);
        String yearText = QueryParameters.parse(query).first("financial_year_start");
        Integer year = null;
        if (yearText != null && !yearText.isEmpty()) {
            if (!yearText.matches("\\d{1,9}")) {
                throw AdminApiException.badRequest(BAD_REQUEST);
            }
            year = Integer.parseInt(yearText);
        }
        try {
            return view(allowances.forYear(serviceId, year));
        } catch (FreeAllowances.YearOutOfRangeException e) {
            throw AdminApiException.badRequest(BAD_REQUEST);
        }
    }

    /** POST free-sms-fragment-limit {"free_sms_fragment_limit": n}: sets this financial year's; answers the request. */
    public Map<String, Object> setFreeSmsFragmentLimit(@Header("service_id") String serviceIdText, @Body String body) {
        UUID serviceId = knownServices.require(serviceIdText);
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        Long limit = request.has(LIMIT) && !request.isNull(LIMIT) ? request.integer(LIMIT)
                : request.reject(LIMIT, Wording.JSON_SCHEMA.required(LIMIT));
        if (limit != null && limit < 0) {
            request.reject(LIMIT, LIMIT + " " + limit + " is less than the minimum of 0");
        } else if (limit != null && limit > Integer.MAX_VALUE) {
            request.reject(LIMIT, LIMIT + " " + limit + " is greater than the maximum of " + Integer.MAX_VALUE);
        }
        request.validate();
        allowances.set(serviceId, limit.intValue());
        return Map.of(LIMIT, limit);
    }

    /** GET monthly-usage?year=: texts and letters per month, type, rate and postage (emails left out, as Notify). */
    public List<Map<String, Object>> monthlyUsage(@Header("service_id") String serviceIdText,
                                                  @Header(Exchange.HTTP_QUERY) String query) {
        UUID serviceId = knownServices.require(serviceIdText);
        int year = BillingFields.year(QueryParameters.parse(query).first("year"));
        prepare(serviceId, year);
        if (!new FinancialYear(year).lastDay().isBefore(LondonDays.today(clock))) {
            facts.refreshToday(serviceId);
        }
        return usage.monthly(serviceId, year).stream().filter(u -> !"email".equals(u.notificationType()))
                .map(BillingAdmin::view).toList();
    }

    /** GET yearly-usage-summary?year=: per type and rate over the financial year, from the facts as they stand. */
    public List<Map<String, Object>> yearlyUsageSummary(@Header("service_id") String serviceIdText,
                                                        @Header(Exchange.HTTP_QUERY) String query) {
        UUID serviceId = knownServices.require(serviceIdText);
        return yearlyUsageSummary(serviceId, BillingFields.year(QueryParameters.parse(query).first("year")));
    }

    /** One service's spend in a financial year, per type and rate (the statistics page shows it too). */
    public List<Map<String, Object>> yearlyUsageSummary(UUID serviceId, int year) {
        prepare(serviceId, year);
        return usage.annual(serviceId, year).stream().map(BillingAdmin::view).toList();
    }

    /** POST /billing/rebuild-ft-billing-for-day {"day": "YYYY-MM-DD", "service_id": optional}. */
    public Data<Map<String, Object>> rebuildDay(@Body String body) {
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        LocalDate day = BillingFields.requiredDate(request, "day");
        UUID serviceId = request.uuid("service_id");
        if (day != null && day.isAfter(LondonDays.today(clock))) {
            request.reject("day", "day " + day + " is in the future");
        }
        request.validate();
        if (serviceId != null) {
            knownServices.require(serviceId.toString());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("day", day.toString());
        result.put("rows", facts.rebuildDay(day, serviceId));
        return new Data<>(result);
    }

    /** Texts count only in a year with an allowance: the admin app reads the allowance first, so make sure of it. */
    private void prepare(UUID serviceId, int year) {
        if (allowances.inRange(year)) {
            allowances.forYear(serviceId, year);
        }
    }

    /** Notify's serialize_ft_billing_remove_emails (a month's, with its name and postage) and _yearly_totals. */
    private static Map<String, Object> view(Usage u) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (u.month() != null) {
            view.put("month", u.month().getMonth().getDisplayName(TextStyle.FULL, Locale.UK));
        }
        view.put("notification_type", u.notificationType());
        view.put("chargeable_units", u.chargeableUnits());
        view.put("notifications_sent", u.notificationsSent());
        view.put("rate", u.rate().doubleValue());
        if (u.month() != null) {
            view.put("postage", u.postage());
        }
        view.put("cost", u.cost().doubleValue());
        view.put("free_allowance_used", u.freeAllowanceUsed());
        view.put("charged_units", u.chargedUnits());
        return view;
    }

    private static Map<String, Object> view(AnnualBilling billing) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(LIMIT, billing.freeSmsFragmentLimit());
        view.put("financial_year_start", billing.financialYearStart());
        return view;
    }
}
