package org.notifyhub.limits;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.services.Service;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily sending limits, for every path that sends (API, high-volume saves, CSV jobs): which limits a send counts
 * against (its channel, and a text that needs the international permission the international limit too) and how it
 * is counted (all of its limits or none).
 */
@Component
public class DailyLimits {

    static final String INTERNATIONAL_SMS = "international_sms";
    /** KeyType.TEST's wire name: limits sit below the notifications kernel, so they take key types as stored. */
    private static final String TEST_KEY = "test";
    private static final String SMS = "sms";

    private final DailyLimitRepository counters;
    private final TransactionTemplate transaction;

    public DailyLimits(DailyLimitRepository counters, TransactionTemplate transaction) {
        this.counters = counters;
        this.transaction = transaction;
    }

    /**
     * Counts one notification today, inside the caller's transaction when there is one, or throws Notify's 429 naming
     * the limit it would pass. Test keys count against none.
     */
    public void take(Service service, String keyType, String notificationType, boolean internationalSms, LocalDate day) {
        if (TEST_KEY.equals(keyType)) {
            return;
        }
        transaction.executeWithoutResult(status -> charges(notificationType, 1, internationalSms ? 1 : 0)
                .forEach((channel, count) -> {
                    long limit = service.dailyLimits().forChannel(channel);
                    if (!counters.tryAdd(service.id(), channel, day, count, limit)) {
                        throw new V2ApiException(429, "TooManyRequestsError",
                                "Exceeded send limits (" + channel + ": " + limit + ") for today");
                    }
                }));
    }

    /**
     * A CSV job's whole file up front: {@code rows} against its channel and, of those, {@code internationalSmsRows}
     * against the international limit too. Returns false, having counted nothing, when any limit would be passed.
     */
    public boolean tryTakeJob(Service service, String notificationType, long rows, long internationalSmsRows,
                              LocalDate day) {
        Boolean taken = transaction.execute(status -> {
            for (Map.Entry<String, Long> charge : charges(notificationType, rows, internationalSmsRows).entrySet()) {
                String channel = charge.getKey();
                if (!counters.tryAdd(service.id(), channel, day, charge.getValue(),
                        service.dailyLimits().forChannel(channel))) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(taken);
    }

    /** The limits a send counts against, with how much, in the order a 429 names them. */
    private static Map<String, Long> charges(String notificationType, long count, long internationalSms) {
        Map<String, Long> charges = new LinkedHashMap<>();
        charges.put(notificationType, count);
        if (SMS.equals(notificationType) && internationalSms > 0) {
            charges.put(INTERNATIONAL_SMS, internationalSms);
        }
        return charges;
    }
}
