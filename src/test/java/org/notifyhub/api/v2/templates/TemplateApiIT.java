package org.notifyhub.api.v2.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.Template;
import uk.gov.service.notify.TemplatePreview;

/** GET /v2/template(s) and POST /v2/template/{id}/preview through GOV.UK Notify's official Java client. */
class TemplateApiIT extends TemplateServiceTest {

    static final String EMAIL_SUBJECT = "Your appointment, ((name))";
    static final String EMAIL_BODY = "Dear ((Name)),\n\nYour appointment is on ((date)).\n\n((show_map??Here is a map.))\n\n"
            + "Ref: ((reference))";
    static final String SMS_BODY = "Hello ((name)), your code is ((code)).";
    static final String LETTER_SUBJECT = "Letter about ((topic))";
    static final String LETTER_BODY = "Dear ((name)),\n\nThis is about ((topic)).";
    static final String CONTACT_BLOCK = "The Council\n((department))";

    private NotificationClient client;
    private UUID email;
    private UUID sms;
    private UUID letter;

    @BeforeEach
    void createTemplates() {
        client = new NotificationClient(service.normalKey(), baseUrl());
        email = newTemplate("Appointment email", "email", EMAIL_SUBJECT, EMAIL_BODY);
        sms = newTemplate("Appointment code", "sms", null, SMS_BODY);
        letter = newTemplate("Appointment letter", "letter", LETTER_SUBJECT, LETTER_BODY);
    }

    @Test
    void getTemplateByIdShowsTheRawTemplateAndItsPlaceholders() throws Exception {
        Template template = client.getTemplateById(email.toString());

        assertThat(template.getId()).isEqualTo(email);
        assertThat(template.getName()).isEqualTo("Appointment email");
        assertThat(template.getTemplateType()).isEqualTo("email");
        assertThat(template.getVersion()).isEqualTo(1);
        assertThat(template.getBody()).isEqualTo(EMAIL_BODY);
        assertThat(template.getSubject()).contains(EMAIL_SUBJECT);
        assertThat(template.getCreatedAt().getOffset().getTotalSeconds()).isZero();
        assertThat(template.getUpdatedAt()).isEmpty();
        assertThat(template.getLetterContactBlock()).isEmpty();
        // subject first, each name once as first spelt, conditionals under their name
        assertThat(template.getPersonalisation().orElseThrow()).containsOnlyKeys("name", "date", "show_map", "reference");
        assertThat(template.getPersonalisation().orElseThrow().get("show_map")).isEqualTo(Map.of("required", true));
    }

    @Test
    void aTextMessageHasNoSubject() throws Exception {
        Template template = client.getTemplateById(sms.toString());

        assertThat(template.getTemplateType()).isEqualTo("sms");
        assertThat(template.getSubject()).isEmpty();
        assertThat(template.getBody()).isEqualTo(SMS_BODY);
        assertThat(template.getPersonalisation().orElseThrow()).containsOnlyKeys("name", "code");
    }

    @Test
    void aLetterShowsItsContactBlockAndItsPlaceholders() throws Exception {
        fixtures.useLetterContact(letter, fixtures.addLetterContact(service.id(), CONTACT_BLOCK));

        Template template = client.getTemplateById(letter.toString());

        assertThat(template.getTemplateType()).isEqualTo("letter");
        assertThat(template.getVersion()).isEqualTo(2);
        assertThat(template.getLetterContactBlock()).contains(CONTACT_BLOCK);
        assertThat(template.getSubject()).contains(LETTER_SUBJECT);
        assertThat(template.getPersonalisation().orElseThrow()).containsOnlyKeys("department", "topic", "name");
    }

