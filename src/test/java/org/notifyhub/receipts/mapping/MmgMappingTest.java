package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notifyhub.notifications.NotificationStatus.DELIVERED;
import static org.notifyhub.notifications.NotificationStatus.PERMANENT_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.TECHNICAL_FAILURE;
import static org.notifyhub.notifications.NotificationStatus.TEMPORARY_FAILURE;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.receipts.mapping.ReceiptOutcome.StatusUpdate;

class MmgMappingTest {

    private static final ReceiptStatusMappings MAPPINGS = ReceiptStatusMappings.loadDefault();

    /** A null substatus is the status's own row. */
    record Row(String status, String substatus, NotificationStatus expected, String reason) {

        String key() {
            return substatus == null
                    ? MappingFileRows.key("statuses", status)
                    : MappingFileRows.key("statuses", status, "substatuses", substatus);
        }
    }

    /** MMG `status` and `substatus` values (notify-behaviour.md §5.3), written out independently of the YAML. */
    static final List<Row> ROWS = List.of(
            new Row("2", null, PERMANENT_FAILURE, "Undelivered"),
            new Row("2", "1", PERMANENT_FAILURE, "Number does not exist"),
            new Row("2", "4", PERMANENT_FAILURE, "Rejected by operator"),
            new Row("2", "5", PERMANENT_FAILURE, "Unidentified Subscriber"),
            new Row("2", "9", PERMANENT_FAILURE, "Undelivered"),
            new Row("2", "11", PERMANENT_FAILURE, "Service for Subscriber suspended"),
            new Row("2", "12", PERMANENT_FAILURE, "Illegal equipment"),
            new Row("2", "2049", PERMANENT_FAILURE, "Subscriber IMSI blacklisted"),
            new Row("2", "2050", PERMANENT_FAILURE, "Number blacklisted in do-not-disturb blacklist"),
            new Row("2", "2052", PERMANENT_FAILURE, "Destination number blacklisted"),
            new Row("2", "2053", PERMANENT_FAILURE, "Source address blacklisted"),
            new Row("3", null, DELIVERED, "Delivered"),
            new Row("3", "2", DELIVERED, "Delivered to operator"),
            new Row("3", "5", DELIVERED, "Delivered to handset"),
            new Row("4", null, TEMPORARY_FAILURE, "Temporary failure"),
            new Row("4", "6", TEMPORARY_FAILURE, "Absent Subscriber"),
            new Row("4", "8", TEMPORARY_FAILURE, "Roaming not allowed"),
            new Row("4", "13", TEMPORARY_FAILURE, "SMS Not Supported"),
            new Row("4", "15", TEMPORARY_FAILURE, "Expired"),
            new Row("4", "27", TEMPORARY_FAILURE, "Absent Subscriber"),
            new Row("4", "29", TEMPORARY_FAILURE, "Invalid delivery report"),
            new Row("4", "32", TEMPORARY_FAILURE, "Delivery Failure"),
            new Row("5", null, PERMANENT_FAILURE, "Rejected"),
            new Row("5", "6", PERMANENT_FAILURE, "Network out of coverage"),
            new Row("5", "8", PERMANENT_FAILURE, "Incorrect number prefix"),
            new Row("5", "10", PERMANENT_FAILURE, "Number on do-not-disturb service"),
            new Row("5", "11", PERMANENT_FAILURE, "Sender id not registered"),
            new Row("5", "13", PERMANENT_FAILURE, "Sender id blacklisted"),
            new Row("5", "14", PERMANENT_FAILURE, "Destination number blacklisted"),
            new Row("5", "19", PERMANENT_FAILURE, "Routing unavailable"),
            new Row("5", "20", PERMANENT_FAILURE, "Rejected by anti-flooding mechanism"),
            new Row("5", "21", PERMANENT_FAILURE, "System error"),
            new Row("5", "23", PERMANENT_FAILURE, "Duplicate message id"),
            new Row("5", "24", PERMANENT_FAILURE, "Message formatted incorrectly"),
            new Row("5", "25", PERMANENT_FAILURE, "Message too long"),
            new Row("5", "51", PERMANENT_FAILURE, "Missing recipient value"),
            new Row("5", "52", PERMANENT_FAILURE, "Invalid destination"));

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "status {0} substatus {1}")
    @MethodSource("rows")
    void everyRowMapsToItsNotifyStatusAndReason(Row row) {
        assertThat(MAPPINGS.mmg(row.status(), row.substatus()))
                .isEqualTo(new StatusUpdate(row.expected(), row.reason()));
    }

    @Test
    void yamlAndTestTableCoverTheSameCodes() {
        assertThat(MappingFileRows.keys("mappings/mmg.yaml"))
                .containsExactlyInAnyOrderElementsOf(ROWS.stream().map(Row::key).toList());
    }

    @Test
    void anUnknownSubstatusKeepsTheStatusAndSaysSoInTheReason() {
        assertThat(MAPPINGS.mmg("4", "999"))
                .isEqualTo(new StatusUpdate(TEMPORARY_FAILURE, "Temporary failure (substatus 999 not recognised)"));
    }

    @Test
    void substatusesBelongToTheirOwnStatus() {
        // 6 is "Absent Subscriber" under 4 but "Network out of coverage" under 5.
        assertThat(MAPPINGS.mmg("4", "6").reason()).isEqualTo("Absent Subscriber");
        assertThat(MAPPINGS.mmg("5", "6").reason()).isEqualTo("Network out of coverage");
        assertThat(MAPPINGS.mmg("3", "1"))
                .isEqualTo(new StatusUpdate(DELIVERED, "Delivered (substatus 1 not recognised)"));
    }

    @Test
    void anEmptySubstatusCountsAsNone() {
        assertThat(MAPPINGS.mmg("3", "")).isEqualTo(new StatusUpdate(DELIVERED, "Delivered"));
    }

    @Test
    void anUnknownStatusFailsWithNotifysMessageAndTechnicalFailureFallback() {
        assertThatThrownBy(() -> MAPPINGS.mmg("1", "2"))
                .isInstanceOfSatisfying(UnknownReceiptStatusException.class, e -> {
                    assertThat(e).hasMessage("MMG callback failed: status 1 not found.");
                    assertThat(e.providerStatus()).isEqualTo("1");
                    assertThat(e.fallbackStatus()).contains(TECHNICAL_FAILURE);
                });
    }
}
