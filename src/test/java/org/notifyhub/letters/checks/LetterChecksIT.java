package org.notifyhub.letters.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.LetterRows;
import org.notifyhub.support.AlertWebhook;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The letter watchdogs against the real database and buckets, run through their routes, and their schedules. */
class LetterChecksIT extends HubIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ProducerTemplate producer;

    @Autowired
    private LetterChecksRepository repository;

    @Autowired
    private ObjectStorage storage;

    @Autowired
    private Scheduler scheduler;

    @Value("${notify.buckets.letters-pdf}")
    private String pdfBucket;

    @Value("${notify.buckets.dvla-response}")
    private String responseBucket;

    private LetterRows letters;
    private TestService service;

    @BeforeEach
    void service() {
        letters = new LetterRows(jdbc);
        service = testServices.create(false, List.of("letter"));
    }

    @Test
    void stillSendingFindsLiveLettersSentBeforeTheCutOff() {
        LocalDateTime longAgo = LocalDateTime.now(ZoneOffset.UTC).minusDays(40);
        String old = LetterRows.reference();
        letters.insert(service, old, "sending", longAgo);
        String testKey = LetterRows.reference();
        letters.insert(service, testKey, "sending", longAgo, "test");
        String afterCutOff = LetterRows.reference();
        letters.insert(service, afterCutOff, "sending", longAgo.plusDays(1));

        LetterChecksRepository.Found found = repository.stillSending(longAgo.plusHours(2), 1000);

        assertThat(found.listed()).contains(old).doesNotContain(testKey, afterCutOff);
        assertThat(found.count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void lettersStillCreatedAfterYesterdaysDeadlineRaiseAnAlert() {
        String stuck = LetterRows.reference();
        letters.insert(service, stuck, "created", LocalDateTime.now(ZoneOffset.UTC).minusDays(30));
        String recent = LetterRows.reference();
        letters.insert(service, recent, "created", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5));

        producer.requestBody("direct:check-if-letters-still-in-created", (Object) null);

        assertThat(AlertWebhook.mentioning(stuck)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("kind", "letters-still-in-created");
            assertThat((String) alert.get("body")).contains("still have 'created' status").doesNotContain(recent);
        });
    }

    @Test
    void precompiledLettersPendingVirusCheckForNinetyMinutesRaiseAnAlert() {
        UUID stuck = letters.insert(service, LetterRows.reference(), "pending-virus-check",
                LocalDateTime.now(ZoneOffset.UTC).minusDays(20));
        UUID scanning = letters.insert(service, LetterRows.reference(), "pending-virus-check",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(30));

        producer.requestBody("direct:check-if-letters-still-pending-virus-check", (Object) null);

        assertThat(AlertWebhook.mentioning(stuck.toString())).singleElement().satisfies(alert ->
                assertThat((String) alert.get("body")).contains("pending-virus-check for over 90 minutes")
                        .doesNotContain(scanning.toString()));
    }

    @Test
    void aZipSentTodayWithoutDvlasAcknowledgementRaisesAnAlert() {
        String today = LocalDate.now(NotifyTime.LONDON).toString();
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String acknowledged = "NOTIFY." + today + ".001." + tag;
        String missing = "NOTIFY." + today + ".002." + tag;
        put(pdfBucket, today + "/zips_sent/" + acknowledged + ".ZIP.TXT", "[\"A.PDF\"]");
        put(pdfBucket, today + "/zips_sent/" + missing + ".ZIP.TXT", "[\"B.PDF\"]");
        put(responseBucket, "root/dispatch/" + acknowledged + ".ACK.txt", "");

        producer.requestBody("direct:raise-alert-if-no-letter-ack-file", (Object) null);

        assertThat(AlertWebhook.mentioning(tag)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("title", "Letter acknowledge error");
            assertThat((String) alert.get("body")).contains("'" + missing + "'").doesNotContain(acknowledged);
        });

        put(responseBucket, "root/dispatch/" + missing.toLowerCase() + ".ack.TXT", "");
        producer.requestBody("direct:raise-alert-if-no-letter-ack-file", (Object) null);

        assertThat(AlertWebhook.mentioning(tag)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "raise-alert-if-letter-notifications-still-sending; 0 30 16 ? * MON-FRI",
            "check-if-letters-still-in-created; 0 0 7 ? * MON-FRI",
            "check-if-letters-still-pending-virus-check; 0 0 9,15 ? * MON-FRI",
            "raise-alert-if-no-letter-ack-file; 0 0 23 * * ?"})
    void eachCheckRunsOnItsLondonSchedule(String job, String cron) throws Exception {
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey(job, "notify"))).isInstanceOfSatisfying(CronTrigger.class,
                trigger -> {
                    assertThat(trigger.getCronExpression()).isEqualTo(cron);
                    assertThat(trigger.getTimeZone().getID()).isEqualTo("Europe/London");
                });
    }

    private void put(String bucket, String key, String content) {
        storage.put(bucket, key, content.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
    }
}
