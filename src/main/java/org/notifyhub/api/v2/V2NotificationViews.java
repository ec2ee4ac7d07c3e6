package org.notifyhub.api.v2;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.notifyhub.billing.NotificationCost;
import org.notifyhub.billing.RateCard;
import org.notifyhub.billing.Rates;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.notifications.NotificationContent;
import org.notifyhub.notifications.NotificationRow;
import org.notifyhub.notifications.NotificationStatus;
import org.notifyhub.notifications.NotificationType;
import org.notifyhub.services.Service;
import org.notifyhub.templates.RenderedEmail;
import org.notifyhub.templates.RenderedLetter;
import org.notifyhub.templates.StoredTemplate;
import org.notifyhub.templates.TemplateRepository;
import org.springframework.stereotype.Component;

/** Builds the v2 notification object from a row, rendering its content from the template version it used. */
@Component
public class V2NotificationViews {

    private final TemplateRepository templates;
    private final NotificationContent content;
    private final Rates rates;

    public V2NotificationViews(TemplateRepository templates, NotificationContent content, Rates rates) {
        this.templates = templates;
        this.content = content;
        this.rates = rates;
    }

    /** A view maker for one request: template versions are read once however many notifications use them. */
    public Maker maker(Service service, String baseUrl) {
        return new Maker(service, baseUrl);
    }

    public final class Maker {

        private final Service service;
        private final String baseUrl;
        private final Map<String, StoredTemplate> versions = new HashMap<>();
        private final RateCard rateCard;

        private Maker(Service service, String baseUrl) {
            this.service = service;
            this.baseUrl = baseUrl;
            this.rateCard = rates.card();
        }

        public V2Notification view(NotificationRow row) {
            StoredTemplate template = versions.computeIfAbsent(row.templateId() + "/" + row.templateVersion(),
                    key -> templates.findVersion(row.serviceId(), row.templateId(), row.templateVersion())
                            .orElseThrow(() -> new IllegalStateException("Missing template version for " + row.id())));
            Map<String, Object> personalisation = content.decryptPersonalisation(row.encryptedPersonalisation());
            NotificationType type = row.notificationType();
            String body;
            String subject = null;
            Map<String, String> address = Map.of();
            switch (type) {
                case EMAIL -> {
                    RenderedEmail email = content.email(template, personalisation);
                    body = email.body();
                    subject = email.subject();
                }
                case SMS -> body = content.sms(template, personalisation, service).body();
                default -> {
                    RenderedLetter letter = content.letter(template, personalisation);
                    body = letter.body();
                    subject = letter.subject();
                    address = addressFields(personalisation);
                }
            }
            boolean letter = type == NotificationType.LETTER;
            NotificationCost cost = NotificationCost.of(row, rateCard);
            return new V2Notification(row.id(), row.clientReference(),
                    type == NotificationType.EMAIL ? row.to() : null, type == NotificationType.SMS ? row.to() : null,
                    address.get("address_line_1"), address.get("address_line_2"), address.get("address_line_3"),
                    address.get("address_line_4"), address.get("address_line_5"), address.get("address_line_6"),
                    address.get("postcode"), type.wireName(), letter ? letterStatus(row.status()) : row.status().wireName(),
                    new V2Notification.Template(template.id(), template.version(),
                            baseUrl + "/v2/template/" + template.id() + "/version/" + template.version()),
                    body, subject, NotifyTime.toWire(row.createdAt()), null, NotifyTime.toWire(row.sentAt()),
                    row.status().isCompleted() ? NotifyTime.toWire(row.updatedAt()) : null, null,
                    letter ? row.postage() : null, row.unsubscribeLink(), letter ? estimatedDelivery(row) : null,
                    cost.inPounds(), cost.ready(), cost.details());
        }
    }

    /** Letters show Notify's public statuses: accepted while with us or DVLA, received once delivered. */
    static String letterStatus(NotificationStatus status) {
        return switch (status) {
            case CREATED, SENDING -> "accepted";
            case DELIVERED, RETURNED_LETTER -> "received";
            default -> status.wireName();
        };
    }

    private static Map<String, String> addressFields(Map<String, Object> personalisation) {
        Map<String, String> fields = new HashMap<>();
        personalisation.forEach((key, value) -> {
            String name = key.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if ((name.startsWith("address_line_") || name.equals("postcode")) && value != null) {
                fields.put(name, value.toString());
            }
        });
        return fields;
    }

    /** Printed the next working day after the 17:30 cut-off, then in the post for the postage's transit days. */
    private static String estimatedDelivery(NotificationRow row) {
        ZonedDateTime london = row.createdAt().atZone(ZoneOffset.UTC).withZoneSameInstant(NotifyTime.LONDON).plusHours(6).plusMinutes(30);
        LocalDate day = nextWorkingDay(london.toLocalDate());
        int transit = switch (row.postage() == null ? "second" : row.postage()) {
            case "first" -> 1;
            case "second" -> 3;
            case "economy" -> 6;
            default -> 5;
        };
        for (int i = 0; i < transit; i++) {
            day = nextWorkingDay(day.plusDays(1));
        }
        return NotifyTime.toWire(day.atTime(16, 0).atZone(NotifyTime.LONDON).toInstant());
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day;
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }
}
