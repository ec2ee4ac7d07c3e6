package org.notifyhub.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

/** The raw MIME message of a SendRawEmail call as SES (WireMock in tests) receives it: a form-encoded base64 field. */
public final class SesRawEmails {

    private SesRawEmails() {
    }

    public static MimeMessage message(String formBody) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(formBody)));
    }

    public static String text(String formBody) {
        return new String(bytes(formBody), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String formBody) {
        for (String pair : formBody.split("&")) {
            if (pair.startsWith("RawMessage.Data=")) {
                return Base64.getDecoder().decode(URLDecoder.decode(pair.substring(16), StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("No RawMessage.Data in " + formBody);
    }
}
