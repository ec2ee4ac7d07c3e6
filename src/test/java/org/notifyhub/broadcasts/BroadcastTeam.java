package org.notifyhub.broadcasts;

import java.util.List;
import java.util.UUID;
import org.notifyhub.support.TestServices.TestService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A live broadcast service with two team members: one drafts, the other approves. */
record BroadcastTeam(TestService service, UUID creator, UUID approver) {

    static BroadcastTeam create(org.notifyhub.support.TestServices services, JdbcClient jdbc, boolean restricted) {
        TestService service = services.create(restricted, List.of("broadcast"));
        return new BroadcastTeam(service, member(jdbc, service.id()), member(jdbc, service.id()));
    }

    static UUID member(JdbcClient jdbc, UUID serviceId) {
        UUID user = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, name, email_address) VALUES (:id, 'Team member', :email)")
                .param("id", user).param("email", user + "@example.gov.uk").update();
        jdbc.sql("INSERT INTO user_to_service (user_id, service_id) VALUES (:user, :service)")
                .param("user", user).param("service", serviceId).update();
        return user;
    }

    String messages() {
        return "/service/" + service.id() + "/broadcast-message";
    }
}
