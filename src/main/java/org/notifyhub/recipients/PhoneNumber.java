package org.notifyhub.recipients;

import java.util.Objects;

/**
 * A phone number that passed Notify's rules.
 *
 * @param normalised      digits only, with the country prefix and no {@code +}, e.g. {@code 447700900123}
 * @param international   true for non-UK numbers and for crown dependency numbers (billed as international)
 * @param countryPrefix   the country calling code, e.g. {@code "44"}, {@code "1"}, {@code "33"}
 * @param crownDependency a Jersey, Guernsey or Isle of Man number ({@code +44} but not UK-billed)
 * @param landline        a UK landline: textable only by services with the {@code sms_to_uk_landlines} permission
 */
public record PhoneNumber(String normalised, boolean international, String countryPrefix, boolean crownDependency,
                          boolean landline) {

    public PhoneNumber {
        Objects.requireNonNull(normalised, "normalised");
        Objects.requireNonNull(countryPrefix, "countryPrefix");
    }

    /** A mobile number on the UK network proper (not a crown dependency): never needs extra permission. */
    public boolean isUkMobile() {
        return !international && !landline;
    }

    /**
     * Refuses, as Notify's {@code PhoneNumber.validate} does ("Not a UK mobile number"), a number the service's
     * permissions do not cover: an international number without {@code international_sms}, a UK landline without
     * {@code sms_to_uk_landlines}.
     *
     * @return this number, when the service may text it
     */
    public PhoneNumber checkPermitted(boolean internationalSms, boolean smsToUkLandlines) {
        if ((requiresInternationalPermission() && !internationalSms) || (landline && !smsToUkLandlines)) {
            throw new InvalidRecipientException(InvalidRecipientException.RecipientType.PHONE_NUMBER,
                    PhoneNumbers.NOT_A_UK_MOBILE);
        }
        return this;
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
