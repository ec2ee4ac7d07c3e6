package org.notifyhub.limits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.services.Service;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily sending limits, for every path that sends (API, high-volume saves, CSV jobs): which limits a send counts
 * against (its channel, and a text that needs the international permission the international limit too) and how it
 * is counted (all of its limits or none). Sends count against this node's leases ({@link DailyAllowances}); a CSV
 * job's whole file goes straight on the shared counter in one transaction.
 */
@Component
public class DailyLimits {

    static final String INTERNATIONAL_SMS = "international_sms";
    /** KeyType.TEST's wire name: limits sit below the notifications kernel, so they take key types as stored. */
    private static final String TEST_KEY = "test";
    private static final String SMS = "sms";

    private final DailyLimitRepository counters;
    private final DailyAllowances allowances;
    private final TransactionTemplate transaction;

    public DailyLimits(DailyLimitRepository counters, DailyAllowances allowances, TransactionTemplate transaction) {
        this.counters = counters;
        this.allowances = allowances;
        this.transaction = transaction;
    }

    /**
     * Counts one notification today against this node's leases (never inside the caller's transaction), or throws
     * Notify's 429 naming the limit it would pass, or a 503 when the limits could not be checked in time
     * ({@link LimitsUnavailableException}), having counted nothing. Test keys count against none. The caller
     * gives the returned units back when the notification is not saved after all.
     */
    public Taken take(Service service, String keyType, String notificationType, boolean internationalSms, LocalDate day) {
        if (TEST_KEY.equals(keyType)) {
            return Taken.NOTHING;
        }
        List<AllowanceKey> taken = new ArrayList<>(2);
        for (String channel : charges(notificationType, 1, internationalSms ? 1 : 0).keySet()) {
            AllowanceKey key = new AllowanceKey(service.id(), channel, day);
            long limit = service.dailyLimits().forChannel(channel);
            boolean allowed = false;
            try {
                allowed = allowances.take(key, limit);
            } finally {
                if (!allowed) {
                    // refused, or its limits unavailable (a 503): what the other limits gave goes back either way
                    taken.forEach(allowances::giveBack);
                }
            }
            if (!allowed) {
                throw new V2ApiException(429, "TooManyRequestsError",
                        "Exceeded send limits (" + channel + ": " + limit + ") for today");
            }
            taken.add(key);
        }
        return new Taken(List.copyOf(taken), allowances);
    }

    /**
     * A CSV job's whole file up front: {@code rows} against its channel and, of those, {@code internationalSmsRows}
     * against the international limit too. Returns false, having counted nothing, when any limit would be passed.
     */
    public boolean tryTakeJob(Service service, String notificationType, long rows, long internationalSmsRows,
                              LocalDate day) {
        Map<String, Long> charges = charges(notificationType, rows, internationalSmsRows);
        if (tryTakeAll(service, charges, day)) {
            return true;
        }
        // What this node leased and has not sent may be just what the file needs.
        long handedBack = charges.keySet().stream()
                .mapToLong(channel -> allowances.handBack(new AllowanceKey(service.id(), channel, day))).sum();
        return handedBack > 0 && tryTakeAll(service, charges, day);
    }

    private boolean tryTakeAll(Service service, Map<String, Long> charges, LocalDate day) {
        Boolean taken = transaction.execute(status -> {
            for (Map.Entry<String, Long> charge : charges.entrySet()) {
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

    /** The units one send took, to give back when its notification is not saved after all. */
    public static final class Taken {

        static final Taken NOTHING = new Taken(List.of(), null);

        private final List<AllowanceKey> keys;
        private final DailyAllowances allowances;

        private Taken(List<AllowanceKey> keys, DailyAllowances allowances) {
            this.keys = keys;
            this.allowances = allowances;
        }

        public void giveBack() {
            for (AllowanceKey key : keys) {
                allowances.giveBack(key);
            }
        }
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
