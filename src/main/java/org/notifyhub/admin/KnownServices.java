package org.notifyhub.admin;

import java.util.UUID;
import org.notifyhub.services.ServiceRepository;
import org.springframework.stereotype.Component;

/** Resolves the {service_id} of an admin URL to a service that exists, or answers 404 No result found. */
@Component
public class KnownServices {

    private final ServiceRepository services;

    public KnownServices(ServiceRepository services) {
        this.services = services;
    }

    public UUID require(String serviceIdText) {
        UUID serviceId = PathIds.parse(serviceIdText);
        if (!services.exists(serviceId)) {
            throw AdminApiException.notFound();
        }
        return serviceId;
    }
}
