package org.notifyhub.recipients;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.notifyhub.common.Whitespace;

import static org.notifyhub.recipients.InvalidRecipientException.RecipientType.PHONE_NUMBER;

/**
 * Validates and normalises phone numbers with GOV.UK Notify's 2022 rules (notifications-utils
 * {@code recipients.py}), keeping Notify's error texts. libphonenumber only supplies the list of
 * country calling codes; the rules themselves are Notify's, which are looser than libphonenumber's.
 */
public final class PhoneNumbers {

    public static final String NOT_A_UK_MOBILE = "Not a UK mobile number";
    public static final String TOO_MANY_DIGITS = "Too many digits";
    public static final String NOT_ENOUGH_DIGITS = "Not enough digits";
    public static final String LETTERS_OR_SYMBOLS = "Must not contain letters or symbols";
    public static final String INVALID_COUNTRY_PREFIX = "Not a valid country prefix";

    private static final String UK_PREFIX = "44";
    private static final int UK_MOBILE_DIGITS = 10;
    private static final int INTERNATIONAL_MIN_DIGITS = 8;
    private static final int INTERNATIONAL_MAX_DIGITS = 15;

    /** Mobile ranges (after 44) of Jersey, Guernsey and the Isle of Man. */
    private static final Set<String> CROWN_DEPENDENCY_RANGES =
            Set.of("7781", "7839", "7911", "7509", "7797", "7937", "7700", "7829", "7624", "7524", "7924");
    /** Ofcom reserves 07700 900xxx for drama, so it is UK even though 7700 is a crown dependency range. */
    private static final String TV_DRAMA_RANGE = "7700900";

    /** Notify's simulated numbers, already normalised: sending to them creates nothing. */
    private static final Set<String> SIMULATED = Set.of("447700900000", "447700900111", "447700900222");

    /** Separators people type inside numbers; anything else that is not a digit is refused. */
    private static final String SEPARATORS = Whitespace.RECIPIENT + "()-+";

    private static final Set<String> COUNTRY_CALLING_CODES = countryCallingCodes();

    private PhoneNumbers() {
    }

    /**
     * Parses a number as the v2 API does: UK numbers become {@code 44} + 10 digits, anything else must be
     * a plausible international number. Whether the service may send internationally is the caller's
     * check ({@link PhoneNumber#requiresInternationalPermission()}).
     *
     * @throws InvalidRecipientException with one of Notify's phone number messages
     */
    public static PhoneNumber parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (isUkNumber(raw)) {
            return ukNumber(validateUk(raw));
        }
        String digits = digitsOnly(raw);
        if (digits.length() < INTERNATIONAL_MIN_DIGITS) {
            throw invalid(NOT_ENOUGH_DIGITS);
        }
        if (digits.length() > INTERNATIONAL_MAX_DIGITS) {
            throw invalid(TOO_MANY_DIGITS);
        }
        String prefix = countryPrefixOf(digits);
        if (prefix == null) {
            throw invalid(INVALID_COUNTRY_PREFIX);
        }
        return new PhoneNumber(digits, true, prefix, false);
    }

    /**
     * Parses a number for a service that cannot send internationally: every number is read as a UK
     * mobile, as Notify does for CSV rows without the {@code international_sms} permission.
     *
     * @throws InvalidRecipientException with one of Notify's phone number messages
     */
    public static PhoneNumber parseUk(String raw) {
        Objects.requireNonNull(raw, "raw");
        return ukNumber(validateUk(raw));
    }

    /** True for Notify's simulated numbers ({@code +447700900000}, {@code …111}, {@code …222}) in any format. */
    public static boolean isSimulated(String number) {
        if (number == null) {
            return false;
        }
        try {
            return SIMULATED.contains(parse(number).normalised());
        } catch (InvalidRecipientException notANumber) {
            return false;
        }
    }

    /**
     * Formats a normalised number for people: national format for UK numbers ({@code 07700 900123}),
     * international format otherwise ({@code +33 1 23 45 67 89}). A number that does not parse is
     * returned unchanged, as Notify does, so it can still be shown.
     */
    public static String format(String normalised) {
        PhoneNumber number;
        try {
            number = parse(normalised);
        } catch (InvalidRecipientException notANumber) {
            return normalised;
        }
        try {
            var util = PhoneNumberUtil.getInstance();
            var parsed = util.parse("+" + number.normalised(), null);
            return util.format(parsed, number.international() ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException unusualNumber) {
            return "+" + number.normalised();
        }
    }

    /** Notify reads a number as UK when it starts with a single 0, with 44, or is a short number starting 7. */
    static boolean isUkNumber(String raw) {
        if (raw.startsWith("0") && !raw.startsWith("00")) {
            return true;
        }
        String digits = digitsOnly(raw);
        return digits.startsWith(UK_PREFIX) || (digits.startsWith("7") && digits.length() < 11);
    }

    private static String validateUk(String raw) {
        String digits = digitsOnly(raw);
        if (digits.startsWith(UK_PREFIX)) {
            digits = digits.substring(UK_PREFIX.length());
        }
        digits = stripLeadingZeros(digits);
        if (!digits.startsWith("7")) {
            throw invalid(NOT_A_UK_MOBILE);
        }
        if (digits.length() > UK_MOBILE_DIGITS) {
            throw invalid(TOO_MANY_DIGITS);
        }
        if (digits.length() < UK_MOBILE_DIGITS) {
            throw invalid(NOT_ENOUGH_DIGITS);
        }
        return UK_PREFIX + digits;
    }

    private static PhoneNumber ukNumber(String normalised) {
        boolean crown = isCrownDependency(normalised);
        return new PhoneNumber(normalised, crown, UK_PREFIX, crown);
    }

    static boolean isCrownDependency(String normalised) {
        return normalised.startsWith(UK_PREFIX)
                && normalised.length() >= 9
                && CROWN_DEPENDENCY_RANGES.contains(normalised.substring(2, 6))
                && !normalised.startsWith(TV_DRAMA_RANGE, 2);
    }

    /** Removes separators and leading zeros (so {@code 00} international access codes go too). */
    private static String digitsOnly(String raw) {
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                continue;
            }
            if (c < '0' || c > '9') {
                throw invalid(LETTERS_OR_SYMBOLS);
            }
            digits.append(c);
        }
        return stripLeadingZeros(digits.toString());
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Calling codes are prefix-free (E.164), so at most one of the 1-, 2- and 3-digit prefixes matches. */
    private static String countryPrefixOf(String digits) {
        for (int length = 1; length <= 3 && length <= digits.length(); length++) {
            String candidate = digits.substring(0, length);
            if (COUNTRY_CALLING_CODES.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Countries' calling codes; the non-geographic ones (800 freephone, 882 networks…) cannot take texts. */
    private static Set<String> countryCallingCodes() {
        var util = PhoneNumberUtil.getInstance();
        Set<Integer> codes = new HashSet<>(util.getSupportedCallingCodes());
        codes.removeAll(util.getSupportedGlobalNetworkCallingCodes());
        Set<String> asText = new HashSet<>();
        for (int code : codes) {
            asText.add(Integer.toString(code));
        }
        return Set.copyOf(asText);
    }

    private static InvalidRecipientException invalid(String message) {
        return new InvalidRecipientException(PHONE_NUMBER, message);
    }
}
