package org.notifyhub.documents;

/**
 * One file a send asks to attach, decoded and checked: its bytes, the type it will be served as, and its options.
 *
 * @param personalisationKey the personalisation name whose value the link replaces
 * @param filename           the name the recipient downloads it under, or null (then the id and the type's extension)
 * @param confirmEmail       whether the recipient must give their email address first (Notify's default: true)
 * @param retentionWeeks     how long it can be downloaded (Notify's default: 26 weeks)
 */
public record FileUpload(String personalisationKey, byte[] content, String mimetype, String filename,
                         boolean confirmEmail, int retentionWeeks) {
}
