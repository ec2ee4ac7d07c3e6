package org.notifyhub.receipts.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notifyhub.notifications.NotificationStatus.CREATED;
import static org.notifyhub.notifications.NotificationStatus.PENDING;
import static org.notifyhub.notifications.NotificationStatus.PENDING_VIRUS_CHECK;
import static org.notifyhub.notifications.NotificationStatus.SENDING;
import static org.notifyhub.notifications.NotificationStatus.SENT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notifyhub.notifications.NotificationStatus;

class MayUpdateTest {

    private static final ReceiptStatusMappings MAPPINGS = ReceiptStatusMappings.loadDefault();

    /** notify-behaviour.md §3.2: the current statuses a receipt may still change. */
    private static final Map<String, Set<NotificationStatus>> MAY_UPDATE_FROM = Map.of(
            "firetext", EnumSet.of(CREATED, SENDING, PENDING, SENT, PENDING_VIRUS_CHECK),
            "mmg", EnumSet.of(CREATED, SENDING, PENDING, SENT, PENDING_VIRUS_CHECK),
            "ses", EnumSet.of(SENDING, PENDING));

    static Stream<Arguments> everyProviderAndStatus() {
        return MAY_UPDATE_FROM.entrySet().stream().flatMap(entry -> Arrays.stream(NotificationStatus.values())
                .map(status -> Arguments.of(entry.getKey(), status, entry.getValue().contains(status))));
    }

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @MethodSource("everyProviderAndStatus")
    void receiptsOnlyChangeNotificationsStillInFlight(String provider, NotificationStatus current, boolean allowed) {
        assertThat(MAPPINGS.mayUpdate(provider, current)).isEqualTo(allowed);
    }

    @Test
    void providerNamesAreCaseInsensitive() {
        assertThat(MAPPINGS.mayUpdate("MMG", SENDING)).isTrue();
        assertThat(MAPPINGS.mayUpdate("Firetext", SENT)).isTrue();
        assertThat(MAPPINGS.mayUpdate("SES", SENT)).isFalse();
    }

    @Test
    void anUnknownCurrentStatusMayNotBeUpdated() {
        assertThat(MAPPINGS.mayUpdate("firetext", null)).isFalse();
    }

    @Test
    void anUnknownProviderIsAProgrammingError() {
        assertThatThrownBy(() -> MAPPINGS.mayUpdate("reach", SENDING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown receipt provider: reach");
        assertThatThrownBy(() -> MAPPINGS.mayUpdate(null, SENDING)).isInstanceOf(IllegalArgumentException.class);
    }
}
