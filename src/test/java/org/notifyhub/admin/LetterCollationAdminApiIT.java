package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.notifyhub.common.ObjectStorage;
import org.notifyhub.letters.collation.LetterCollationFixtures;
import org.notifyhub.letters.collation.LetterCollationFixtures.Letter;
import org.notifyhub.letters.collation.PrintRun;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** POST /platform-admin/collate-letter-pdfs: tonight's run on demand, for the admin app only. */
class LetterCollationAdminApiIT extends AdminApiTest {

    @Autowired
    NotificationRepository notifications;
    @Autowired
    ObjectStorage storage;
    @Value("${notify.buckets.letters-pdf}")
    String bucket;

    @Test
    void needsTheAdminToken() {
        assertThat(admin.send("POST", "/platform-admin/collate-letter-pdfs", null, null).status()).isEqualTo(401);
    }

    @Test
    void sendsTonightsLettersAndSaysWhatItSent() {
        LetterCollationFixtures fixtures = new LetterCollationFixtures(testServices, notifications, storage, jdbc, bucket);
        PrintRun run = PrintRun.at(Instant.now());
        TestService service = fixtures.service('6', null);
        Letter letter = fixtures.letter(service, "first", run.deadlineUtc().minusMinutes(5), 2000);

        AdminClient.Response response = admin.post("/platform-admin/collate-letter-pdfs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/print_date").asText()).isEqualTo(run.date().toString());
        List<String> sent = StreamSupport.stream(response.json().at("/data/zips_sent").spliterator(), false)
                .map(zip -> zip.get("name").asText())
                .filter(name -> name.contains(service.id().toString()))
                .toList();
        assertThat(sent).singleElement().asString().startsWith("NOTIFY." + run.date() + ".1.");
        assertThat(response.json().at("/data/zips_failed").isArray()).isTrue();
        assertThat(fixtures.status(letter)).isEqualTo("sending");
    }
}
