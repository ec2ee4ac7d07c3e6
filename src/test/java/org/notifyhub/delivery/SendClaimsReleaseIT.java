package org.notifyhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.support.HubIntegrationTest;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.service.notify.NotificationClient;

/**
 * A stopping node gives back the send claims it holds whose provider call has not started, and only those: never a
 * claim whose call may have reached the provider, nor one another node has made since.
 */
class SendClaimsReleaseIT extends HubIntegrationTest {

    @Autowired
    private SendClaims claims;
    @Autowired
    private CamelContext camel;
    @Autowired
    private JdbcClient jdbc;

    private TestService service;

    @BeforeEach
    void holdSends() throws Exception {
        camel.getRouteController().stopRoute("deliver-sms");
        service = testServices.create(false, List.of("sms"));
    }

    @AfterEach
    void letSendsGo() throws Exception {
        camel.getRouteController().startRoute("deliver-sms");
    }

    @Test
    void onlyThisNodesUnstartedClaimsAreGivenBack() throws Exception {
        UUID unstarted = created();
        UUID started = created();
        UUID reclaimed = created();
        for (UUID id : List.of(unstarted, started, reclaimed)) {
            assertThat(claims.claim(DeliveryTask.first(id, NotificationType.SMS))).isPresent();
        }
        assertThat(claims.startProviderCall(started)).isTrue();
        // released by the abandoned-claim sweep and claimed again elsewhere since
        jdbc.sql("UPDATE notifications SET updated_at = updated_at + interval '1 second' WHERE id = :id")
                .param("id", reclaimed).update();

        claims.destroy();

        assertThat(status(unstarted)).isEqualTo("created");
        assertThat(status(started)).isEqualTo("sending");
        assertThat(status(reclaimed)).isEqualTo("sending");
    }

    private UUID created() throws Exception {
        UUID id = new NotificationClient(service.normalKey(), baseUrl())
                .sendSms(service.smsTemplate().toString(), "07700900456", Map.of("name", "Held"), null).getNotificationId();
        assertThat(status(id)).isEqualTo("created");
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT notification_status FROM notifications WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
