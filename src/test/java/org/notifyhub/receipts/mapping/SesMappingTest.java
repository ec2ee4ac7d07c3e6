package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notifyhub.notifications.NotificationStatus.DELIVERED;
import static org.notifyhub.notifications.NotificationStatus.PERMANENT_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.TEMPORARY_FAILURE;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.receipts.mapping.ReceiptOutcome.Complaint;
import org.notifyhub.receipts.mapping.ReceiptOutcome.StatusUpdate;

class SesMappingTest {

    private static final ReceiptStatusMappings MAPPINGS = ReceiptStatusMappings.loadDefault();

    /** {@code fileKey} names the YAML row the case proves; cases without one exercise a default. */
    record Row(String notificationType, String bounceType, ReceiptOutcome expected, String fileKey) {
    }

    /** SES event types (notify-behaviour.md §5.1), written out independently of the YAML. */
    static final List<Row> ROWS = List.of(
            new Row("Delivery", null, new StatusUpdate(DELIVERED, "Delivered"),
                    MappingFileRows.key("notification-types", "Delivery")),
            new Row("Bounce", "Permanent", new StatusUpdate(PERMANENT_FAILURE, "Hard bounced"),
                    MappingFileRows.key("notification-types", "Bounce", "bounce-types", "Permanent")),
            new Row("Bounce", "Transient", new StatusUpdate(TEMPORARY_FAILURE, "Soft bounced"),
                    MappingFileRows.key("notification-types", "Bounce")),
            new Row("Bounce", "Undetermined", new StatusUpdate(TEMPORARY_FAILURE, "Soft bounced"), null),
            new Row("Bounce", "Temporary", new StatusUpdate(TEMPORARY_FAILURE, "Soft bounced"), null),
            new Row("Bounce", null, new StatusUpdate(TEMPORARY_FAILURE, "Soft bounced"), null),
            new Row("Complaint", null, new Complaint(null),
                    MappingFileRows.key("notification-types", "Complaint")));

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void everyEventTypeMapsToItsOutcome(Row row) {
        assertThat(MAPPINGS.ses(row.notificationType(), row.bounceType())).isEqualTo(row.expected());
    }

    @Test
    void yamlAndTestTableCoverTheSameCodes() {
        assertThat(MappingFileRows.keys("mappings/ses.yaml")).containsExactlyInAnyOrderElementsOf(
                ROWS.stream().map(Row::fileKey).filter(key -> key != null).toList());
    }

    @Test
    void aParsedComplaintCarriesItsComplaintType() {
        SesReceipt complaint = new SesReceipt("ref-1", "Complaint", null, "feedback-1", "abuse",
                Instant.parse("2024-03-06T09:21:44Z"), List.of("a@example.com"), null);

        assertThat(MAPPINGS.ses(complaint)).isEqualTo(new Complaint("abuse"));
    }

    @Test
    void aParsedBounceUsesItsBounceType() {
        SesReceipt bounce = new SesReceipt("ref-1", "Bounce", "Permanent", null, null, null, List.of(), null);

        assertThat(MAPPINGS.ses(bounce)).isEqualTo(new StatusUpdate(PERMANENT_FAILURE, "Hard bounced"));
    }

    @Test
    void bounceTypesAreMatchedExactly() {
        assertThat(MAPPINGS.ses("Bounce", "permanent")).isEqualTo(new StatusUpdate(TEMPORARY_FAILURE, "Soft bounced"));
    }

    @Test
    void aBounceTypeOnADeliveryIsIgnored() {
        assertThat(MAPPINGS.ses("Delivery", "Permanent")).isEqualTo(new StatusUpdate(DELIVERED, "Delivered"));
    }

    @Test
    void anUnknownNotificationTypeFailsWithoutFallback() {
        assertThatThrownBy(() -> MAPPINGS.ses("DeliveryDelay", null))
                .isInstanceOfSatisfying(UnknownReceiptStatusException.class, e -> {
                    assertThat(e).hasMessage("SES callback failed: notificationType DeliveryDelay not found.");
                    assertThat(e.providerStatus()).isEqualTo("DeliveryDelay");
                    assertThat(e.fallbackStatus()).isEmpty();
                });
    }
}
