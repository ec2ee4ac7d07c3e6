package org.notifyhub.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** document-download-frontend's pages, with its texts, as plain HTML. */
final class DocumentPages {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.UK);

    private DocumentPages() {
    }

    static String landing(DocumentRepository.ServiceContact service, String continueUrl) {
        return page("You have a file to download",
                "<p class=\"govuk-body\">" + e(service.name()) + " sent you a file to download.</p>\n"
                        + "<p class=\"govuk-body\"><a href=\"" + e(continueUrl)
                        + "\" role=\"button\" class=\"govuk-button\">Continue</a></p>\n" + questions(service));
    }

    static String confirm(DocumentRepository.ServiceContact service, String error, String emailAddress) {
        String errorHtml = error == null ? "" : "<div class=\"govuk-error-summary\" role=\"alert\">"
                + "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
                + "<p class=\"govuk-error-message\">" + error + "</p></div>\n";
        return document((error == null ? "" : "Error: ") + "Confirm your email address", errorHtml
                + "<h1 class=\"govuk-heading-l\">Confirm your email address</h1>\n"
                + "<p class=\"govuk-body\">For security, we need to confirm the email address the file was sent to "
                + "before you can download it.</p>\n"
                + "<form method=\"post\" novalidate>\n"
                + "<label class=\"govuk-label\" for=\"email_address\">Email address</label>\n"
                + "<input class=\"govuk-input\" id=\"email_address\" name=\"email_address\" type=\"email\""
                + " spellcheck=\"false\" autocomplete=\"email\" value=\"" + e(emailAddress == null ? "" : emailAddress)
                + "\">\n<button type=\"submit\" class=\"govuk-button\">Continue</button>\n</form>\n"
                + questions(service));
    }

    static String wrongEmail(DocumentRepository.ServiceContact service) {
        return "This is not the email address the file was sent to.<br><br>To confirm the file was meant for you, "
                + "enter the email address " + e(service.name()) + " sent the file to.";
    }

    /** 429: the address was tried too often; the form again once the window lets attempts through. */
    static String tooManyAttempts(DocumentRepository.ServiceContact service, String formUrl) {
        return page("Too many attempts",
                "<p class=\"govuk-body\">Too many attempts have been made to open this file in the last few minutes. "
                        + "Wait a few minutes, then <a class=\"govuk-link\" href=\"" + e(formUrl)
                        + "\">try again</a>.</p>\n" + questions(service));
    }

    static String download(DocumentRepository.ServiceContact service, DocumentRow document, String fileUrl,
                           LocalDate today) {
        String extension = FileTypes.extensionOf(document.mimetype());
        return page("Download your file",
                "<p class=\"govuk-body\">This file is available to download until "
                        + expiryDate(document.availableUntil(), today) + ".</p>\n"
                        + "<p class=\"govuk-body\">Make sure you save your file somewhere you can find it.</p>\n"
                        + "<p class=\"govuk-body\"><a href=\"" + e(fileUrl)
                        + "\" download class=\"govuk-link\" rel=\"noreferrer\">Download this "
                        + FileTypes.prettyName(extension) + " (" + fileSize(document.sizeInBytes())
                        + ") to your device</a></p>\n" + questions(service));
    }

    /** 410: the file's time is over; 404: no such file, or not with this key. */
    static String unavailable(DocumentRepository.ServiceContact service, int status) {
        String body = status == 410
                ? "<p class=\"govuk-body\">The file " + e(service.name()) + " sent you has expired or been deleted.</p>\n"
                : "<p class=\"govuk-body\">If you selected a link in an email, the file may have expired or been "
                + "deleted.</p>\n<p class=\"govuk-body\">If you typed the web address, check it is correct.</p>\n"
                + "<p class=\"govuk-body\">If you pasted the web address, check you copied the entire address.</p>\n";
        return page(status == 410 ? "No longer available" : "Page not found", body + questions(service));
    }

    /** No key, or no such service. */
    static String notFound() {
        return page("Page not found", "<p class=\"govuk-body\">If you selected a link in an email, contact the sender "
                + "to tell them you cannot download your file.</p>\n"
                + "<p class=\"govuk-body\">If you typed the web address, check it is correct.</p>\n"
                + "<p class=\"govuk-body\">If you pasted the web address, check you copied the entire address.</p>\n");
    }

    static String serverError() {
        return page("Sorry, there’s a problem with the service",
                "<p class=\"govuk-body\">Try again later.</p>\n");
    }

    /** The weekday only within a month, as the frontend: "Friday 9 January 2027" or "3 June 2027". */
    static String expiryDate(LocalDate date, LocalDate today) {
        String day = date.format(DAY);
        return ChronoUnit.DAYS.between(today, date) <= 30 ? date.format(WEEKDAY) + " " + day : day;
    }

    /** notifications-utils' format_file_size, including its rstrip(".0") (10.0 KB shows as "1KB"). */
    static String fileSize(long bytes) {
        if (bytes < 1024 / 20.0) {
            return "0.1KB";
        }
        boolean kilobytes = bytes < 1024 * 1024 / 20.0;
        BigDecimal size = BigDecimal.valueOf(bytes / (kilobytes ? 1024.0 : 1024.0 * 1024))
                .setScale(1, RoundingMode.HALF_EVEN);
        return size.toPlainString().replaceAll("[.0]+$", "") + (kilobytes ? "KB" : "MB");
    }

    private static String questions(DocumentRepository.ServiceContact service) {
        String contact = service.contactLink() == null ? "" : service.contactLink();
        String how;
        if (EMAIL.matcher(contact).find()) {
            how = "email <a href=\"mailto:" + e(contact) + "\" class=\"govuk-link\">" + e(contact) + "</a>.";
        } else if (contact.startsWith("http")) {
            how = "<a href=\"" + e(contact) + "\" class=\"govuk-link\" rel=\"noreferrer\"> contact "
                    + e(service.name()) + "</a>.";
        } else {
            how = "call " + e(contact) + ".";
        }
        return "<p class=\"govuk-body\">If you have any questions, " + how + "</p>\n";
    }

    private static String page(String title, String main) {
        return document(title, "<h1 class=\"govuk-heading-l\">" + e(title) + "</h1>\n" + main);
    }

    private static String document(String title, String content) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"referrer\" content=\"never\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n"
                + "<title>" + e(title) + " – GOV.UK</title>\n</head>\n<body>\n<main class=\"govuk-main-wrapper\">\n"
                + content + "</main>\n</body>\n</html>\n";
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
