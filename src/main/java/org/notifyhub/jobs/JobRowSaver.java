package org.notifyhub.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Body;
import org.notifyhub.common.Encryption;
import org.notifyhub.notifications.DvlaReference;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.queues.DeliveryQueues;
import org.notifyhub.queues.DeliveryTask;
import org.notifyhub.queues.LetterPdfTask;
import org.notifyhub.queues.Outbox;
import org.notifyhub.queues.QueueMessage;
import org.notifyhub.queues.QueueNames;
import org.notifyhub.queues.SaveTask;
import org.notifyhub.recipients.EmailAddresses;
import org.notifyhub.recipients.InvalidRecipientException;
import org.notifyhub.recipients.PhoneNumber;
import org.notifyhub.recipients.PhoneNumbers;
import org.notifyhub.recipients.PostalAddress;
import org.notifyhub.recipients.PostalAddresses;
import org.notifyhub.services.ApiKey;
import org.notifyhub.services.SenderRepository;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.services.TeamRecipients;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * save-sms, save-email and save-letter: writes a save task's rows as notifications in one batch, each with its job row
 * number, the job's sender (its {@code sender_id}, else the service default) and the id fixed when it was queued,
 * then queues the sends of the rows it wrote. A row already saved is skipped, so a repeated task changes nothing;
 * a row written whose send was never queued is picked up by replay-created-notifications.
 */
@Component
public class JobRowSaver {

    private static final Logger log = LoggerFactory.getLogger(JobRowSaver.class);
    private static final TypeReference<List<SaveTask.Row>> ROWS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final Encryption encryption;
    private final JobRepository jobs;
    private final ServiceRepository services;
    private final TemplateRepository templates;
    private final SenderRepository senders;
    private final TeamRecipients team;
    private final NotificationContent content;
    private final NotificationRepository notifications;
    private final DeliveryQueues deliveryQueues;
    private final Outbox outbox;
    private final Clock clock;
    private final String defaultSmsSender;
    private final String letterPdfQueue;

    public JobRowSaver(ObjectMapper mapper, Encryption encryption, JobRepository jobs, ServiceRepository services,
                       TemplateRepository templates, SenderRepository senders, TeamRecipients team,
                       NotificationContent content, NotificationRepository notifications,
                       DeliveryQueues deliveryQueues, Outbox outbox, Clock clock,
                       @Value("${notify.sms.default-sender}") String defaultSmsSender, QueueNames queues) {
        this.mapper = mapper;
        this.encryption = encryption;
        this.jobs = jobs;
        this.services = services;
        this.templates = templates;
        this.senders = senders;
        this.team = team;
        this.content = content;
        this.notifications = notifications;
        this.deliveryQueues = deliveryQueues;
        this.outbox = outbox;
        this.clock = clock;
        this.defaultSmsSender = defaultSmsSender;
        this.letterPdfQueue = queues.createLettersPdfTasks();
    }

    /** Returns how many rows were written (0 when every row was already there). */
    public int save(@Body String message) {
        SaveTask task = read(message, SaveTask.class);
        Job job = jobs.find(task.jobId()).orElse(null);
        if (job == null) {
            log.error("{} for job {}: no such job; its rows are dropped", task.task(), task.jobId());
            return 0;
        }
        List<SaveTask.Row> rows = read(encryption.decrypt(task.rows()), ROWS);
        Service service = services.find(job.serviceId()).orElseThrow();
        StoredTemplate template = templates.findVersion(job.serviceId(), job.templateId(), job.templateVersion())
                .orElseThrow();
        RowBuilder builder = new RowBuilder(job, service, template);
        List<NotificationRow> toSave = new ArrayList<>(rows.size());
        for (SaveTask.Row row : rows) {
            NotificationRow notification = builder.build(row);
            if (notification != null) {
                toSave.add(notification);
            }
        }
        List<NotificationRow> saved = notifications.insertAllIfAbsent(toSave);
        queueSends(template.templateType(), saved);
        return saved.size();
    }

    private void queueSends(String type, List<NotificationRow> saved) {
        if (saved.isEmpty()) {
            return;
        }
        List<QueueMessage> tasks = new ArrayList<>(saved.size());
        for (NotificationRow row : saved) {
            tasks.add("letter".equals(type) ? new LetterPdfTask(row.id()) : DeliveryTask.first(row.id(), type));
        }
        outbox.sendAll("letter".equals(type) ? letterPdfQueue : deliveryQueues.forSend(type, ApiKey.NORMAL), tasks);
    }

