package org.notifyhub.servicecallbacks;

import java.util.Optional;
import java.util.UUID;
import org.notifyhub.services.CallbackType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a service's callback configuration ({@code service_callback_api}); the admin API writes it. */
@Repository
public class ServiceCallbackApis {

    private final JdbcClient jdbc;

    public ServiceCallbackApis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ServiceCallbackApi> find(UUID serviceId, CallbackType type) {
        return jdbc.sql("SELECT url, bearer_token FROM service_callback_api WHERE service_id = :serviceId AND callback_type = :type")
                .param("serviceId", serviceId)
                .param("type", type.wireName())
                .query((rs, n) -> new ServiceCallbackApi(rs.getString("url"), rs.getString("bearer_token")))
                .optional();
    }
}
