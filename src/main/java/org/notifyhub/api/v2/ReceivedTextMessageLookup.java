package org.notifyhub.api.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.notifyhub.api.v2.schemas.FieldCheck;
import org.notifyhub.api.v2.schemas.QueryArgs;
import org.notifyhub.api.v2.schemas.RequestSchema;
import org.notifyhub.auth.AuthenticatedApiKey;
import org.notifyhub.common.NotifyTime;
import org.notifyhub.inbound.InboundSms;
import org.notifyhub.inbound.InboundSmsRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GET /v2/received-text-messages: a page of the service's inbound messages, newest first. The {@code current}
 * link never carries the query, and {@code next} (older than the page's last message) only follows a non-empty
 * page, as in Notify.
 */
@Component
public class ReceivedTextMessageLookup {

    private static final String PATH = "/v2/received-text-messages";
    private static final RequestSchema QUERY = new RequestSchema().optional("older_than", FieldCheck.uuid());

    private final InboundSmsRepository inboundSms;
    private final String configuredBaseUrl;

    public ReceivedTextMessageLookup(InboundSmsRepository inboundSms,
                                     @Value("${notify.base-url:}") String configuredBaseUrl) {
        this.inboundSms = inboundSms;
        this.configuredBaseUrl = configuredBaseUrl;
    }

    public V2ReceivedTextMessages page(@Header(Exchange.HTTP_QUERY) String query,
                                       @Header(AuthenticatedApiKey.HEADER) AuthenticatedApiKey key,
                                       @Header(Exchange.HTTP_URL) String requestUrl) {
        ObjectNode args = QueryArgs.parse(query);
        QUERY.validate(args);
        JsonNode olderThan = args.get("older_than");
        List<InboundSms> page = inboundSms.findPage(key.service().id(),
                olderThan == null ? null : UUID.fromString(olderThan.asText()), ListQueryParser.PAGE_SIZE);
        String link = BaseUrl.of(configuredBaseUrl, requestUrl) + PATH;
        String next = page.isEmpty() ? null : link + "?older_than=" + page.get(page.size() - 1).id();
        return new V2ReceivedTextMessages(page.stream().map(ReceivedTextMessageLookup::message).toList(),
                new NotificationListing.Links(link, next));
    }

    private static V2ReceivedTextMessages.Message message(InboundSms sms) {
        return new V2ReceivedTextMessages.Message(sms.id(), NotifyTime.toWire(sms.createdAt()), sms.serviceId(),
                sms.notifyNumber(), sms.userNumber(), sms.content());
    }
}
