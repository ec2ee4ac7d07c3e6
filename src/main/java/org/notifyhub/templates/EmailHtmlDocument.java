package org.notifyhub.templates;

/** A plain, well-formed HTML email around a rendered body: no banner or branding, just readable defaults. */
final class EmailHtmlDocument {

    private EmailHtmlDocument() {
    }

    static String wrap(String subject, String htmlBody) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width\">\n"
                + "<title>" + HtmlEntities.escapeMarkup(subject) + "</title>\n"
                + "</head>\n"
                + "<body style=\"font-family: Helvetica, Arial, sans-serif; font-size: 16px; margin: 0; color: #0B0C0C;\">\n"
                + "<table role=\"presentation\" style=\"border-collapse: collapse; max-width: 580px; width: 100%;\""
                + " cellpadding=\"0\" cellspacing=\"0\" border=\"0\" align=\"center\">\n"
                + "<tr>\n"
                + "<td style=\"font-family: Helvetica, Arial, sans-serif; font-size: 19px; line-height: 1.315789474;"
                + " padding: 20px 10px; color: #0B0C0C;\">\n"
                + htmlBody + "\n"
                + "</td>\n"
                + "</tr>\n"
                + "</table>\n"
                + "</body>\n"
                + "</html>\n";
    }
}
