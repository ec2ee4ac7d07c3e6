package org.notifyhub.recipients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;

import static org.notifyhub.recipients.InvalidRecipientException.RecipientType.POSTAL_ADDRESS;

/**
 * Builds and validates letter addresses as GOV.UK Notify does (notifications-utils {@code postal_address.py},
 * notifications-api {@code validate_address}): lines tidied, a trailing UK line dropped, the last line read
 * as a UK postcode or a country that sets international postage.
 */
public final class PostalAddresses {

    public static final int MIN_LINES = 3;
    public static final int MAX_LINES = 7;

    public static final String TOO_FEW_LINES = "Address must be at least " + MIN_LINES + " lines";
    public static final String TOO_MANY_LINES = "Address must be no more than " + MAX_LINES + " lines";
    public static final String NOT_A_UK_POSTCODE = "Must be a real UK postcode";
    public static final String NOT_A_UK_POSTCODE_OR_COUNTRY =
            "Last line of address must be a real UK postcode or another country";
    /** Notify's text lists fewer characters than it checks (no ~) and shows " as a typographic ”. */
    public static final String INVALID_FIRST_CHARACTER =
            "Address lines must not start with any of the following characters: @ ( ) = [ ] ” \\ / , < >";

    /** Characters that printers and DVLA's systems read as markup or formula starts. */
    private static final String INVALID_FIRST_CHARACTERS = "[\\/()@]<>\",=~";

