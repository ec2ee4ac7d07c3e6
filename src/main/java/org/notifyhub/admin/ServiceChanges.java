package org.notifyhub.admin;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.services.ServiceCache;
import org.springframework.stereotype.Component;

/**
 * After an admin request that may have changed a service (any method but GET on a URL with a {service_id}), this
 * node forgets what it cached about that service, so a revoked key, an archived template or a new limit applies to
 * the very next API request here. Other nodes see the change when their cached copy expires, as on Notify.
 */
@Component
public class ServiceChanges {

    private final ServiceCache cache;

    public ServiceChanges(ServiceCache cache) {
        this.cache = cache;
    }

    public void applied(@Header("service_id") String serviceId, @Header(Exchange.HTTP_METHOD) String method) {
        if (serviceId == null || "GET".equalsIgnoreCase(method)) {
            return;
        }
        try {
            cache.evict(UUID.fromString(serviceId));
        } catch (IllegalArgumentException notAServiceId) {
            // the admin bean accepted the request, so this cannot happen; nothing was cached under it either way
        }
    }
}
