package org.notifyhub.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * Amazon SES through camel-aws2-ses. A MIME multipart/alternative body (plain text and HTML, as Notify sends)
 * makes the component call SendRawEmail; SES's message id becomes the notification's reference, and the notification
 * id travels as a message tag. SES has no idempotency token: a call left unanswered is re-checked before any resend
 * (DeliveryFailures), and the SES client itself never retries a send (AwsClientsConfiguration).
 */
@Component
@ConditionalOnProperty(name = "notify.email.provider", havingValue = "ses")
public class SesEmailProvider implements EmailProvider {

    /** The tag naming the notification, as SES's events carry it in {@code mail.tags}. */
    public static final String NOTIFICATION_ID_TAG = "notification_id";
    static final String TAGS_HEADER = "X-SES-MESSAGE-TAGS";
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    /** RFC 5322's limit on a line, without its CRLF. */
    private static final int MAX_LINE = 998;
    /** Well under the limit, leaving room for the header's name on the first line. */
    private static final int FOLDED_CHUNK = 900;

    private final ProducerTemplate producer;

    public SesEmailProvider(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public String send(EmailMessage message) {
        MimeMessage mime = mime(message);
        Exchange result = producer.send("aws2-ses://" + fromAddress(message), exchange -> exchange.getIn().setBody(mime));
        SesException ses = sesCause(result.getException());
        if (ses != null && ses.awsErrorDetails() != null && "InvalidParameterValue".equals(ses.awsErrorDetails().errorCode())) {
            throw new NonRetryableDeliveryException("SES rejected the email: " + ses.awsErrorDetails().errorMessage(), ses);
        }
        if (result.getException() != null) {
            throw new RetryableDeliveryException("SES send failed", result.getException());
        }
        return result.getMessage().getHeader("CamelAwsSesMessageId", String.class);
    }

    private static SesException sesCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SesException ses) {
                return ses;
            }
        }
        return null;
    }

    static MimeMessage mime(EmailMessage message) {
        try {
            MimeMessage mime = new MimeMessage(SESSION);
            mime.setFrom(new InternetAddress(message.from()));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
            if (message.replyTo() != null) {
                mime.setReplyTo(new InternetAddress[] {new InternetAddress(message.replyTo())});
            }
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            // SES turns this header into a message tag, echoed in every event about the email, and strips it before
            // sending: a receipt still finds its notification when the message id was never stored (an unanswered
            // call sent again after its re-check).
            mime.setHeader(TAGS_HEADER, NOTIFICATION_ID_TAG + "=" + message.notificationId());
            if (message.unsubscribeUrl() != null) {
                // RFC 8058 one-click unsubscribe, as Notify sends it; the URL passed the v2 schema's URI check, so it is
                // ASCII with no whitespace and needs no encoding.
                mime.setHeader(LIST_UNSUBSCRIBE, listUnsubscribe(message.unsubscribeUrl()));
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.plainText(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new NonRetryableDeliveryException("Cannot build the email for " + message.notificationId(), e);
        }
    }

    /**
     * {@code <url>}, folded when the header line would pass RFC 5322's 998 characters: RFC 2369 lets a long URL break
     * with whitespace inside the angle brackets, which mail clients ignore.
     */
    static String listUnsubscribe(String url) {
        String value = "<" + url + ">";
        if (LIST_UNSUBSCRIBE.length() + 2 + value.length() <= MAX_LINE) {
            return value;
        }
        StringBuilder folded = new StringBuilder(value.length() + value.length() / FOLDED_CHUNK * 3);
        for (int start = 0; start < value.length(); start += FOLDED_CHUNK) {
            folded.append(start == 0 ? "" : "\r\n ")
                    .append(value, start, Math.min(value.length(), start + FOLDED_CHUNK));
        }
        return folded.toString();
    }

    private static String fromAddress(EmailMessage message) {
        try {
            return new InternetAddress(message.from()).getAddress();
        } catch (MessagingException e) {
            throw new NonRetryableDeliveryException("Bad From address " + message.from(), e);
        }
    }
}
