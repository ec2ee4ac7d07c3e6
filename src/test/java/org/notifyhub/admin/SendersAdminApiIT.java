package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reply-to addresses, SMS senders and letter contacts: one default each, archived rather than deleted. */
class SendersAdminApiIT extends AdminApiTest {

    private UUID serviceId;

    @BeforeEach
    void service() {
        serviceId = fixtures.liveService();
    }

    @Test
    void theFirstReplyToBecomesTheDefaultAndANewDefaultTakesOver() {
        String replyTo = "/service/" + serviceId + "/email-reply-to";

        AdminClient.Response first = admin.post(replyTo, Map.of("email_address", "first@example.gov.uk", "is_default", false));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("data").get("is_default").asBoolean()).isTrue();
        String firstId = first.json().get("data").get("id").asText();

        AdminClient.Response second = admin.post(replyTo, Map.of("email_address", "second@example.gov.uk", "is_default", true));
        assertThat(second.json().get("data").get("is_default").asBoolean()).isTrue();
        String secondId = second.json().get("data").get("id").asText();

        assertThat(defaults("service_email_reply_to")).isEqualTo(1);
        JsonNode list = admin.get(replyTo).json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).isEqualTo(secondId);
        assertThat(admin.get(replyTo + "/" + firstId).json().get("is_default").asBoolean()).isFalse();

        AdminClient.Response duplicate = admin.post(replyTo, Map.of("email_address", "first@example.gov.uk", "is_default", false));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asText())
                .isEqualTo("‘first@example.gov.uk’ is already a reply-to email address for this service.");

        AdminClient.Response unsetDefault = admin.post(replyTo + "/" + secondId,
                Map.of("email_address", "second@example.gov.uk", "is_default", false));
        assertThat(unsetDefault.status()).isEqualTo(400);
        assertThat(unsetDefault.json().get("message").asText())
                .isEqualTo("You must have at least one reply to email address as the default.");

        assertThat(admin.post(replyTo + "/" + secondId + "/archive", null).json().get("message").asText())
                .isEqualTo("You cannot delete a default email reply to address");
        AdminClient.Response archived = admin.post(replyTo + "/" + firstId + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("data").get("archived").asBoolean()).isTrue();
        assertThat(admin.get(replyTo).json()).hasSize(1);
        assertThat(admin.get(replyTo + "/" + firstId).status()).isEqualTo(404);
    }

    @Test
    void aReplyToMustBeAnEmailAddress() {
        AdminClient.Response response = admin.post("/service/" + serviceId + "/email-reply-to",
                Map.of("email_address", "not an address", "is_default", true));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").get("email_address").get(0).asText())
                .isEqualTo("email_address Not a valid email address");
        assertThat(admin.post("/service/" + serviceId + "/email-reply-to", Map.of("email_address", "a@example.com"))
                .json().get("message").get("is_default").get(0).asText()).isEqualTo("is_default is a required property");
    }

    @Test
    void aServiceStartsWithNotifysSmsSenderAndKeepsExactlyOneDefault() {
        String senders = "/service/" + serviceId + "/sms-sender";
        JsonNode initial = admin.get(senders).json();
        assertThat(initial).hasSize(1);
        assertThat(initial.get(0).get("sms_sender").asText()).isEqualTo("GOVUK");
        String govuk = initial.get(0).get("id").asText();

        AdminClient.Response added = admin.post(senders, Map.of("sms_sender", "PASSPORTS", "is_default", true));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("sms_sender").asText()).isEqualTo("PASSPORTS");
        assertThat(added.json().get("inbound_number_id").isNull()).isTrue();
        assertThat(admin.get(senders + "/" + govuk).json().get("is_default").asBoolean()).isFalse();
        assertThat(defaults("service_sms_senders")).isEqualTo(1);

        assertThat(admin.post(senders, Map.of("sms_sender", "TWELVE CHARS", "is_default", false)).json()
                .get("message").get("sms_sender").get(0).asText())
                .isEqualTo("Text message sender ID cannot be longer than 11 characters");
        AdminClient.Response archivedGovuk = admin.post(senders + "/" + govuk + "/archive", null);
        assertThat(archivedGovuk.status()).isEqualTo(200);
        assertThat(admin.post(senders + "/" + added.json().get("id").asText() + "/archive", null).json()
                .get("message").asText()).isEqualTo("You cannot delete a default sms sender");
    }

    @Test
    void letterContactsMayHaveNoDefaultAndArchivingOneTakesItOffTemplates() {
        String contacts = "/service/" + serviceId + "/letter-contact";
        AdminClient.Response first = admin.post(contacts, Map.of("contact_block", "Office A", "is_default", false));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String firstId = first.json().get("data").get("id").asText();
        assertThat(first.json().get("data").get("is_default").asBoolean()).isTrue();

        AdminClient.Response unset = admin.post(contacts + "/" + firstId, Map.of("contact_block", "Office A2", "is_default", false));
        assertThat(unset.status()).isEqualTo(200);
        assertThat(unset.json().get("data").get("is_default").asBoolean()).isFalse();
        assertThat(unset.json().get("data").get("contact_block").asText()).isEqualTo("Office A2");
        assertThat(defaults("service_letter_contacts")).isZero();

        String templateId = admin.post("/service/" + serviceId + "/template", Map.of("name", "Letter",
                "template_type", "letter", "subject", "S", "content", "C", "created_by", AdminFixtures.SYSTEM_USER,
                "reply_to", firstId)).json().get("data").get("id").asText();
        assertThat(admin.post(contacts + "/" + firstId + "/archive", null).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT service_letter_contact_id FROM templates WHERE id = CAST(:id AS uuid)")
                .param("id", templateId).query(String.class).optional()).isEmpty();
    }

    @Test
    void unknownServicesAndSendersAreNotFound() {
        assertThat(admin.post("/service/" + UUID.randomUUID() + "/email-reply-to",
                Map.of("email_address", "a@example.com", "is_default", true)).status()).isEqualTo(404);
        assertThat(admin.get("/service/" + serviceId + "/sms-sender/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.post("/service/" + serviceId + "/letter-contact/" + UUID.randomUUID() + "/archive", null)
                .status()).isEqualTo(404);
    }

    private int defaults(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE service_id = :id AND is_default AND NOT archived")
                .param("id", serviceId).query(Integer.class).single();
    }
}
