package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notifyhub.notifications.NotificationStatus.DELIVERED;
import static org.notifyhub.notifications.NotificationStatus.PENDING;
import static org.notifyhub.notifications.NotificationStatus.PERMANENT_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.SENDING;
import static org.notifyhub.notifications.NotificationStatus.TECHNICAL_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.TEMPORARY_FAILURE;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.receipts.mapping.ReceiptOutcome.StatusUpdate;

class FiretextMappingTest {

    private static final ReceiptStatusMappings MAPPINGS = ReceiptStatusMappings.loadDefault();

    record Row(String code, NotificationStatus status, String reason) {
    }

    /** Firetext `status` values (notify-behaviour.md §5.3), written out independently of the YAML. */
    static final List<Row> STATUSES = List.of(
            new Row("0", DELIVERED, "Delivered"),
            new Row("1", PERMANENT_FAILURE, "Declined"),
            new Row("2", PENDING, "Pending"));

    /** Firetext detailed `code` values (notify-behaviour.md §5.3). */
    static final List<Row> DETAILED_CODES = List.of(
            new Row("000", TEMPORARY_FAILURE, "No error reported"),
            new Row("101", PERMANENT_FAILURE, "Unknown Subscriber"),
            new Row("102", TEMPORARY_FAILURE, "Absent Subscriber"),
            new Row("103", TEMPORARY_FAILURE, "Subscriber Busy"),
            new Row("104", TEMPORARY_FAILURE, "No Subscriber Memory"),
            new Row("201", PERMANENT_FAILURE, "Invalid Number"),
            new Row("301", PERMANENT_FAILURE, "SMS Not Supported"),
            new Row("302", TEMPORARY_FAILURE, "SMS Not Supported"),
            new Row("401", PERMANENT_FAILURE, "Message Rejected"),
            new Row("900", TEMPORARY_FAILURE, "Routing Error"));

    static Stream<Row> statuses() {
        return STATUSES.stream();
    }

    static Stream<Row> detailedCodes() {
        return DETAILED_CODES.stream();
    }

    @ParameterizedTest(name = "status {0}")
    @MethodSource("statuses")
    void everyStatusMapsToItsNotifyStatus(Row row) {
        assertThat(MAPPINGS.firetext(row.code(), null, SENDING))
                .isEqualTo(new StatusUpdate(row.status(), row.reason()));
    }

    @ParameterizedTest(name = "declined with code {0}")
    @MethodSource("detailedCodes")
    void everyDetailedCodeDecidesADecline(Row row) {
        assertThat(MAPPINGS.firetext("1", row.code(), SENDING))
                .isEqualTo(new StatusUpdate(row.status(), row.reason()));
    }

    @ParameterizedTest(name = "pending, then declined with code {0}")
    @MethodSource("detailedCodes")
    void aKnownCodeWinsOverThePendingRule(Row row) {
        assertThat(MAPPINGS.firetext("1", row.code(), PENDING))
                .isEqualTo(new StatusUpdate(row.status(), row.reason()));
    }

    @Test
    void yamlAndTestTablesCoverTheSameCodes() {
        Stream<String> tableKeys = Stream.concat(
                STATUSES.stream().map(row -> MappingFileRows.key("statuses", row.code())),
                DETAILED_CODES.stream().map(row -> MappingFileRows.key("detailed-codes", row.code())));

        assertThat(MappingFileRows.keys("mappings/firetext.yaml"))
                .containsExactlyInAnyOrderElementsOf(tableKeys.toList());
    }

    @Test
    void pendingThenDeclinedWithoutCodeIsTemporaryFailure() {
        assertThat(MAPPINGS.firetext("1", null, PENDING))
                .isEqualTo(new StatusUpdate(TEMPORARY_FAILURE, "Declined after pending"));
    }

    @Test
    void pendingThenDeclinedWithUnknownCodeIsTemporaryFailure() {
        assertThat(MAPPINGS.firetext("1", "555", PENDING))
                .isEqualTo(new StatusUpdate(TEMPORARY_FAILURE, "Declined after pending (code 555 not recognised)"));
    }

    @Test
    void declinedWithUnknownCodeWhileSendingStaysPermanent() {
        assertThat(MAPPINGS.firetext("1", "555", SENDING))
                .isEqualTo(new StatusUpdate(PERMANENT_FAILURE, "Declined (code 555 not recognised)"));
    }

    @Test
    void anEmptyCodeCountsAsNoCode() {
        assertThat(MAPPINGS.firetext("1", "", SENDING)).isEqualTo(new StatusUpdate(PERMANENT_FAILURE, "Declined"));
        assertThat(MAPPINGS.firetext("1", "", PENDING)).isEqualTo(
                new StatusUpdate(TEMPORARY_FAILURE, "Declined after pending"));
    }

    @Test
    void anUnknownCurrentStatusIsNotTreatedAsPending() {
        assertThat(MAPPINGS.firetext("1", null, null)).isEqualTo(new StatusUpdate(PERMANENT_FAILURE, "Declined"));
    }

    @Test
    void codesOnlyRefineDeclines() {
        assertThat(MAPPINGS.firetext("0", "101", PENDING)).isEqualTo(new StatusUpdate(DELIVERED, "Delivered"));
        assertThat(MAPPINGS.firetext("2", "000", SENDING)).isEqualTo(new StatusUpdate(PENDING, "Pending"));
    }

    @Test
    void pendingDoesNotDowngradeADelivery() {
        assertThat(MAPPINGS.firetext("0", null, PENDING)).isEqualTo(new StatusUpdate(DELIVERED, "Delivered"));
    }

    @Test
    void anUnknownStatusFailsWithNotifysMessageAndTechnicalFailureFallback() {
        assertThatThrownBy(() -> MAPPINGS.firetext("99", "101", SENDING))
                .isInstanceOfSatisfying(UnknownReceiptStatusException.class, e -> {
                    assertThat(e).hasMessage("Firetext callback failed: status 99 not found.");
                    assertThat(e.providerStatus()).isEqualTo("99");
                    assertThat(e.fallbackStatus()).contains(TECHNICAL_FAILURE);
                });
    }

    @Test
    void statusesAreMatchedExactly() {
        assertThatThrownBy(() -> MAPPINGS.firetext(" 0", null, SENDING))
                .isInstanceOf(UnknownReceiptStatusException.class)
                .hasMessage("Firetext callback failed: status  0 not found.");
    }
}
