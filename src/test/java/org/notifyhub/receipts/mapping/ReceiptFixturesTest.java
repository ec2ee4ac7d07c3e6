package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notifyhub.notifications.NotificationStatus.PENDING;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.receipts.mapping.ReceiptOutcome.Complaint;
import org.notifyhub.receipts.mapping.ReceiptOutcome.StatusUpdate;

/** Sample receipts, parsed and mapped end to end as the callback routes will do it. */
class ReceiptFixturesTest {

    private static final ReceiptStatusMappings MAPPINGS = ReceiptStatusMappings.loadDefault();

    @ParameterizedTest(name = "{0} while {1}")
    @CsvSource({
            "delivered.form,                         sending, delivered,         Delivered",
            "pending.form,                           sending, pending,           Pending",
            "declined-unknown-subscriber.form,       pending, permanent-failure, Unknown Subscriber",
            "declined-absent-subscriber.form,        sending, temporary-failure, Absent Subscriber",
            "simulator-declined-after-pending.form,  pending, temporary-failure, Declined after pending",
            "simulator-declined-after-pending.form,  sending, permanent-failure, Declined"})
    void firetext(String fixture, String current, String expected, String reason) {
        SmsReceipt receipt = new FiretextReceiptParser().parse(Fixtures.form("firetext/" + fixture));

        assertThat(MAPPINGS.firetext(receipt.status(), receipt.detailedCode(), NotificationStatus.fromWireName(current)))
                .isEqualTo(new StatusUpdate(NotificationStatus.fromWireName(expected), reason));
        assertThat(MAPPINGS.mayUpdate(receipt.provider(), NotificationStatus.fromWireName(current))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "delivered.json,                   delivered,         Delivered to handset",
            "expired.json,                     temporary-failure, Expired",
            "number-does-not-exist.json,       permanent-failure, Number does not exist",
            "invalid-destination-numeric.json, permanent-failure, Invalid destination",
            "simulator-delivered.json,         delivered,         Delivered"})
    void mmg(String fixture, String expected, String reason) {
        SmsReceipt receipt = new MmgReceiptParser().parse(Fixtures.text("mmg/" + fixture));

        assertThat(MAPPINGS.mmg(receipt.status(), receipt.detailedCode()))
                .isEqualTo(new StatusUpdate(NotificationStatus.fromWireName(expected), reason));
        assertThat(MAPPINGS.mayUpdate(receipt.provider(), PENDING)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "delivery.json,            delivered,         Delivered",
            "delivery-bare.json,       delivered,         Delivered",
            "bounce-permanent.json,    permanent-failure, Hard bounced",
            "bounce-transient.json,    temporary-failure, Soft bounced",
            "bounce-undetermined.json, temporary-failure, Soft bounced"})
    void sesStatusUpdates(String fixture, String expected, String reason) {
        SesReceipt receipt = new SesNotificationParser().parse(Fixtures.text("ses/" + fixture));

        assertThat(MAPPINGS.ses(receipt)).isEqualTo(new StatusUpdate(NotificationStatus.fromWireName(expected), reason));
        assertThat(MAPPINGS.ses(receipt.notificationType(), receipt.bounceType())).isEqualTo(MAPPINGS.ses(receipt));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"complaint.json, abuse", "complaint-without-type.json, NULL"}, nullValues = "NULL")
    void sesComplaints(String fixture, String complaintType) {
        SesReceipt receipt = new SesNotificationParser().parse(Fixtures.text("ses/" + fixture));

        assertThat(MAPPINGS.ses(receipt)).isEqualTo(new Complaint(complaintType));
    }
}
