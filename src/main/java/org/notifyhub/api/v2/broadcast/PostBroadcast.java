package org.notifyhub.api.v2.broadcast;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.broadcasts.BroadcastContent;
import org.notifyhub.broadcasts.BroadcastMessageView;
import org.notifyhub.broadcasts.BroadcastMessages;
import org.notifyhub.broadcasts.BroadcastRefusedException;
import org.notifyhub.broadcasts.BroadcastStatus;
import org.notifyhub.broadcasts.CapAlert;
import org.notifyhub.broadcasts.CapDocuments;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.services.Service;
import org.springframework.stereotype.Component;

/**
 * POST /v2/broadcast, as Notify's create_broadcast: the {@code broadcast} permission, then the content type
 * (exactly {@code application/cap+xml}), then a CAP 1.2 document valid against the schema. An Alert becomes a
 * message pending approval; a Cancel rejects or cancels the one message its {@code <references>} name.
 */
@Component
public class PostBroadcast {

    static final String CONTENT_TYPE = "application/cap+xml";

    private final BroadcastMessages broadcasts;

    public PostBroadcast(BroadcastMessages broadcasts) {
        this.broadcasts = broadcasts;
    }

    public Map<String, Object> accept(@Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                      @Header("Content-Type") String contentType, @Body byte[] body) {
        Service service = key.service();
        if (!service.hasPermission("broadcast")) {
            throw V2ApiException.badRequest("Service is not allowed to send broadcast messages");
        }
        if (!CONTENT_TYPE.equals(contentType)) {
            throw V2ApiException.badRequest(415, "Content type " + (contentType == null ? "None" : contentType)
                    + " not supported");
        }
        CapAlert alert = CapDocuments.read(body == null ? new byte[0] : body);
        if (alert == null) {
            throw V2ApiException.badRequest("Request data is not valid CAP XML");
        }
        CapAlertChecks.check(alert);
        try {
            return "Cancel".equals(alert.msgType()) ? cancel(service, key, alert) : create(service, key, alert);
        } catch (BroadcastRefusedException refused) {
            throw V2ApiException.badRequest(refused.status(), refused.getMessage());
        }
    }

    private Map<String, Object> cancel(Service service, AuthenticatedApiKey key, CapAlert alert) {
        if (alert.references() == null) {
            throw V2ApiException.badRequest("Missing <references>");
        }
        List<String> references = Arrays.asList(alert.references().split(","));
        return broadcasts.cancelByReferences(service, references, key.keyId()).map(BroadcastMessageView::of)
                .orElseThrow(V2ApiException::notFound);
    }

    private Map<String, Object> create(Service service, AuthenticatedApiKey key, CapAlert alert) {
        BroadcastContent.tooLong("description", alert.content()).ifPresent(message -> {
            throw V2ApiException.validation(message);
        });
        // The expiry a sender asks for is ignored, as Notify ignored it: approval sets how long the alert stays on air.
        return BroadcastMessageView.of(broadcasts.create(service, new BroadcastMessages.NewMessage(alert.content(),
                alert.reference(), alert.capEvent(),
                broadcasts.capAreas(alert.areas().stream().map(CapAlert.Area::name).toList(),
                        alert.areas().stream().flatMap(area -> area.polygons().stream()).toList()),
                BroadcastStatus.PENDING_APPROVAL, null, null, null, key.keyId())));
    }
}