    /** What every row of one task shares: the job, its service, template and sender. */
    private final class RowBuilder {

        private final Job job;
        private final Service service;
        private final StoredTemplate template;
        private final String sender;
        private final Set<String> allowedRecipients;
        private final LocalDateTime now = LocalDateTime.now(clock);

        RowBuilder(Job job, Service service, StoredTemplate template) {
            this.job = job;
            this.service = service;
            this.template = template;
            this.sender = sender(job, template.templateType());
            this.allowedRecipients = service.restricted() ? team.normalised(service.id(), template.templateType()) : null;
        }

        NotificationRow build(SaveTask.Row row) {
            try {
                return switch (template.templateType()) {
                    case "sms" -> sms(row);
                    case "email" -> email(row);
                    case "letter" -> letter(row);
                    default -> throw new IllegalStateException("No job rows for " + template.templateType());
                };
            } catch (InvalidRecipientException e) {
                // the file was checked on upload, so only a file changed since then gets here
                log.error("Job {} row {} not saved: {}", job.id(), row.rowNumber(), e.getMessage());
                return null;
            }
        }

        private NotificationRow sms(SaveTask.Row row) {
            PhoneNumber phone = PhoneNumbers.parse(row.recipient());
            if (!allowed(phone.normalised())) {
                return null;
            }
            int fragments = content.sms(template, row.personalisation(), service).fragmentCount();
            return row(row, row.recipient(), phone.normalised(), fragments, "sms", null, null, sender,
                    phone.international(), phone.countryPrefix(), row.personalisation());
        }

        private NotificationRow email(SaveTask.Row row) {
            String normalised = EmailAddresses.normalise(row.recipient());
            if (!allowed(normalised)) {
                return null;
            }
            return row(row, row.recipient(), normalised, 0, "email", null, null, sender, NotificationRow.DOMESTIC,
                    null, row.personalisation());
        }

        private NotificationRow letter(SaveTask.Row row) {
            Map<String, String> personalisation = new HashMap<>(row.personalisation());
            personalisation.putAll(PostalAddresses.addressFields(row.personalisation()));
            PostalAddress address = PostalAddresses.fromPersonalisation(personalisation);
            String postage = address.international() ? address.postage()
                    : template.postage() == null ? "second" : template.postage();
            String clientReference = row.personalisation().get("reference");
            return row(row, address.to(), address.normalisedTo(), 0, "letter", postage,
                    clientReference == null || clientReference.isEmpty() ? null : clientReference, null,
                    NotificationRow.DOMESTIC, null, personalisation);
        }

        private NotificationRow row(SaveTask.Row row, String to, String normalisedTo, int billableUnits, String type,
                                    String postage, String clientReference, String replyTo, boolean international,
                                    String phonePrefix, Map<String, String> personalisation) {
            return new NotificationRow(row.id(), to, normalisedTo, job.id(), row.rowNumber(), service.id(),
                    template.id(), template.version(), null, ApiKey.NORMAL, billableUnits, type, now, null, null, null,
                    NotificationStatus.CREATED, "letter".equals(type) ? DvlaReference.random() : null, clientReference,
                    content.encryptPersonalisation(personalisation), replyTo, postage, null, international,
                    phonePrefix);
        }

        /** A trial service's job rows go only to its team and guest list, as Notify skips the rest. */
        private boolean allowed(String normalisedRecipient) {
            return allowedRecipients == null || allowedRecipients.contains(normalisedRecipient);
        }
    }

    private String sender(Job job, String type) {
        UUID serviceId = job.serviceId();
        return switch (type) {
            case "sms" -> (job.senderId() == null ? senders.defaultSmsSender(serviceId)
                    : senders.smsSender(serviceId, job.senderId())).orElse(defaultSmsSender);
            case "email" -> (job.senderId() == null ? senders.defaultReplyTo(serviceId)
                    : senders.replyTo(serviceId, job.senderId())).orElse(null);
            default -> null;
        };
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable save task: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable save task rows: " + e.getOriginalMessage(), e);
        }
    }
}
