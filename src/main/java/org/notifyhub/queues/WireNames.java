package org.notifyhub.queues;

/**
 * The header, exchange-property and SQS attribute names that routes and beans pass between them. The wire-contract
 * test pins each literal and fails on a name used in a route but not listed here, so a rename is a decision.
 */
public final class WireNames {

    /** Camel's SQS consumer: the message's system attributes (ApproximateReceiveCount among them). */
    public static final String SQS_ATTRIBUTES = "CamelAwsSqsAttributes";
    /** The system attribute a task consumer asks for, to count its attempts. */
    public static final String RECEIVE_COUNT = "ApproximateReceiveCount";
    /** The system attribute every consumer asks for: when the message was sent (queues/QueueWaitMetrics). */
    public static final String SENT_TIMESTAMP = "SentTimestamp";
    /** Camel's SQS producer: seconds before a sent message becomes visible (CamelAwsSqsDelayValue is ignored). */
    public static final String SQS_DELAY_SECONDS = "CamelAwsSqsDelaySeconds";
    /** The outbox route: the queue it is writing to. */
    public static final String OUTBOX_QUEUE = "outboxQueue";
    /** database-tasks and job-tasks: the task a message names, which is the direct: route it goes to. */
    public static final String TASK = "task";
    /** The v2 API's authenticated key, set by the authenticator for the beans after it. */
    public static final String API_KEY = "notifyApiKey";
    /** The v2 API and the SES endpoint: what the intake accepted, kept while the send is queued. */
    public static final String ACCEPTED = "accepted";
    /** Quartz trigger routes: the scheduled job a trigger fires. */
    public static final String JOB_NAME = "jobName";
    /** DVLA response files on its server (SFTP or FTP): the folder a file moves to once handled (.processed/.failed). */
    public static final String DVLA_RESPONSE_FOLDER = "dvlaResponseFolder";

    private WireNames() {
    }
}
