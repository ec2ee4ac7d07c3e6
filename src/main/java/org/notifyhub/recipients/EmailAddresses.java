package org.notifyhub.recipients;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.notifyhub.common.Whitespace;

import static org.notifyhub.recipients.InvalidRecipientException.RecipientType.EMAIL_ADDRESS;

/**
 * Validates email addresses with GOV.UK Notify's rules (notifications-utils {@code validate_email_address}).
 * Stricter than RFC 5322 on purpose: quotes, semicolons and the like make Amazon SES fail the send later,
 * so Notify refuses them up front.
 */
public final class EmailAddresses {

    public static final String NOT_VALID = "Not a valid email address";

    private static final int MAX_LENGTH = 320;
    private static final int MAX_HOSTNAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    /** Local part from a fixed safe set; domain: anything without @ or whitespace, not starting with a dot. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([^.@][^@\\s]+)", Pattern.UNICODE_CHARACTER_CLASS);
    /** A DNS label; "xn" lets punycode labels ({@code xn--…}) through. */
    private static final Pattern HOSTNAME_LABEL =
            Pattern.compile("(xn|[a-z0-9]+)(-?-[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOP_LEVEL_DOMAIN =
            Pattern.compile("[a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+", Pattern.CASE_INSENSITIVE);

    /** Notify's simulated addresses: sending to them creates nothing. */
    private static final Set<String> SIMULATED = Set.of(
            "simulate-delivered@notifications.service.gov.uk",
            "simulate-delivered-2@notifications.service.gov.uk",
            "simulate-delivered-3@notifications.service.gov.uk");

    private EmailAddresses() {
    }

    /**
     * Checks an address and returns it as the caller sent it, minus invisible characters and surrounding
     * whitespace (this is what Notify stores as the notification's {@code to}).
     *
     * @throws InvalidRecipientException {@value #NOT_VALID}
     */
    public static String validate(String raw) {
        Objects.requireNonNull(raw, "raw");
        String address = Whitespace.stripAndRemoveObscure(raw);
        var match = ADDRESS.matcher(address);
        if (!match.matches()
                || address.codePointCount(0, address.length()) > MAX_LENGTH
                || address.contains("..")) {
            throw invalid();
        }
        String hostname = toAscii(match.group(1));
        String[] labels = hostname.split("\\.", -1);
        if (hostname.length() > MAX_HOSTNAME_LENGTH || labels.length < 2) {
            throw invalid();
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || !HOSTNAME_LABEL.matcher(label).matches()) {
                throw invalid();
            }
        }
        if (!TOP_LEVEL_DOMAIN.matcher(labels[labels.length - 1]).matches()) {
            throw invalid();
        }
        return address;
    }

    /** The form Notify compares and stores as {@code normalised_to}: lower-case, invisible characters gone. */
    public static String normalise(String address) {
        Objects.requireNonNull(address, "address");
        return Whitespace.stripAndRemoveObscure(address.toLowerCase(Locale.ROOT));
    }

    /** {@link #validate} then {@link #normalise}, as Notify does before matching guest lists. */
    public static String validateAndNormalise(String raw) {
        return normalise(validate(raw));
    }

    /** True for the three {@code simulate-delivered…@notifications.service.gov.uk} addresses, in any case. */
    public static boolean isSimulated(String address) {
        return address != null && SIMULATED.contains(normalise(address));
    }

    /** IDNA 2003, like Python's "idna" codec, so {@code 例え.テスト} becomes {@code xn--r8jz45g.xn--zckzah}. */
    private static String toAscii(String hostname) {
        try {
            return IDN.toASCII(hostname);
        } catch (IllegalArgumentException notEncodable) {
            throw invalid();
        }
    }

    private static InvalidRecipientException invalid() {
        return new InvalidRecipientException(EMAIL_ADDRESS, NOT_VALID);
    }
}
