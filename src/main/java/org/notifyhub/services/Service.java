package org.notifyhub.services;

import java.util.Set;
import java.util.UUID;

/** A service as the API needs it on every request. */
public record Service(
        UUID id,
        String name,
        boolean active,
        boolean restricted,
        boolean researchMode,
        String emailFrom,
        boolean prefixSms,
        int rateLimit,
        Set<String> permissions,
        DailyLimits dailyLimits) {

    /** Per-channel daily message limits (Notify's *_message_limit columns). */
    public record DailyLimits(long email, long sms, long letter, long internationalSms) {

        public long forChannel(String channel) {
            return switch (channel) {
                case "email" -> email;
                case "sms" -> sms;
                case "letter" -> letter;
                case "international_sms" -> internationalSms;
                default -> throw new IllegalArgumentException("Unknown channel " + channel);
            };
        }
    }

    /** The permission to text UK landlines (Notify's {@code SMS_TO_UK_LANDLINES}). */
    public static final String SMS_TO_UK_LANDLINES = "sms_to_uk_landlines";

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }
}
