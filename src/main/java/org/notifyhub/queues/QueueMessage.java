package org.notifyhub.queues;

/**
 * A message the hub puts on one of its own queues, as JSON. Every such type is listed here, and the wire-contract
 * test pins each one's JSON: messages already on a queue must still be read after a deploy.
 */
public sealed interface QueueMessage permits DeliveryTask, LetterPdfTask, SaveTask, JobTask, ServiceCallbackTask,
        ReturnedLettersTask, RetryEnvelope, DeadLetter, BroadcastTask {
}
