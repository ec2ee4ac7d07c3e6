package org.notifyhub.letters.collation;

import java.time.LocalDateTime;
import java.util.UUID;

/** A created letter selected for tonight's print run, before its PDF is looked up. */
public record LetterToCollate(UUID id, String reference, UUID serviceId, UUID organisationId, LocalDateTime createdAt) {
}
