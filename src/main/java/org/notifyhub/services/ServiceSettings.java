package org.notifyhub.services;

import java.util.List;

/**
 * What the admin API may set on a service.
 *
 * @param crown whether the service is a crown body (its letters are billed at crown rates); null when unknown
 */
public record ServiceSettings(
        String name,
        boolean active,
        boolean restricted,
        boolean researchMode,
        String emailFrom,
        boolean prefixSms,
        int rateLimit,
        long emailMessageLimit,
        long smsMessageLimit,
        long letterMessageLimit,
        long internationalSmsMessageLimit,
        String organisationType,
        String contactLink,
        Boolean crown,
        List<String> permissions) {

    public ServiceSettings withEmailFrom(String newEmailFrom) {
        return new ServiceSettings(name, active, restricted, researchMode, newEmailFrom, prefixSms, rateLimit,
                emailMessageLimit, smsMessageLimit, letterMessageLimit, internationalSmsMessageLimit, organisationType,
                contactLink, crown, permissions);
    }

    /** Inactive, with name and sender prefixed so that both are free for another service. */
    public ServiceSettings archivedAs(String prefix) {
        return new ServiceSettings(prefix + name, false, restricted, researchMode, prefix + emailFrom, prefixSms,
                rateLimit, emailMessageLimit, smsMessageLimit, letterMessageLimit, internationalSmsMessageLimit,
                organisationType, contactLink, crown, permissions);
    }
}
