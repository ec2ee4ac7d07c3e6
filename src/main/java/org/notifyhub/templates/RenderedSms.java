package org.notifyhub.templates;

/**
 * A text message ready to send.
 *
 * @param body the message as sent: prefix, placeholders filled, whitespace tidied, characters made sendable
 * @param characterCount UTF-16 length of {@code body}, extension characters counted once
 * @param fragmentCount how many SMS parts the message is billed as
 * @param unicode whether the message must go as UCS-2 rather than GSM-7
 * @param contentLengthWithoutPrefix the length Notify checks against {@link SmsRenderer#MAX_CHARACTERS}
 */
public record RenderedSms(String body, int characterCount, int fragmentCount, boolean unicode,
        int contentLengthWithoutPrefix) {

    /** Notify refuses a message longer than this, not counting the service-name prefix. */
    public boolean isTooLong() {
        return contentLengthWithoutPrefix > SmsRenderer.MAX_CHARACTERS;
    }

    /** Nothing left to send once the prefix is set aside. */
    public boolean isEmpty() {
        return contentLengthWithoutPrefix == 0;
    }
}
