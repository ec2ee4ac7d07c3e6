package org.notifyhub.api.v2.templates;

import java.util.UUID;

/**
 * The body of POST /v2/template/{id}/preview.
 *
 * @param body the content with placeholders filled in (for text messages, without the service-name prefix)
 * @param subject email and letter subjects; null for text messages
 * @param html the email body as an HTML fragment; null for other types
 */
public record V2TemplatePreview(UUID id, String type, int version, String body, String subject, String html,
                                String postage) {
}
