package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.receipts.mapping.ReceiptOutcome.StatusUpdate;

/** Broken mapping files must stop the application from starting, saying which file and entry is wrong. */
class MappingValidationTest {

    private static final String FIRETEXT = """
            may-update-from: [created, sending, pending]
            unknown-status-fallback: technical-failure
            statuses:
              - code: "0"
                status: delivered
                reason: Delivered
              - code: "1"
                status: permanent-failure
                reason: Declined
            detailed-codes:
              - code: "101"
                status: permanent-failure
                reason: Unknown Subscriber
              - code: "102"
                status: temporary-failure
                reason: Absent Subscriber
            """;

    private static final String MMG = """
            may-update-from: [created, sending, pending]
            unknown-status-fallback: technical-failure
            statuses:
              - code: "3"
                status: delivered
                reason: Delivered
                substatuses:
                  - { code: "2", reason: Delivered to operator }
                  - { code: "5", reason: Delivered to handset }
              - code: "4"
                status: temporary-failure
                reason: Temporary failure
            """;

    private static final String SES = """
            may-update-from: [sending, pending]
            notification-types:
              - code: Delivery
                status: delivered
                reason: Delivered
              - code: Bounce
                status: temporary-failure
                reason: Soft bounced
                bounce-types:
                  - code: Permanent
                    status: permanent-failure
                    reason: Hard bounced
              - code: Complaint
                outcome: complaint
                reason: Complaint
            """;

    @Test
    void theMinimalFilesUsedBelowAreValid() {
        ReceiptStatusMappings mappings = load(FIRETEXT, MMG, SES);

        assertThat(mappings.firetext("1", "102", NotificationStatus.SENDING))
                .isEqualTo(new StatusUpdate(NotificationStatus.TEMPORARY_FAILURE, "Absent Subscriber"));
        assertThat(mappings.mmg("3", "5")).isEqualTo(new StatusUpdate(NotificationStatus.DELIVERED, "Delivered to handset"));
        assertThat(mappings.ses("Complaint", null)).isEqualTo(new ReceiptOutcome.Complaint(null));
        assertThat(mappings.mayUpdate("firetext", NotificationStatus.SENT)).isFalse();
    }

    @Test
    void anUnknownStatusInARow() {
        assertFiretextFails(FIRETEXT.replace("status: delivered", "status: delivred"))
                .hasMessage("mappings/firetext.yaml: statuses[0] (code \"0\"): 'status' has unknown notification "
                        + "status \"delivred\" (known: [created, sending, pending, sent, delivered, permanent-failure, "
                        + "temporary-failure, technical-failure, validation-failed, virus-scan-failed, "
                        + "pending-virus-check, returned-letter, cancelled])");
    }

    @Test
    void anUnknownStatusInANestedRow() {
        assertSesFails(SES.replace("status: permanent-failure", "status: hard-bounce"))
                .hasMessageStartingWith("mappings/ses.yaml: notification-types[1].bounce-types[0] (code \"Permanent\"): "
                        + "'status' has unknown notification status \"hard-bounce\"");
    }

    @Test
    void anUnknownStatusInMayUpdateFrom() {
        assertMmgFails(MMG.replace("[created, sending, pending]", "[created, sending, in-flight]"))
                .hasMessageStartingWith("mappings/mmg.yaml: 'may-update-from' has unknown notification status \"in-flight\"");
    }

    @Test
    void anUnknownFallbackStatus() {
        assertFiretextFails(FIRETEXT.replace("unknown-status-fallback: technical-failure", "unknown-status-fallback: failed"))
                .hasMessageStartingWith("mappings/firetext.yaml: 'unknown-status-fallback' has unknown notification "
                        + "status \"failed\"");
    }

    @Test
    void aDuplicateStatusCode() {
        assertFiretextFails(FIRETEXT.replace("code: \"1\"", "code: \"0\""))
                .hasMessage("mappings/firetext.yaml: statuses[1] (code \"0\"): duplicate code \"0\"");
    }

    @Test
    void aDuplicateDetailedCode() {
        assertFiretextFails(FIRETEXT.replace("code: \"102\"", "code: \"101\""))
                .hasMessage("mappings/firetext.yaml: detailed-codes[1] (code \"101\"): duplicate code \"101\"");
    }

    @Test
    void aDuplicateSubstatus() {
        assertMmgFails(MMG.replace("{ code: \"5\", reason: Delivered to handset }", "{ code: \"2\", reason: Again }"))
                .hasMessage("mappings/mmg.yaml: statuses[0].substatuses[1] (code \"2\"): duplicate code \"2\"");
    }

    @Test
    void aDuplicateNotificationType() {
        assertSesFails(SES.replace("code: Complaint", "code: Delivery"))
                .hasMessage("mappings/ses.yaml: notification-types[2] (code \"Delivery\"): duplicate code \"Delivery\"");
    }

