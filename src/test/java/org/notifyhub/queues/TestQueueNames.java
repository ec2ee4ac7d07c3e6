package org.notifyhub.queues;

/** Queue names without a prefix, as application.yml gives them, for tests that build beans by hand. */
public final class TestQueueNames {

    private TestQueueNames() {
    }

    public static QueueNames unprefixed() {
        return new QueueNames("send-email-tasks", "send-sms-tasks", "research-mode-tasks", "retry-tasks",
                "ses-callbacks", "sms-callbacks", "save-api-email-tasks", "save-api-sms-tasks", "database-tasks",
                "job-tasks", "service-callbacks", "service-callbacks-retry", "dead-letter",
                "create-letters-pdf-tasks", "letter-tasks", "broadcast-tasks");
    }
}