    private static final List<String> LINES_1_TO_6 = List.of(
            "address_line_1", "address_line_2", "address_line_3",
            "address_line_4", "address_line_5", "address_line_6");
    private static final String LINE_7 = "address_line_7";
    private static final String POSTCODE = "postcode";

    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \t]+([,.])");
    private static final String TRAILING_JUNK = " ,";

    private PostalAddresses() {
    }

    /**
     * Reads the address from API personalisation: {@code address_line_1}…{@code address_line_6} and
     * {@code postcode}, or {@code address_line_1}…{@code address_line_7} when {@code address_line_7} is
     * present (then {@code postcode} is ignored). Keys are snake_case only, as in the v2 API.
     */
    public static PostalAddress fromPersonalisation(Map<String, ?> personalisation) {
        Objects.requireNonNull(personalisation, "personalisation");
        List<String> keys = new ArrayList<>(LINES_1_TO_6);
        keys.add(personalisation.containsKey(LINE_7) ? LINE_7 : POSTCODE);
        List<String> rawLines = new ArrayList<>();
        for (String key : keys) {
            Object value = personalisation.get(key);
            rawLines.add(value == null ? "" : value.toString());
        }
        return parse(String.join("\n", rawLines));
    }

    /**
     * Reads the address from a CSV row, where column names ignore case, spaces, underscores and dashes
     * ({@code address line 1}, {@code Address_Line-1} and {@code ADDRESSLINE1} are the same column).
     */
    public static PostalAddress fromCsvRow(Map<String, String> row) {
        return fromPersonalisation(addressFields(row));
    }

    /**
     * The address cells of a CSV row under the API's personalisation keys ({@code address_line_1}…, {@code postcode}),
     * so a letter from a job reads its address the way a letter from the API does. Absent columns are left out.
     */
    public static Map<String, String> addressFields(Map<String, String> row) {
        Objects.requireNonNull(row, "row");
        Map<String, String> byColumnKey = new HashMap<>();
        row.forEach((column, value) -> {
            if (column != null) {
                byColumnKey.putIfAbsent(columnKey(column), value);
            }
        });
        Map<String, String> personalisation = new HashMap<>();
        List<String> keys = new ArrayList<>(LINES_1_TO_6);
        keys.add(byColumnKey.containsKey(columnKey(LINE_7)) ? LINE_7 : POSTCODE);
        for (String key : keys) {
            String value = byColumnKey.get(columnKey(key));
            if (value != null) {
                personalisation.put(key, value);
            }
        }
        return personalisation;
    }

    /**
     * Reads a whole address, one line per row (as extracted from a precompiled PDF). Lines are
     * whitespace-normalised, trailing spaces and commas go, a space before {@code ,} or {@code .} goes and
     * blank lines are dropped.
     */
    public static PostalAddress parse(String rawAddress) {
        Objects.requireNonNull(rawAddress, "rawAddress");
        List<String> lines = tidyLines(rawAddress);
        Optional<Country> country = lines.isEmpty() ? Optional.empty() : Countries.find(lines.get(lines.size() - 1));
        List<String> withoutCountry = country.isPresent() ? lines.subList(0, lines.size() - 1) : lines;
        PostageZone zone = country.map(Country::zone).orElse(PostageZone.UK);

        if (zone != PostageZone.UK) {
            List<String> normalised = new ArrayList<>(withoutCountry);
            normalised.add(country.get().name());
            return new PostalAddress(normalised, null, true, zone.postage());
        }
        String postcode = withoutCountry.isEmpty() ? null : Postcodes.formatOrNull(withoutCountry.get(withoutCountry.size() - 1));
        if (postcode == null) {
            return new PostalAddress(withoutCountry, null, false, null);
        }
        List<String> normalised = new ArrayList<>(withoutCountry.subList(0, withoutCountry.size() - 1));
        normalised.add(postcode);
        return new PostalAddress(normalised, postcode, false, null);
    }

    /**
     * Checks an address in Notify's order, throwing the first failure's message.
     *
     * @param allowInternational whether the service has the {@code international_letters} permission
     * @throws InvalidRecipientException with one of Notify's address messages
     */
    public static void validate(PostalAddress address, boolean allowInternational) {
        Objects.requireNonNull(address, "address");
        if (address.lineCount() < MIN_LINES) {
            throw invalid(TOO_FEW_LINES);
        }
        if (address.lineCount() > MAX_LINES) {
            throw invalid(TOO_MANY_LINES);
        }
        boolean validLastLine = (allowInternational && address.international()) || address.postcode() != null;
        if (!validLastLine) {
            throw invalid(allowInternational ? NOT_A_UK_POSTCODE_OR_COUNTRY : NOT_A_UK_POSTCODE);
        }
        if (address.lines().stream().anyMatch(PostalAddresses::startsWithInvalidCharacter)) {
            throw invalid(INVALID_FIRST_CHARACTER);
        }
    }

    /**
     * Formats a UK postcode for printing: {@code sw1a1aa} → {@code SW1A 1AA}, {@code bfpo c/o 12} →
     * {@code BFPO C/O 12}, {@code gir0aa} → {@code GIR 0AA}.
     *
     * @throws InvalidRecipientException {@value #NOT_A_UK_POSTCODE} when it is not a real UK postcode
     */
    public static String formatPostcode(String raw) {
        Objects.requireNonNull(raw, "raw");
        String formatted = Postcodes.formatOrNull(raw);
        if (formatted == null) {
            throw invalid(NOT_A_UK_POSTCODE);
        }
        return formatted;
    }

    /** Whether the text has the shape of a real UK postcode (standard, BFPO or GIR 0AA), ignoring spaces and case. */
    public static boolean isValidPostcode(String raw) {
        return raw != null && Postcodes.isValid(raw);
    }

    private static List<String> tidyLines(String rawAddress) {
        List<String> lines = new ArrayList<>();
        for (String rawLine : Whitespace.splitLines(rawAddress)) {
            String line = Whitespace.rstrip(Whitespace.normalise(rawLine), TRAILING_JUNK);
            if (!line.isEmpty()) {
                lines.add(SPACE_BEFORE_PUNCTUATION.matcher(line).replaceAll("$1"));
            }
        }
        return lines;
    }

    private static boolean startsWithInvalidCharacter(String line) {
        return !line.isEmpty() && INVALID_FIRST_CHARACTERS.indexOf(line.charAt(0)) >= 0;
    }

    /** CSV column names ignore case, spaces, underscores and dashes. */
    private static String columnKey(String column) {
        return column.replace(" ", "").replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static InvalidRecipientException invalid(String message) {
        return new InvalidRecipientException(POSTAL_ADDRESS, message);
    }
}
