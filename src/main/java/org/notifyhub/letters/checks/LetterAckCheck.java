package org.notifyhub.letters.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.notifyhub.alerts.Alert;
import org.notifyhub.alerts.Alerts;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.letters.responses.DvlaResponseFileParser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * raise-alert-if-no-letter-ack-file: every zip sent to DVLA today ({date}/zips_sent/{ZIP NAME}.TXT in the letters-pdf
 * bucket) must have DVLA's acknowledgement, root/dispatch/{ZIP NAME without .ZIP}.ACK.txt in the response bucket,
 * written in the last 24 hours. As in Notify since 2019 the names are compared, the ACK files' content is not read.
 */
@Component
public class LetterAckCheck {

    static final String ACK_PREFIX = "root/dispatch/";

    private final S3Client s3;
    private final Alerts alerts;
    private final Clock clock;
    private final String pdfBucket;
    private final String responseBucket;

    public LetterAckCheck(S3Client s3, Alerts alerts, Clock clock,
                          @Value("${notify.buckets.letters-pdf}") String pdfBucket,
                          @Value("${notify.buckets.dvla-response}") String responseBucket) {
        this.s3 = s3;
        this.alerts = alerts;
        this.clock = clock;
        this.pdfBucket = pdfBucket;
        this.responseBucket = responseBucket;
    }

    public Optional<Alert> check() {
        String zipsSent = LocalDate.now(clock.withZone(NotifyTime.LONDON)) + "/zips_sent/";
        Set<String> zips = names(pdfBucket, zipsSent, ".TXT", object -> true);
        Instant since = clock.instant().minus(Duration.ofDays(1));
        Set<String> acks = names(responseBucket, ACK_PREFIX, ".ACK.TXT", object -> !object.lastModified().isBefore(since));
        Set<String> missing = new TreeSet<>(zips);
        missing.removeAll(acks);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(alerts.raise("letter-ack-missing", "Letter acknowledge error",
                "Letter ack file does not contain all zip files sent. Missing ack for zip files: "
                        + DvlaResponseFileParser.pythonList(new ArrayList<>(missing)) + ", pdf bucket: " + pdfBucket
                        + ", subfolder: " + zipsSent.substring(0, zipsSent.length() - 1) + ", ack bucket: " + responseBucket));
    }

    /** Upper-cased base names with the suffix (and a zip's .ZIP) taken off. */
    private Set<String> names(String bucket, String prefix, String suffix, Predicate<S3Object> recent) {
        Set<String> names = new TreeSet<>();
        try {
            s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .filter(recent)
                    .map(object -> object.key().substring(object.key().lastIndexOf('/') + 1).toUpperCase(Locale.ROOT))
                    .filter(name -> name.endsWith(suffix))
                    .map(name -> strip(strip(name, suffix), ".ZIP"))
                    .filter(name -> !name.isEmpty())
                    .forEach(names::add);
        } catch (NoSuchBucketException e) {
            return names;
        }
        return names;
    }

    private static String strip(String name, String suffix) {
        return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
}