    @Test
    void theLatestVersionAndEachEarlierOneCanBeFetched() throws Exception {
        UUID editor = fixtures.addUser("Grace", "grace-" + UUID.randomUUID() + "@example.gov.uk");
        fixtures.saveNewVersion(email, "New subject", "New body with ((extra))", editor);

        Template latest = client.getTemplateById(email.toString());
        Template first = client.getTemplateVersion(email.toString(), 1);
        Template second = client.getTemplateVersion(email.toString(), 2);

        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(latest.getBody()).isEqualTo("New body with ((extra))");
        assertThat(latest.getSubject()).contains("New subject");
        assertThat(latest.getPersonalisation().orElseThrow()).containsOnlyKeys("extra");
        assertThat(latest.getUpdatedAt()).isPresent();
        assertThat(second.getBody()).isEqualTo(latest.getBody());
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getBody()).isEqualTo(EMAIL_BODY);
        assertThat(first.getSubject()).contains(EMAIL_SUBJECT);
        assertThat(first.getPersonalisation().orElseThrow()).containsOnlyKeys("name", "date", "show_map", "reference");
    }

    @Test
    void anArchivedTemplateCanStillBeFetchedById() throws Exception {
        fixtures.archive(sms);

        Template template = client.getTemplateById(sms.toString());

        assertThat(template.getVersion()).isEqualTo(2);
        assertThat(template.getBody()).isEqualTo(SMS_BODY);
    }

    @Test
    void allTemplatesAreListedByNameThenTypeLeavingOutArchivedAndHiddenOnes() throws Exception {
        UUID sameNameSms = newTemplate("Appointment email", "sms", null, "Same name, other type");
        UUID archived = newTemplate("Archived one", "email", "Old", "Old");
        fixtures.archive(archived);
        UUID hidden = newTemplate("Hidden one", "letter", "Hidden", "Hidden");
        fixtures.hide(hidden);

        assertThat(client.getAllTemplates("").getTemplates()).extracting(Template::getId)
                .containsExactly(sms, email, sameNameSms, letter);
        assertThat(client.getAllTemplates(null).getTemplates()).hasSize(4);
    }

    @Test
    void allTemplatesCanBeFilteredByType() throws Exception {
        UUID secondSms = newTemplate("Another code", "sms", null, "Another ((code))");

        assertThat(client.getAllTemplates("sms").getTemplates()).extracting(Template::getId)
                .containsExactly(secondSms, sms);
        assertThat(client.getAllTemplates("letter").getTemplates()).singleElement()
                .satisfies(template -> {
                    assertThat(template.getId()).isEqualTo(letter);
                    assertThat(template.getBody()).isEqualTo(LETTER_BODY);
                    assertThat(template.getPersonalisation().orElseThrow()).containsOnlyKeys("topic", "name");
                });
        assertThat(client.getAllTemplates("email").getTemplates()).extracting(Template::getTemplateType)
                .containsExactly("email");
    }

    @Test
    void anEmailPreviewFillsInTheSubjectBodyAndHtml() throws Exception {
        TemplatePreview preview = client.generateTemplatePreview(email.toString(),
                Map.of("name", "Ada", "date", "1 May", "show_map", "yes", "reference", "R&D-1"));

        assertThat(preview.getId()).isEqualTo(email);
        assertThat(preview.getTemplateType()).isEqualTo("email");
        assertThat(preview.getVersion()).isEqualTo(1);
        assertThat(preview.getSubject()).contains("Your appointment, Ada");
        assertThat(preview.getBody()).isEqualTo("Dear Ada,\n\nYour appointment is on 1 May.\n\nHere is a map.\n\nRef: R&D-1");
        assertThat(preview.getHtml()).hasValueSatisfying(html -> assertThat(html)
                .startsWith("<p").contains("Dear Ada,").contains("Here is a map.").contains("R&amp;D-1"));
    }

    @Test
    void aTextMessagePreviewHasNoServiceNamePrefixSubjectOrHtml() throws Exception {
        TemplatePreview preview = client.generateTemplatePreview(sms.toString(), Map.of("name", "Ada", "code", 123));

        assertThat(preview.getBody()).isEqualTo("Hello Ada, your code is 123.");
        assertThat(preview.getSubject()).isEmpty();
        assertThat(preview.getHtml()).isEmpty();
    }

    @Test
    void aLetterPreviewFillsInTheSubjectAndBody() throws Exception {
        fixtures.useLetterContact(letter, fixtures.addLetterContact(service.id(), CONTACT_BLOCK));

        TemplatePreview preview = client.generateTemplatePreview(letter.toString(),
                Map.of("name", "Ada", "topic", "parking", "department", "Highways"));

        assertThat(preview.getTemplateType()).isEqualTo("letter");
        assertThat(preview.getVersion()).isEqualTo(2);
        assertThat(preview.getSubject()).contains("Letter about parking");
        assertThat(preview.getBody()).isEqualTo("Dear Ada,\n\nThis is about parking.");
        assertThat(preview.getHtml()).isEmpty();
    }

    @Test
    void aTemplateWithoutPlaceholdersPreviewsWithNoPersonalisation() throws Exception {
        UUID plain = newTemplate("Plain", "sms", null, "Your   appointment is confirmed .");

        TemplatePreview preview = client.generateTemplatePreview(plain.toString(), null);

        assertThat(preview.getBody()).isEqualTo("Your appointment is confirmed.");
    }
}
