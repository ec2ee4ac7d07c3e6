package org.notifyhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.recipients.PostalAddress;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateType;

/** The factories fill a new row as each kind of send did by hand; the enums keep the wire names. */
class NotificationRowTest {

    private static final UUID SERVICE = UUID.randomUUID();
    private static final UUID KEY = UUID.randomUUID();
    private static final LocalDateTime NOW = LocalDateTime.parse("2024-05-01T10:00:00");
    private static final PostalAddress UK = new PostalAddress(List.of("A Person", "1 Street", "SW1A 1AA"), "SW1A 1AA",
            false, null);
    private static final PostalAddress ABROAD = new PostalAddress(List.of("A Person", "1 Rue", "France"), null, true,
            "europe");

    @Test
    void anApiEmailIsCreatedWithItsNormalisedAddressAndReplyTo() {
        StoredTemplate template = template("email", null);
        NotificationRow row = NotificationRow.email(UUID.randomUUID(),
                NotificationOrigin.api(SERVICE, template, KEY, KeyType.TEAM, NOW), "Someone@Example.com", "reply@x.y",
                "client-ref", "encrypted", null, null);

        assertThat(row.notificationType()).isEqualTo(NotificationType.EMAIL);
        assertThat(row.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(row.to()).isEqualTo("Someone@Example.com");
        assertThat(row.normalisedTo()).isEqualTo("someone@example.com");
        assertThat(row).extracting(NotificationRow::serviceId, NotificationRow::templateId,
                NotificationRow::templateVersion, NotificationRow::apiKeyId, NotificationRow::keyType,
                NotificationRow::createdAt, NotificationRow::replyToText, NotificationRow::clientReference,
                NotificationRow::encryptedPersonalisation, NotificationRow::billableUnits, NotificationRow::jobId,
                NotificationRow::reference, NotificationRow::postage, NotificationRow::international)
                .containsExactly(SERVICE, template.id(), 4, KEY, KeyType.TEAM, NOW, "reply@x.y", "client-ref",
                        "encrypted", 0, null, null, null, false);
    }

    /** The high-volume path queues rows as JSON: an email's files must still be counted once it is saved. */
    @Test
    void anEmailWithFilesKeepsItsDocumentDownloadCountThroughJson() throws Exception {
        NotificationRow row = NotificationRow.email(UUID.randomUUID(),
                NotificationOrigin.api(SERVICE, template("email", null), KEY, KeyType.NORMAL, NOW), "a@example.com",
                null, null, "encrypted", null, 2);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

        NotificationRow read = mapper.readValue(mapper.writeValueAsString(row), NotificationRow.class);

        assertThat(read.documentDownloadCount()).isEqualTo(2);
        assertThat(read).isEqualTo(row);
    }

    @Test
    void aTextMessageCarriesItsFragmentsSenderAndCountryPrefix() {
        NotificationRow row = NotificationRow.sms(UUID.randomUUID(),
                NotificationOrigin.api(SERVICE, template("sms", null), KEY, KeyType.NORMAL, NOW), "+33 6 12 34 56 78",
                PhoneNumbers.parse("+33 6 12 34 56 78"), 2, "GOVUK", null, "encrypted");

        assertThat(row).extracting(NotificationRow::notificationType, NotificationRow::to, NotificationRow::normalisedTo,
                        NotificationRow::billableUnits, NotificationRow::replyToText, NotificationRow::international,
                        NotificationRow::phonePrefix)
                .containsExactly(NotificationType.SMS, "+33 6 12 34 56 78", "33612345678", 2, "GOVUK", true, "33");
    }

    @Test
    void aLetterTakesItsPostageFromItsAddressThenItsTemplateThenSecondClass() {
        NotificationOrigin firstClass = NotificationOrigin.api(SERVICE, template("letter", "first"), KEY,
                KeyType.NORMAL, NOW);
        NotificationOrigin noPostage = NotificationOrigin.api(SERVICE, template("letter", null), KEY, KeyType.NORMAL,
                NOW);

        assertThat(NotificationRow.letter(UUID.randomUUID(), firstClass, ABROAD, null, null, "e").postage())
                .isEqualTo("europe");
        assertThat(NotificationRow.letter(UUID.randomUUID(), firstClass, UK, null, null, "e").postage())
                .isEqualTo("first");
        assertThat(NotificationRow.letter(UUID.randomUUID(), noPostage, UK, null, null, "e").postage())
                .isEqualTo("second");
    }

    @Test
    void aLetterGetsADvlaReferenceAndATestKeysLetterIsSendingAtOnce() {
        StoredTemplate template = template("letter", null);
        NotificationRow live = NotificationRow.letter(UUID.randomUUID(),
                NotificationOrigin.api(SERVICE, template, KEY, KeyType.NORMAL, NOW), UK, "Contact block", "ref", "e");
        NotificationRow test = NotificationRow.letter(UUID.randomUUID(),
                NotificationOrigin.api(SERVICE, template, KEY, KeyType.TEST, NOW), UK, null, null, "e");

        assertThat(live.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(test.status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(live.reference()).matches("[A-Z0-9]{16}");
        assertThat(live).extracting(NotificationRow::to, NotificationRow::normalisedTo, NotificationRow::replyToText,
                        NotificationRow::billableUnits)
                .containsExactly("A Person\n1 Street\nSW1A 1AA", "aperson1streetsw1a1aa", "Contact block", 0);
    }

    @Test
    void aPrecompiledLetterWaitsForItsScanUnderTheReferenceItsPdfWasStoredWith() {
        NotificationRow row = NotificationRow.precompiledLetter(UUID.randomUUID(),
                NotificationOrigin.api(SERVICE, template("letter", null), KEY, KeyType.NORMAL, NOW), "ABCDEFGHIJKLMNOP",
                null, "ref", "e");

        assertThat(row).extracting(NotificationRow::status, NotificationRow::reference, NotificationRow::to,
                        NotificationRow::normalisedTo, NotificationRow::postage, NotificationRow::notificationType)
                .containsExactly(NotificationStatus.PENDING_VIRUS_CHECK, "ABCDEFGHIJKLMNOP", "Provided as PDF",
                        "provided as pdf", "second", NotificationType.LETTER);
    }

    @Test
    void aJobsRowsAreLiveWithoutAKeyAndKnowTheirJobRow() {
        UUID job = UUID.randomUUID();
        NotificationRow row = NotificationRow.email(UUID.randomUUID(),
                NotificationOrigin.jobRow(SERVICE, template("email", null), job, 7, NOW), "a@b.co", null, null, "e", null, null);

        assertThat(row).extracting(NotificationRow::jobId, NotificationRow::jobRowNumber, NotificationRow::apiKeyId,
                NotificationRow::keyType).containsExactly(job, 7, null, KeyType.NORMAL);
    }

    @Test
    void typesMapToTemplateTypesAndKeepTheirWireNamesInJson() throws Exception {
        assertThat(NotificationType.of(TemplateType.SMS)).isEqualTo(NotificationType.SMS);
        assertThat(NotificationType.LETTER.templateType()).isEqualTo(TemplateType.LETTER);
        assertThat(NotificationType.fromWireName("email")).isEqualTo(NotificationType.EMAIL);
        assertThat(KeyType.fromWireName("team")).isEqualTo(KeyType.TEAM);
        assertThatThrownBy(() -> KeyType.fromWireName("live")).isInstanceOf(IllegalArgumentException.class);

        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        UUID id = UUID.randomUUID();
        JsonNode task = mapper.readTree(mapper.writeValueAsString(DeliveryTask.first(id, NotificationType.SMS)));
        assertThat(task.get("notification_type").asText()).isEqualTo("sms");
        assertThat(mapper.readValue("{\"notification_id\":\"" + id + "\",\"notification_type\":\"email\",\"attempt\":1}",
                DeliveryTask.class)).isEqualTo(new DeliveryTask(id, NotificationType.EMAIL, 1));

        NotificationRow row = NotificationRow.email(id, NotificationOrigin.api(SERVICE, template("email", null), KEY,
                KeyType.TEST, NOW), "a@b.co", null, null, "e", null, null);
        JsonNode json = mapper.readTree(mapper.writeValueAsString(row));
        assertThat(json.get("keyType").asText()).isEqualTo("test");
        assertThat(json.get("notificationType").asText()).isEqualTo("email");
        assertThat(mapper.treeToValue(json, NotificationRow.class)).isEqualTo(row);
    }

    private static StoredTemplate template(String type, String postage) {
        return new StoredTemplate(UUID.randomUUID(), SERVICE, "T", type, "S", "C", 4, false, false, postage, NOW, NOW,
                "someone@example.com");
    }
}
