package org.notifyhub.recipients;

import java.util.Objects;

/**
 * A phone number that passed Notify's rules.
 *
 * @param normalised      digits only, with the country prefix and no {@code +}, e.g. {@code 447700900123}
 * @param international   true for non-UK numbers and for crown dependency numbers (billed as international)
 * @param countryPrefix   the country calling code, e.g. {@code "44"}, {@code "1"}, {@code "33"}
 * @param crownDependency a Jersey, Guernsey or Isle of Man mobile number ({@code +44} but not UK-billed)
 */
public record PhoneNumber(String normalised, boolean international, String countryPrefix, boolean crownDependency) {

    public PhoneNumber {
        Objects.requireNonNull(normalised, "normalised");
        Objects.requireNonNull(countryPrefix, "countryPrefix");
    }

    /** A mobile number on the UK network proper (not a crown dependency): never needs extra permission. */
    public boolean isUkMobile() {
        return !international;
    }

    /**
     * Whether the service needs the {@code international_sms} permission to text this number; crown
     * dependencies are international for billing but Notify lets every service send to them.
     */
    public boolean requiresInternationalPermission() {
        return international && !crownDependency;
    }

    /** The number as GOV.UK Notify shows it to people, e.g. {@code 07700 900123} or {@code +1 202-555-0104}. */
    public String humanReadable() {
        return PhoneNumbers.format(normalised);
    }
}
