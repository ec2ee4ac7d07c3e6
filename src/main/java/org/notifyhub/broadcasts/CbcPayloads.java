package org.notifyhub.broadcasts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notifyhub.common.NotifyTime;

/**
 * The payloads Notify's cbc_proxy gave each operator's proxy: CAP for EE, O2 and Three, IBAG (with the message's
 * sequential number) for Vodafone; Welsh when the text has a Welsh letter outside GSM, in each format's words.
 */
public final class CbcPayloads {

    public static final String VODAFONE = "vodafone";
    public static final String HEADLINE = "GOV.UK Notify Broadcast";
    /** CAP's date-time: seconds and an explicit zone, UTC written -00:00 as Notify wrote it. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'");

    private CbcPayloads() {
    }

    public static String lambdaName(String provider, int which) {
        return provider + "-" + which + "-proxy";
    }

    public static Map<String, Object> alert(String provider, BroadcastEvent event, ProviderMessage message,
                                            String channel) {
        Map<String, Object> payload = start(provider, "alert", message.id().toString(), message.formattedNumber());
        payload.put("headline", HEADLINE);
        payload.put("description", event.body());
        List<Map<String, Object>> areas = new ArrayList<>();
        for (JsonNode polygon : event.transmittedAreas().path("simple_polygons")) {
            areas.add(Map.of("polygon", polygon));
        }
        payload.put("areas", areas);
        payload.put("sent", cap(event.sentAt()));
        payload.put("expires", cap(event.transmittedFinishesAt()));
        payload.put("language", language(provider, event.body()));
        payload.put("channel", channel);
        return payload;
    }

    /** A cancel names the operator's messages for the earlier events it cancels. */
    public static Map<String, Object> cancel(String provider, BroadcastEvent event, ProviderMessage message,
                                             List<ProviderMessage> earlier) {
        Map<String, Object> payload = start(provider, "cancel", message.id().toString(), message.formattedNumber());
        List<Map<String, Object>> references = new ArrayList<>();
        for (ProviderMessage previous : earlier) {
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("message_id", previous.id().toString());
            if (VODAFONE.equals(provider)) {
                reference.put("message_number", previous.formattedNumber());
            }
            reference.put("sent", NotifyTime.toWire(previous.createdAt()));
            references.add(reference);
        }
        payload.put("references", references);
        payload.put("sent", cap(event.sentAt()));
        return payload;
    }

    public static Map<String, Object> linkTest(String provider, Long messageNumber) {
        return start(provider, "test", UUID.randomUUID().toString(),
                messageNumber == null ? null : ProviderMessage.formatNumber(messageNumber));
    }

    private static Map<String, Object> start(String provider, String type, String identifier, String number) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message_type", type);
        payload.put("identifier", identifier);
        if (VODAFONE.equals(provider)) {
            payload.put("message_number", number);
        }
        payload.put("message_format", VODAFONE.equals(provider) ? "ibag" : "cap");
        return payload;
    }

    static String language(String provider, String text) {
        boolean welsh = BroadcastContent.isWelsh(text);
        if (VODAFONE.equals(provider)) {
            return welsh ? "Welsh" : "English";
        }
        return welsh ? "cy-GB" : "en-GB";
    }

    static String cap(LocalDateTime utc) {
        return utc == null ? null : CAP_TIME.format(utc);
    }
}
