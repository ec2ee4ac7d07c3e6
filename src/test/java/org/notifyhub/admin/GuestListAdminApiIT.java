package org.notifyhub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT replaces the whole guest list; a single bad entry changes nothing. */
class GuestListAdminApiIT extends AdminApiTest {

    private UUID serviceId;
    private String path;

    @BeforeEach
    void service() {
        serviceId = fixtures.service(Map.of());
        path = "/service/" + serviceId + "/guest-list";
    }

    @Test
    void aPutReplacesTheListAndAGetShowsIt() {
        AdminClient.Response put = admin.put(path, Map.of("email_addresses", List.of("ada@example.com", "bob@example.com"),
                "phone_numbers", List.of("07700 900123")));
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        assertThat(rows()).containsExactlyInAnyOrder("email:ada@example.com", "email:bob@example.com", "mobile:07700 900123");

        assertThat(admin.put(path, Map.of("email_addresses", List.of("cy@example.com"), "phone_numbers", List.of()))
                .status()).isEqualTo(204);

        AdminClient.Response get = admin.get(path);
        assertThat(get.status()).isEqualTo(200);
        assertThat(ServicesAdminApiIT.texts(get.json().get("email_addresses"))).containsExactly("cy@example.com");
        assertThat(get.json().get("phone_numbers")).isEmpty();
        assertThat(rows()).containsExactly("email:cy@example.com");
    }

    @Test
    void oneBadEntryRejectsTheWholeListAndKeepsTheOldOne() {
        admin.put(path, Map.of("email_addresses", List.of("ada@example.com"), "phone_numbers", List.of()));

        AdminClient.Response bad = admin.put(path, Map.of("email_addresses", List.of("bob@example.com", "not-an-email"),
                "phone_numbers", List.of()));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText())
                .isEqualTo("Invalid guest list: \"not-an-email\" is not a valid email address or phone number");
        assertThat(admin.put(path, Map.of("email_addresses", List.of(), "phone_numbers", List.of("12345"))).status())
                .isEqualTo(400);
        // Notify's guest list takes mobiles only, whatever the service's sms_to_uk_landlines
        assertThat(admin.put(path, Map.of("email_addresses", List.of(), "phone_numbers", List.of("020 7946 0991")))
                .status()).isEqualTo(400);
        assertThat(admin.put(path, Map.of("email_addresses", "ada@example.com")).status()).isEqualTo(400);
        assertThat(rows()).containsExactly("email:ada@example.com");
        assertThat(admin.get("/service/" + UUID.randomUUID() + "/guest-list").status()).isEqualTo(404);
    }

    private List<String> rows() {
        return jdbc.sql("SELECT recipient_type || ':' || recipient FROM service_whitelist WHERE service_id = :id")
                .param("id", serviceId).query(String.class).list();
    }
}
