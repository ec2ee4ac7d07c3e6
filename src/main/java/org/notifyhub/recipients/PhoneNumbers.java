package org.notifyhub.recipients;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.notifyhub.common.Whitespace;

import static org.notifyhub.recipients.InvalidRecipientException.RecipientType.PHONE_NUMBER;

/**
 * Validates and normalises phone numbers with GOV.UK Notify's rules, keeping Notify's v2 error texts. Mobile and
 * international numbers follow Notify's 2022 rules (notifications-utils {@code recipients.py}), which are looser than
 * libphonenumber's; a UK number that is not a mobile is classified by libphonenumber as Notify's
 * {@code PhoneNumber} does today: a landline (fixed line or UAN, textable only with the {@code sms_to_uk_landlines}
 * permission, which is the caller's check), or a range that cannot take texts (premium rate, freephone, shared cost,
 * VoIP, pagers, unassigned), refused as not valid.
 */
public final class PhoneNumbers {

    public static final String NOT_A_UK_MOBILE = "Not a UK mobile number";
    public static final String TOO_MANY_DIGITS = "Too many digits";
    public static final String NOT_ENOUGH_DIGITS = "Not enough digits";
    public static final String LETTERS_OR_SYMBOLS = "Must not contain letters or symbols";
    public static final String INVALID_COUNTRY_PREFIX = "Not a valid country prefix";
    public static final String NOT_VALID = "Number is not valid – double check the phone number you entered";

    private static final String UK_PREFIX = "44";
    private static final int UK_MOBILE_DIGITS = 10;
    private static final int INTERNATIONAL_MIN_DIGITS = 8;
    private static final int INTERNATIONAL_MAX_DIGITS = 15;
    /** The longest national number libphonenumber reads (and so the longest that fits a long). */
    private static final int MAX_NATIONAL_DIGITS = 17;

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

    /** What Notify texts as a UK landline when the service may (libphonenumber's types, as Notify's LANDLINE_CODES). */
    private static final Set<PhoneNumberType> LANDLINE_TYPES =
            EnumSet.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.UAN);

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
            return validateUk(raw);
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
        return new PhoneNumber(digits, true, prefix, false, false);
    }

    /**
     * Parses a number for a service that cannot send internationally: every number is read as a UK
     * number, as Notify does for CSV rows without the {@code international_sms} permission.
     *
     * @throws InvalidRecipientException with one of Notify's phone number messages
     */
    public static PhoneNumber parseUk(String raw) {
        Objects.requireNonNull(raw, "raw");
        return validateUk(raw);
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

    private static PhoneNumber validateUk(String raw) {
        String digits = digitsOnly(raw);
        if (digits.startsWith(UK_PREFIX)) {
            digits = digits.substring(UK_PREFIX.length());
        }
        digits = stripLeadingZeros(digits);
        if (!digits.startsWith("7")) {
            // an international number read as UK (a service that cannot text abroad) is not a UK landline either
            if (!isUkNumber(raw)) {
                throw invalid(NOT_A_UK_MOBILE);
            }
            return ukLandline(digits);
        }
        if (digits.length() > UK_MOBILE_DIGITS) {
            throw invalid(TOO_MANY_DIGITS);
        }
        if (digits.length() < UK_MOBILE_DIGITS) {
            throw invalid(NOT_ENOUGH_DIGITS);
        }
        String normalised = UK_PREFIX + digits;
        if (!normalised.startsWith(TV_DRAMA_RANGE, 2) && typeOf(ukNumber(digits)) == PhoneNumberType.PAGER) {
            throw invalid(NOT_VALID);
        }
        boolean crown = isCrownDependency(normalised);
        return new PhoneNumber(normalised, crown, UK_PREFIX, crown, false);
    }

    /**
     * A UK number outside the 07 ranges, as Notify's libphonenumber checks read it: its length first, then whether it
     * is a valid landline. Landlines of Jersey, Guernsey and the Isle of Man are billed as international, as there.
     */
    private static PhoneNumber ukLandline(String digits) {
        if (digits.isEmpty()) {
            throw invalid(NOT_VALID);
        }
        if (digits.length() > MAX_NATIONAL_DIGITS) {
            throw invalid(TOO_MANY_DIGITS);
        }
        Phonenumber.PhoneNumber number = ukNumber(digits);
        var util = PhoneNumberUtil.getInstance();
        switch (util.isPossibleNumberWithReason(number)) {
            case IS_POSSIBLE -> {
            }
            case TOO_LONG -> throw invalid(TOO_MANY_DIGITS);
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> throw invalid(NOT_ENOUGH_DIGITS);
            default -> throw invalid(NOT_VALID);
        }
        if (!util.isValidNumber(number) || !LANDLINE_TYPES.contains(util.getNumberType(number))) {
            throw invalid(NOT_VALID);
        }
        boolean crown = !"GB".equals(util.getRegionCodeForNumber(number));
        return new PhoneNumber(UK_PREFIX + digits, crown, UK_PREFIX, crown, true);
    }

    private static Phonenumber.PhoneNumber ukNumber(String nationalDigits) {
        return new Phonenumber.PhoneNumber().setCountryCode(Integer.parseInt(UK_PREFIX))
                .setNationalNumber(Long.parseLong(nationalDigits));
    }

    private static PhoneNumberType typeOf(Phonenumber.PhoneNumber number) {
        return PhoneNumberUtil.getInstance().getNumberType(number);
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
