package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.jobs.JobWatchdogs;
import org.notifyhub.support.TestServices;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;

/** CSV jobs through the admin API: upload, create (now or scheduled), process, statistics, cancel, and refusals. */
class JobsAdminApiIT extends AdminApiTest {

    @Autowired
    private ObjectStorage store;

    @Autowired
    private JobWatchdogs watchdogs;

    @Test
    void aThousandRowJobUsesItsSenderAndItsStatisticsMatchItsNotifications() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        UUID senderId = testServices.addSmsSender(service.id(), "JOBSENDER");
        StringBuilder csv = new StringBuilder("phone number,name\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(String.format("07800%06d,Person %d%n", 100000 + i, i));
        }

        String jobId = upload(service, service.smsTemplate(), csv.toString(), "&sender_id=" + senderId);
        AdminClient.Response created = createJob(service, jobId, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/data/job_status").asText()).isEqualTo("pending");
        assertThat(created.json().at("/data/notification_count").asInt()).isEqualTo(1000);
        assertThat(created.json().at("/data/original_file_name").asText()).isEqualTo("people.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> count(jobId) == 1000);
        assertThat(jdbc.sql("SELECT DISTINCT reply_to_text FROM notifications WHERE job_id = :j")
                .param("j", UUID.fromString(jobId)).query(String.class).list()).containsExactly("JOBSENDER");
        assertThat(jdbc.sql("SELECT count(DISTINCT job_row_number) FROM notifications WHERE job_id = :j")
                .param("j", UUID.fromString(jobId)).query(Long.class).single()).isEqualTo(1000);

        await().atMost(Duration.ofSeconds(180)).untilAsserted(() ->
                assertThat(statusCounts(jobId)).isEqualTo(Map.of("delivered", 1000L)));
        // a later receipt changes three of them: the job's statistics follow its notifications
        jdbc.sql("UPDATE notifications SET notification_status = 'permanent-failure' WHERE job_id = :j"
                + " AND job_row_number IN (7, 70, 700)").param("j", UUID.fromString(jobId)).update();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(statusCounts(jobId)).isEqualTo(Map.of("delivered", 997L, "permanent-failure", 3L));
            JsonNode job = admin.get("/service/" + service.id() + "/job/" + jobId).json().at("/data");
            Map<String, Long> shown = new LinkedHashMap<>();
            job.at("/statistics").forEach(s -> shown.put(s.get("status").asText(), s.get("count").asLong()));
            assertThat(shown).isEqualTo(statusCounts(jobId));
            assertThat(job.at("/job_status").asText()).isEqualTo("finished");
            assertThat(job.at("/processing_finished").isNull()).isFalse();
        });
    }

    @Test
    void aScheduledJobWaitsForItsTimeThenRunsAndACancelledOneNeverDoes() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        String csv = "email address,name\nada@example.com,Ada\ngrace@example.com,Grace\n";
        String later = upload(service, service.emailTemplate(), csv, "");
        String cancelled = upload(service, service.emailTemplate(), csv, "");
        String inAnHour = LocalDateTime.now(ZoneOffset.UTC).plusHours(1).toString();

        AdminClient.Response scheduled = createJob(service, later, inAnHour);
        createJob(service, cancelled, inAnHour);
        AdminClient.Response cancel = admin.post("/service/" + service.id() + "/job/" + cancelled + "/cancel", "{}");
        AdminClient.Response cancelAgain = admin.post("/service/" + service.id() + "/job/" + cancelled + "/cancel", "{}");

        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.json().at("/data/job_status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.json().at("/data/scheduled_for").asText()).isNotBlank();
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().at("/data/job_status").asText()).isEqualTo("cancelled");
        assertThat(cancelAgain.status()).isEqualTo(404);
        watchdogs.runScheduledJobs();
        assertThat(status(later)).isEqualTo("scheduled");
        assertThat(count(later)).isZero();

        // its time comes
        jdbc.sql("UPDATE jobs SET scheduled_for = :t WHERE id IN (:ids)")
                .param("t", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .param("ids", List.of(UUID.fromString(later), UUID.fromString(cancelled))).update();
        watchdogs.runScheduledJobs(); // as the 15-minute trigger would

        await().atMost(Duration.ofSeconds(30)).until(() -> count(later) == 2);
        assertThat(count(cancelled)).isZero();
        assertThat(status(cancelled)).isEqualTo("cancelled");
    }

    @Test
    void aLetterJobSavesAddressedLettersThatGetTheirPdfs() throws Exception {
        TestService service = testServices.create(false, List.of("letter"));
        String jobId = upload(service, service.letterTemplate(),
                "address line 1,address line 2,address line 3,postcode,name\n"
                        + "Ada Lovelace,1 Street,London,sw1a1aa,Ada\nGrace Hopper,2 Road,Leeds,LS1 1AA,Grace\n", "");

        createJob(service, jobId, null);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notifications WHERE job_id = :j AND billable_units > 0 AND notification_status = 'created'")
                .param("j", UUID.fromString(jobId)).query(Long.class).single() == 2);
        assertThat(jdbc.sql("SELECT \"to\" FROM notifications WHERE job_id = :j AND job_row_number = 0")
                .param("j", UUID.fromString(jobId)).query(String.class).single())
                .isEqualTo("Ada Lovelace\n1 Street\nLondon\nSW1A 1AA");
        assertThat(jdbc.sql("SELECT DISTINCT postage FROM notifications WHERE job_id = :j")
                .param("j", UUID.fromString(jobId)).query(String.class).list()).containsExactly("second");
    }

    @Test
    void aJobsNotificationsAreListedInRowOrderAndAreNotOneOffSends() throws Exception {
        TestService service = testServices.create(false, List.of("email"));
        String jobId = upload(service, service.emailTemplate(),
                "email address,name\nc@example.com,C\na@example.com,A\nb@example.com,B\n", "");
        createJob(service, jobId, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jobId) == 3);

        JsonNode all = admin.get("/service/" + service.id() + "/job/" + jobId + "/notifications").json();
        JsonNode firstTwo = admin.get("/service/" + service.id() + "/job/" + jobId + "/notifications?page_size=2").json();
        JsonNode notOneOff = admin.get("/service/" + service.id() + "/notifications?include_one_off=false").json();

        assertThat(all.at("/total").asInt()).isEqualTo(3);
        assertThat(all.at("/notifications").findValuesAsText("to")).containsExactly("c@example.com", "a@example.com",
                "b@example.com");
        assertThat(all.at("/notifications").findValuesAsText("job_row_number")).containsExactly("0", "1", "2");
        assertThat(firstTwo.at("/notifications").size()).isEqualTo(2);
        assertThat(firstTwo.at("/links/next").asText()).endsWith("/job/" + jobId + "/notifications?page=2");
        assertThat(notOneOff.at("/notifications").size()).as("job rows are not one-off sends").isEqualTo(3);
        assertThat(admin.get("/service/" + service.id() + "/job/" + UUID.randomUUID() + "/notifications").status())
                .isEqualTo(404);
    }

    @Test
    void aJobOverTheDailyLimitSendsNothing() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        testServices.setDailyLimit(service.id(), "sms", 3);
        String jobId = upload(service, service.smsTemplate(),
                "phone number,name\n07700900123,A\n07700900124,B\n07700900125,C\n07700900126,D\n", "");

        createJob(service, jobId, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> "sending limits exceeded".equals(status(jobId)));
        assertThat(count(jobId)).isZero();
    }

    @Test
    void internationalRowsCountAgainstTheInternationalLimitAllOrNothing() throws Exception {
        TestService service = testServices.create(false, List.of("sms", "international_sms"));
        testServices.setDailyLimit(service.id(), "international_sms", 1);
        String tooMany = upload(service, service.smsTemplate(),
                "phone number,name\n+1 202 555 0104,A\n+1 202 555 0105,B\n07700900123,C\n", "");
        String oneAbroad = upload(service, service.smsTemplate(), "phone number,name\n+1 202 555 0106,A\n07700900124,B\n", "");

        createJob(service, tooMany, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "sending limits exceeded".equals(status(tooMany)));
        assertThat(count(tooMany)).isZero();
        assertThat(used(service, "sms")).as("nothing taken when the international limit refuses").isZero();

        createJob(service, oneAbroad, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(oneAbroad) == 2);
        assertThat(used(service, "sms")).isEqualTo(2);
        assertThat(used(service, "international_sms")).isEqualTo(1);
    }

    private long used(TestService service, String channel) {
        return jdbc.sql("SELECT COALESCE(sum(count), 0) FROM daily_limit_counters WHERE service_id = :s AND channel = :c")
                .param("s", service.id()).param("c", channel).query(Long.class).single();
    }

    @Test
    void creatingAJobIsRefusedWithNotifysAnswers() throws Exception {
        TestService service = testServices.create(false, List.of("sms", "letter"));
        TestService trial = testServices.create(true, List.of("sms", "letter"));
        String notValid = storeCsv(service, service.smsTemplate(), "False");
        String letterInTrial = storeCsv(trial, trial.letterTemplate(), "True");
        String good = storeCsv(service, service.smsTemplate(), "True");

        AdminClient.Response invalidFile = createJob(service, notValid, null);
        AdminClient.Response trialLetter = createJob(trial, letterInTrial, null);
        AdminClient.Response noSuchUpload = createJob(service, UUID.randomUUID().toString(), null);
        AdminClient.Response noCreator = admin.post("/service/" + service.id() + "/job", "{\"id\": \"" + good + "\"}");
        AdminClient.Response inThePast = createJob(service, good,
                LocalDateTime.now(ZoneOffset.UTC).minusHours(1).toString());
        AdminClient.Response tooFarAhead = createJob(service, good,
                LocalDateTime.now(ZoneOffset.UTC).plusDays(8).toString());

        assertThat(invalidFile.status()).isEqualTo(400);
        assertThat(invalidFile.json().at("/message").asText()).isEqualTo("File is not valid, can't create job");
        assertThat(trialLetter.status()).isEqualTo(403);
        assertThat(trialLetter.json().at("/message").asText())
                .isEqualTo("Create letter job is not allowed for service in trial mode ");
        assertThat(noSuchUpload.status()).isEqualTo(400);
        assertThat(noSuchUpload.json().at("/message/id/0").asText()).isEqualTo("Missing data for required field.");
        assertThat(noCreator.status()).isEqualTo(400);
        assertThat(noCreator.json().at("/message/created_by/0").asText()).isEqualTo("Missing data for required field.");
        assertThat(inThePast.json().at("/message/scheduled_for/0").asText()).isEqualTo("Date cannot be in the past");
        assertThat(tooFarAhead.json().at("/message/scheduled_for/0").asText())
                .isEqualTo("Date cannot be more than 7 days in the future");

        jdbc.sql("UPDATE templates SET archived = true WHERE id = :id").param("id", service.smsTemplate()).update();
        jdbc.sql("UPDATE templates_history SET archived = true WHERE id = :id").param("id", service.smsTemplate()).update();
        AdminClient.Response archived = createJob(service, good, null);
        assertThat(archived.status()).isEqualTo(400);
        assertThat(archived.json().at("/message/template/0").asText()).isEqualTo("Template has been deleted");

        testServices.archive(service.id());
        AdminClient.Response inactive = createJob(service, good, null);
        assertThat(inactive.status()).isEqualTo(403);
        assertThat(inactive.json().at("/message").asText()).isEqualTo("Create job is not allowed: service is inactive ");

        assertThat(jdbc.sql("SELECT count(*) FROM jobs WHERE service_id IN (:ids)")
                .param("ids", List.of(service.id(), trial.id())).query(Long.class).single()).isZero();
    }

    @Test
    void badFilesGetRowErrorsAndNeverBecomeJobs() throws Exception {
        TestService service = testServices.create(false, List.of("sms"));
        StringBuilder tooMany = new StringBuilder("phone number,name\n");
        for (int i = 0; i <= 100_000; i++) {
            tooMany.append("07700900123,A\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("no recipient column", "name\nAda\n");
        files.put("bad numbers", "phone number,name\n0770090012a,Ada\n12345,Bob\n");
        files.put("missing cells", "phone number,name\n07700900123,\n");
        files.put("too many rows", tooMany.toString());
        files.put("not a CSV", "\u0000\u0001PK\u0003\u0004binary");

        for (Map.Entry<String, String> file : files.entrySet()) {
            AdminClient.Response response = admin.send("POST", "/service/" + service.id() + "/job/upload?template_id="
                    + service.smsTemplate(), file.getValue(), "Bearer " + admin.token(), "text/csv");
            assertThat(response.status()).as(file.getKey()).isEqualTo(400);
            JsonNode errors = response.json().at("/message");
            assertThat(errors.at("/file_errors").size() + errors.at("/row_errors").size()).as(file.getKey()).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM jobs WHERE service_id = :s").param("s", service.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aServiceInTrialModeCanUploadOnlyItsTeamAndGuestList() throws Exception {
        TestService trial = testServices.create(true, List.of("sms"));
        testServices.addToGuestList(trial.id(), "mobile", "07700900123");

        AdminClient.Response stranger = admin.send("POST", "/service/" + trial.id() + "/job/upload?template_id="
                + trial.smsTemplate(), "phone number,name\n07700900999,Eve\n", "Bearer " + admin.token(), "text/csv");
        String guestJob = upload(trial, trial.smsTemplate(), "phone number,name\n+447700900123,Guest\n", "");

        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().at("/message/file_errors/0").asText())
                .isEqualTo("You cannot send to this phone number. In trial mode you can only send to yourself and"
                        + " members of your team.");
        assertThat(createJob(trial, guestJob, null).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(guestJob) == 1);
    }

    private String upload(TestService service, UUID template, String csv, String extra) throws Exception {
        AdminClient.Response response = admin.send("POST", "/service/" + service.id() + "/job/upload?template_id="
                + template + "&original_file_name=people.csv" + extra, csv, "Bearer " + admin.token(), "text/csv");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/data/job_id").asText();
    }

    private String storeCsv(TestService service, UUID template, String valid) {
        UUID jobId = UUID.randomUUID();
        store.put("notifications-csv-upload", "service-" + service.id() + "-notify/" + jobId + ".csv",
                "phone number,name\n07700900123,Ada\n".getBytes(), "text/csv",
                Map.of("template_id", template.toString(), "original_file_name", "a.csv", "notification_count", "1",
                        "valid", valid));
        return jobId.toString();
    }

    private AdminClient.Response createJob(TestService service, String jobId, String scheduledFor) throws Exception {
        String body = "{\"id\": \"" + jobId + "\", \"created_by\": \"" + TestServices.SYSTEM_USER + "\""
                + (scheduledFor == null ? "" : ", \"scheduled_for\": \"" + scheduledFor + "\"") + "}";
        return admin.post("/service/" + service.id() + "/job", body);
    }

    private long count(String jobId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE job_id = :j").param("j", UUID.fromString(jobId))
                .query(Long.class).single();
    }

    private String status(String jobId) {
        return jdbc.sql("SELECT job_status FROM jobs WHERE id = :j").param("j", UUID.fromString(jobId))
                .query(String.class).single();
    }

    private Map<String, Long> statusCounts(String jobId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT notification_status, count(*) FROM notifications WHERE job_id = :j"
                        + " GROUP BY notification_status ORDER BY notification_status")
                .param("j", UUID.fromString(jobId))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
