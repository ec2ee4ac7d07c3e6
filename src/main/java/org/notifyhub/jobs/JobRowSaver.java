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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Body;
import org.notifyhub.common.Encryption;
import org.notifyhub.notifications.KeyType;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationOrigin;
import org.notifyhub.notifications.NotificationRepository;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationType;
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
import org.notifyhub.services.Senders;
import org.notifyhub.services.Service;
import org.notifyhub.services.ServiceRepository;
import org.notifyhub.services.TeamRecipients;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.notifyhub.templates.TemplateType;
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
    private final Senders senders;
    private final TeamRecipients team;
    private final NotificationContent content;
    private final NotificationRepository notifications;
    private final DeliveryQueues deliveryQueues;
    private final Outbox outbox;
    private final Clock clock;
    private final String letterPdfQueue;

    public JobRowSaver(ObjectMapper mapper, Encryption encryption, JobRepository jobs, ServiceRepository services,
                       TemplateRepository templates, Senders senders, TeamRecipients team,
                       NotificationContent content, NotificationRepository notifications,
                       DeliveryQueues deliveryQueues, Outbox outbox, Clock clock, QueueNames queues) {
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
        queueSends(NotificationType.of(TemplateType.fromWireName(template.templateType())), saved);
        return saved.size();
    }

    private void queueSends(NotificationType type, List<NotificationRow> saved) {
        if (saved.isEmpty()) {
            return;
        }
        List<QueueMessage> tasks = new ArrayList<>(saved.size());
        for (NotificationRow row : saved) {
            tasks.add(type == NotificationType.LETTER ? new LetterPdfTask(row.id()) : DeliveryTask.first(row.id(), type));
        }
        outbox.sendAll(type == NotificationType.LETTER ? letterPdfQueue : deliveryQueues.forSend(type, KeyType.NORMAL),
                tasks);
    }

    /** What every row of one task shares: the job, its service, template and sender. */
    private final class RowBuilder {

        private final Job job;
        private final Service service;
        private final StoredTemplate template;
        private final TemplateType type;
        private final String sender;
        private final Set<String> allowedRecipients;
        private final LocalDateTime now = LocalDateTime.now(clock);

        RowBuilder(Job job, Service service, StoredTemplate template) {
            this.job = job;
            this.service = service;
            this.template = template;
            this.type = TemplateType.fromWireName(template.templateType());
            this.sender = sender(job, type);
            this.allowedRecipients = service.restricted() ? team.normalised(service.id(), type) : null;
        }

        NotificationRow build(SaveTask.Row row) {
            try {
                return switch (type) {
                    case SMS -> sms(row);
                    case EMAIL -> email(row);
                    case LETTER -> letter(row);
                };
            } catch (InvalidRecipientException e) {
                // the file was checked on upload, so only a file changed since then gets here
                log.error("Job {} row {} not saved: {}", job.id(), row.rowNumber(), e.getMessage());
                return null;
            }
        }

        private NotificationRow sms(SaveTask.Row row) {
            // a service that lost sms_to_uk_landlines since the upload no longer texts the landlines in its file
            PhoneNumber phone = PhoneNumbers.parse(row.recipient()).checkPermitted(true,
                    service.hasPermission(Service.SMS_TO_UK_LANDLINES));
            if (!allowed(phone.normalised())) {
                return null;
            }
            int fragments = content.sms(template, row.personalisation(), service).fragmentCount();
            return NotificationRow.sms(row.id(), origin(row), row.recipient(), phone, fragments, sender, null,
                    content.encryptPersonalisation(row.personalisation()));
        }

        private NotificationRow email(SaveTask.Row row) {
            String normalised = EmailAddresses.normalise(row.recipient());
            if (!allowed(normalised)) {
                return null;
            }
            // A CSV row has no one_click_unsubscribe_url: in Notify it is the API request's alone.
            return NotificationRow.email(row.id(), origin(row), row.recipient(), sender, null,
                    content.encryptPersonalisation(row.personalisation()), null, null);
        }

        private NotificationRow letter(SaveTask.Row row) {
            Map<String, String> personalisation = new HashMap<>(row.personalisation());
            personalisation.putAll(PostalAddresses.addressFields(row.personalisation()));
            PostalAddress address = PostalAddresses.fromPersonalisation(personalisation);
            String clientReference = row.personalisation().get("reference");
            return NotificationRow.letter(row.id(), origin(row), address, null,
                    clientReference == null || clientReference.isEmpty() ? null : clientReference,
                    content.encryptPersonalisation(personalisation));
        }

        private NotificationOrigin origin(SaveTask.Row row) {
            return NotificationOrigin.jobRow(service.id(), template, job.id(), row.rowNumber(), now);
        }

        /** A trial service's job rows go only to its team and guest list, as Notify skips the rest. */
        private boolean allowed(String normalisedRecipient) {
            return allowedRecipients == null || allowedRecipients.contains(normalisedRecipient);
        }
    }

    /** The job's chosen sender; one archived since the job was created gives way to the default rule. */
    private String sender(Job job, TemplateType type) {
        UUID serviceId = job.serviceId();
        UUID chosen = job.senderId();
        return switch (type) {
            case SMS -> (chosen == null ? Optional.<String>empty() : senders.smsSender(serviceId, chosen))
                    .orElseGet(() -> senders.defaultSmsSender(serviceId));
            case EMAIL -> (chosen == null ? Optional.<String>empty() : senders.replyTo(serviceId, chosen))
                    .orElseGet(() -> senders.defaultReplyTo(serviceId));
            case LETTER -> null;
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