    @Test
    void aRowWithoutReason() {
        assertFiretextFails(FIRETEXT.replace("    reason: Unknown Subscriber\n", ""))
                .hasMessage("mappings/firetext.yaml: detailed-codes[0] (code \"101\"): missing required key 'reason'");
    }

    @Test
    void aRowWithoutStatus() {
        assertMmgFails(MMG.replace("    status: temporary-failure\n", ""))
                .hasMessage("mappings/mmg.yaml: statuses[1] (code \"4\"): missing required key 'status'");
    }

    @Test
    void aRowWithoutCode() {
        assertSesFails(SES.replace("  - code: Delivery\n    status", "  - status"))
                .hasMessage("mappings/ses.yaml: notification-types[0]: missing required key 'code'");
    }

    @Test
    void aFileWithoutItsTable() {
        String withoutDetailedCodes = FIRETEXT.substring(0, FIRETEXT.indexOf("detailed-codes:"));

        assertFiretextFails(withoutDetailedCodes)
                .hasMessage("mappings/firetext.yaml: missing required key 'detailed-codes'");
    }

    @Test
    void aFileWithoutMayUpdateFrom() {
        assertSesFails(SES.replace("may-update-from: [sending, pending]\n", ""))
                .hasMessage("mappings/ses.yaml: missing required key 'may-update-from'");
    }

    @Test
    void anEmptyTable() {
        assertMmgFails(MMG.substring(0, MMG.indexOf("statuses:")) + "statuses: []\n")
                .hasMessage("mappings/mmg.yaml: 'statuses' must not be empty");
    }

    @Test
    void anUnquotedCodeThatYamlReadsAsANumber() {
        assertFiretextFails(FIRETEXT.replace("code: \"101\"", "code: 101"))
                .hasMessageStartingWith("mappings/firetext.yaml: detailed-codes[0] (code \"101\"): 'code' must be a "
                        + "quoted string, got 101");
    }

    @Test
    void aReasonThatYamlReadsAsABoolean() {
        assertMmgFails(MMG.replace("reason: Temporary failure", "reason: no"))
                .hasMessageStartingWith("mappings/mmg.yaml: statuses[1] (code \"4\"): 'reason' must be a quoted string, "
                        + "got false");
    }

    @Test
    void aMisspeltKey() {
        assertFiretextFails(FIRETEXT.replace("reason: Delivered", "reasn: Delivered"))
                .hasMessageStartingWith("mappings/firetext.yaml: statuses[0] (code \"0\"): unexpected key 'reasn'");
    }

    @Test
    void aKeyFromAnotherProvidersFile() {
        assertMmgFails(MMG + "detailed-codes: []\n")
                .hasMessageStartingWith("mappings/mmg.yaml: unexpected key 'detailed-codes'");
    }

    @Test
    void aKeyGivenTwiceInOneRow() {
        assertFiretextFails(FIRETEXT.replace("reason: Declined", "reason: Declined\n    status: delivered"))
                .hasMessageStartingWith("mappings/firetext.yaml: not readable YAML")
                .hasMessageContaining("duplicate key status");
    }

    @Test
    void aComplaintThatAlsoSetsAStatus() {
        assertSesFails(SES.replace("outcome: complaint", "outcome: complaint\n    status: delivered"))
                .hasMessageStartingWith("mappings/ses.yaml: notification-types[2] (code \"Complaint\"): unexpected key 'status'");
    }

    @Test
    void anUnknownOutcome() {
        assertSesFails(SES.replace("outcome: complaint", "outcome: ignore"))
                .hasMessage("mappings/ses.yaml: notification-types[2] (code \"Complaint\"): 'outcome' must be "
                        + "status-update or complaint, got \"ignore\"");
    }

    @Test
    void notYamlAtAll() {
        assertMmgFails("statuses: [unclosed")
                .hasMessageStartingWith("mappings/mmg.yaml: not readable YAML");
    }

    @Test
    void anEmptyFile() {
        assertSesFails("")
                .hasMessage("mappings/ses.yaml: expected a YAML mapping at the top level");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFiretextFails(String firetext) {
        return assertThatThrownBy(() -> load(firetext, MMG, SES)).isInstanceOf(IllegalStateException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertMmgFails(String mmg) {
        return assertThatThrownBy(() -> load(FIRETEXT, mmg, SES)).isInstanceOf(IllegalStateException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertSesFails(String ses) {
        return assertThatThrownBy(() -> load(FIRETEXT, MMG, ses)).isInstanceOf(IllegalStateException.class);
    }

    private static ReceiptStatusMappings load(String firetext, String mmg, String ses) {
        return ReceiptStatusMappings.load(stream(firetext), stream(mmg), stream(ses));
    }

    private static InputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
