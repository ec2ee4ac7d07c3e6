package org.notifyhub.recipients;

import java.util.HashMap;
import java.util.Map;

/**
 * How many UK text fragments one fragment to a number costs (Notify's {@code rate_multiplier}), from
 * {@code recipients/sms-rate-multipliers.txt}: 1 for UK numbers, the prefix's multiplier for international ones (a
 * crown dependency's +44 included). A North American number uses its 4-digit area prefix when the data lists it.
 */
public final class SmsRateMultipliers {

    static final String RESOURCE = "/recipients/sms-rate-multipliers.txt";
    /** A UK number, or a prefix the data does not list (the hub accepts every calling code libphonenumber knows). */
    public static final int DEFAULT = 1;
    private static final int NANP_AREA_PREFIX_LENGTH = 4;

    private static final Map<String, Integer> BY_PREFIX = load(RESOURCE);

    private SmsRateMultipliers() {
    }

    /**
     * @param international  whether the number is billed as international (crown dependencies are)
     * @param normalised     the number's digits with its country prefix, e.g. {@code 16645551234}
     * @param countryPrefix  its calling code, e.g. {@code 1}
     */
    public static int of(boolean international, String normalised, String countryPrefix) {
        if (!international || countryPrefix == null) {
            return DEFAULT;
        }
        if ("1".equals(countryPrefix) && normalised != null && normalised.length() >= NANP_AREA_PREFIX_LENGTH) {
            Integer area = BY_PREFIX.get(normalised.substring(0, NANP_AREA_PREFIX_LENGTH));
            if (area != null) {
                return area;
            }
        }
        return BY_PREFIX.getOrDefault(countryPrefix, DEFAULT);
    }

    static Map<String, Integer> load(String resource) {
        Map<String, Integer> byPrefix = new HashMap<>();
        for (DataFile.Line line : DataFile.read(resource, 3, "prefix | multiplier | names")) {
            if (!line.field(0).matches("\\d{1,4}") || !line.field(1).matches("[1-9]\\d?")) {
                throw line.invalid("expected a prefix of 1 to 4 digits and a multiplier from 1 to 99");
            }
            if (byPrefix.put(line.field(0), Integer.parseInt(line.field(1))) != null) {
                throw line.invalid("prefix " + line.field(0) + " twice");
            }
        }
        return Map.copyOf(byPrefix);
    }
}
