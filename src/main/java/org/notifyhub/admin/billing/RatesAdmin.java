package org.notifyhub.admin.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.notifyhub.admin.AdminApiException;
import org.notifyhub.admin.RequestBody;
import org.notifyhub.admin.Wording;
import org.notifyhub.billing.RateCard;
import org.notifyhub.billing.Rates;
import org.notifyhub.common.NotifyTime;
import org.springframework.stereotype.Component;

/**
 * /sms-rate and /letter-rates: today's rates as Notify's admin app reads them, and (the hub's addition; Notify adds
 * rates in migrations) a new rate from a London day, which must start after every rate already there.
 */
@Component
public class RatesAdmin {

    /** Notify's POSTAGE_TYPES. */
    static final List<String> POST_CLASSES = List.of("first", "second", "economy", "europe", "rest-of-world");
    private static final int MAX_SHEETS = 5;
    private static final String RATE = "rate";

    private final Rates rates;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RatesAdmin(Rates rates, ObjectMapper mapper, Clock clock) {
        this.rates = rates;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** GET /sms-rate: the rate per fragment in force now (Notify's Rate.serialize). */
    public Map<String, Object> smsRate() {
        RateCard.SmsRate rate = rates.card().currentSmsRate(now()).orElseThrow(AdminApiException::notFound);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(RATE, rate.rate().doubleValue());
        view.put("valid_from", rate.validFrom().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        return view;
    }

    /** GET /letter-rates: the letter rates in force now (Notify's LetterRate.serialize; its rate is a string). */
    public List<Map<String, Object>> letterRates() {
        return rates.card().currentLetterRates(now()).stream().map(rate -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("sheet_count", rate.sheetCount());
            view.put("start_date", rate.startDate().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            view.put(RATE, rate.rate().toPlainString());
            view.put("post_class", rate.postClass());
            return view;
        }).toList();
    }

    /** POST /sms-rate {"rate": 0.0245, "valid_from": "2027-04-01"}. */
    public Map<String, Object> addSmsRate(@Body String body) {
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        BigDecimal rate = positiveRate(request);
        LocalDate from = BillingFields.requiredDate(request, "valid_from");
        request.validate();
        if (!rates.addSmsRate(from, rate)) {
            throw AdminApiException.badRequest("An SMS rate already starts on or after " + from);
        }
        return Map.of(RATE, rate, "valid_from", from.toString());
    }

    /** POST /letter-rates {"start_date": "2027-04-01", "sheet_count": 1, "post_class": "second", "rate": 0.8}. */
    public Map<String, Object> addLetterRate(@Body String body) {
        RequestBody request = RequestBody.parse(mapper, body, Wording.JSON_SCHEMA);
        BigDecimal rate = positiveRate(request);
        LocalDate from = BillingFields.requiredDate(request, "start_date");
        Long sheets = request.has("sheet_count") && !request.isNull("sheet_count") ? request.integer("sheet_count")
                : request.reject("sheet_count", Wording.JSON_SCHEMA.required("sheet_count"));
        if (sheets != null && sheets < 1) {
            request.reject("sheet_count", "sheet_count " + sheets + " is less than the minimum of 1");
        } else if (sheets != null && sheets > MAX_SHEETS) {
            request.reject("sheet_count", "sheet_count " + sheets + " is greater than the maximum of " + MAX_SHEETS);
        }
        String postClass = request.requiredString("post_class");
        if (postClass != null && !POST_CLASSES.contains(postClass)) {
            request.reject("post_class", "post_class " + postClass + " is not one of " + POST_CLASSES);
        }
        request.validate();
        if (!rates.addLetterRate(from, sheets.intValue(), postClass, rate)) {
            throw AdminApiException.badRequest("A " + postClass + " rate for " + sheets
                    + " sheets already starts on or after " + from);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("start_date", from.toString());
        view.put("sheet_count", sheets);
        view.put("post_class", postClass);
        view.put(RATE, rate);
        return view;
    }

    private static BigDecimal positiveRate(RequestBody request) {
        if (!request.has(RATE) || request.isNull(RATE)) {
            return request.reject(RATE, Wording.JSON_SCHEMA.required(RATE));
        }
        BigDecimal rate = request.number(RATE);
        if (rate != null && rate.signum() <= 0) {
            return request.reject(RATE, "rate " + rate.toPlainString() + " is less than or equal to the minimum of 0");
        }
        return rate;
    }

    private LocalDateTime now() {
        return NotifyTime.toUtc(clock.instant());
    }
}
