package org.notifyhub.receipts.sns;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks that an SNS message really comes from Amazon SNS, for one of the topics the hub subscribed to: the topic must
 * be one of {@code notify.ses.sns.topic-arns} (none configured: nothing is accepted), the signing certificate must
 * be served from SNS's own address and be within its validity dates, and the signature (version 1: SHA1withRSA,
 * version 2: SHA256withRSA) must match the fields SNS signs. (The AWS SDK for Java 2 has no SNS message verifier to
 * use instead.)
 */
@Component
public class SnsMessageVerifier {

    private static final List<String> NOTIFICATION_FIELDS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> SUBSCRIPTION_FIELDS = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");

    private final Pattern certificateUrl;
    private final Set<String> topics;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    public SnsMessageVerifier(@Value("${notify.ses.sns.certificate-url-pattern}") String certificateUrl,
                              @Value("${notify.ses.sns.topic-arns:}") List<String> topics, Clock clock) {
        this.certificateUrl = Pattern.compile(certificateUrl);
        this.topics = topics.stream().map(String::trim).filter(topic -> !topic.isEmpty()).collect(Collectors.toSet());
        this.clock = clock;
    }

    public void verify(JsonNode message) {
        String topic = message.path("TopicArn").asText("");
        if (!topics.contains(topic)) {
            throw new InvalidSnsMessageException("SNS topic not one this hub subscribed to: " + topic);
        }
        String certUrl = message.path("SigningCertURL").asText("");
        if (!certificateUrl.matcher(certUrl).matches()) {
            throw new InvalidSnsMessageException("SNS signing certificate URL not trusted: " + certUrl);
        }
        String algorithm = switch (message.path("SignatureVersion").asText("")) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new InvalidSnsMessageException("Unknown SNS signature version");
        };
        List<String> fields = "Notification".equals(message.path("Type").asText()) ? NOTIFICATION_FIELDS : SUBSCRIPTION_FIELDS;
        StringBuilder signed = new StringBuilder();
        for (String field : fields) {
            if (message.hasNonNull(field)) {
                signed.append(field).append('\n').append(message.get(field).asText()).append('\n');
            }
        }
        try {
            X509Certificate certificate = certificate(certUrl);
            certificate.checkValidity(Date.from(clock.instant()));
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate);
            signature.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(Base64.getDecoder().decode(message.path("Signature").asText("")))) {
                throw new InvalidSnsMessageException("SNS signature does not match");
            }
        } catch (InvalidSnsMessageException e) {
            throw e;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new InvalidSnsMessageException("SNS signing certificate outside its validity dates: " + e.getMessage());
        } catch (Exception e) {
            throw new InvalidSnsMessageException("SNS signature could not be checked: " + e.getMessage());
        }
    }

    private X509Certificate certificate(String url) {
        return certificates.computeIfAbsent(url, this::download);
    }

    private X509Certificate download(String url) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new InvalidSnsMessageException("SNS signing certificate not available: HTTP " + response.statusCode());
            }
            try (InputStream body = response.body()) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(body);
            }
        } catch (InvalidSnsMessageException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidSnsMessageException("SNS signing certificate not readable: " + e.getMessage());
        }
    }
}
