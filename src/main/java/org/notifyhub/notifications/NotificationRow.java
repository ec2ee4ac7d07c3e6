package org.notifyhub.notifications;

import java.time.LocalDateTime;
import java.util.UUID;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.PhoneNumber;
import org.notifyhub.recipients.PostalAddress;
import org.notifyhub.recipients.SmsRateMultipliers;

/**
 * A notifications row, with personalisation still encrypted. New rows come from the factories, one per kind of send;
 * the canonical constructor is for rows read back (and the high-volume path's JSON).
 *
 * @param unsubscribeLink an email's one-click unsubscribe URL as the service gave it (List-Unsubscribe), else null
 */
public record NotificationRow(
        UUID id,
        String to,
        String normalisedTo,
        UUID jobId,
        Integer jobRowNumber,
        UUID serviceId,
        UUID templateId,
        int templateVersion,
        UUID apiKeyId,
        KeyType keyType,
        int billableUnits,
        NotificationType notificationType,
        LocalDateTime createdAt,
        LocalDateTime sentAt,
        String sentBy,
        LocalDateTime updatedAt,
        NotificationStatus status,
        String reference,
        String clientReference,
        String encryptedPersonalisation,
        String replyToText,
        String postage,
        UUID createdById,
        boolean international,
        String phonePrefix,
        String unsubscribeLink,
        Integer documentDownloadCount) {

    /** A UK letter's postage when its template names none. */
    public static final String DEFAULT_POSTAGE = "second";
    /** What a precompiled letter's recipient reads as until its PDF's address is read. */
    public static final String PROVIDED_AS_PDF = "Provided as PDF";

    private static final boolean DOMESTIC = false;

    /**
     * What one of a text's fragments costs in UK fragments (Notify's rate_multiplier, filled at send time from the
     * number); null for emails and letters.
     */
    public Integer rateMultiplier() {
        return notificationType == NotificationType.SMS
                ? SmsRateMultipliers.of(international, normalisedTo, phonePrefix) : null;
    }

    /**
     * @param unsubscribeLink the request's one_click_unsubscribe_url, or null
     * @param documentDownloadCount the files sent with it by email (document download), null for none (Notify's
     *                              document_download_count is null then, never 0)
     */
    public static NotificationRow email(UUID id, NotificationOrigin origin, String to, String replyTo,
                                        String clientReference, String encryptedPersonalisation,
                                        String unsubscribeLink, Integer documentDownloadCount) {
        return created(id, origin, NotificationType.EMAIL, to, EmailAddresses.normalise(to), 0,
                NotificationStatus.CREATED, null, clientReference, encryptedPersonalisation, replyTo, null, DOMESTIC,
                null, unsubscribeLink, documentDownloadCount);
    }

    /** {@code to} as given; {@code phone} the number parsed from it. */
    public static NotificationRow sms(UUID id, NotificationOrigin origin, String to, PhoneNumber phone, int fragments,
                                      String sender, String clientReference, String encryptedPersonalisation) {
        return created(id, origin, NotificationType.SMS, to, phone.normalised(), fragments, NotificationStatus.CREATED,
                null, clientReference, encryptedPersonalisation, sender, null, phone.international(),
                phone.countryPrefix(), null, null);
    }

    /**
     * A templated letter, waiting for its PDF. A test key's letter is never printed, so it is {@code sending} at once.
     * Postage: an international address's zone, else the template's, else second class.
     */
    public static NotificationRow letter(UUID id, NotificationOrigin origin, PostalAddress address, String contactBlock,
                                         String clientReference, String encryptedPersonalisation) {
        String templatePostage = origin.template().postage();
        String postage = address.international() ? address.postage()
                : templatePostage == null ? DEFAULT_POSTAGE : templatePostage;
        NotificationStatus status = origin.keyType() == KeyType.TEST ? NotificationStatus.SENDING
                : NotificationStatus.CREATED;
        return created(id, origin, NotificationType.LETTER, address.to(), address.normalisedTo(), 0, status,
                DvlaReference.random(), clientReference, encryptedPersonalisation, contactBlock, postage, DOMESTIC,
                null, null, null);
    }

    /** A precompiled letter, its PDF already in the scan bucket under {@code reference}, waiting for its scan. */
    public static NotificationRow precompiledLetter(UUID id, NotificationOrigin origin, String reference, String postage,
                                                    String clientReference, String encryptedPersonalisation) {
        return created(id, origin, NotificationType.LETTER, PROVIDED_AS_PDF, PROVIDED_AS_PDF.toLowerCase(), 0,
                NotificationStatus.PENDING_VIRUS_CHECK, reference, clientReference, encryptedPersonalisation, null,
                postage == null ? DEFAULT_POSTAGE : postage, DOMESTIC, null, null, null);
    }

    private static NotificationRow created(UUID id, NotificationOrigin origin, NotificationType type, String to,
                                           String normalisedTo, int billableUnits, NotificationStatus status,
                                           String reference, String clientReference, String encryptedPersonalisation,
                                           String replyToText, String postage, boolean international,
                                           String phonePrefix, String unsubscribeLink,
                                           Integer documentDownloadCount) {
        return new NotificationRow(id, to, normalisedTo, origin.jobId(), origin.jobRowNumber(), origin.serviceId(),
                origin.template().id(), origin.template().version(), origin.apiKeyId(), origin.keyType(), billableUnits,
                type, origin.createdAt(), null, null, null, status, reference, clientReference,
                encryptedPersonalisation, replyToText, postage, null, international, phonePrefix, unsubscribeLink,
                documentDownloadCount);
    }
}
