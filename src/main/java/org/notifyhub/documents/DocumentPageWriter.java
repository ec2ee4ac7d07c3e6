package org.notifyhub.documents;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.notifyhub.common.ResponseHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/** Writes a {@link DocumentPage} as the HTTP response: its headers only, none of the request's. */
@Component
public class DocumentPageWriter {

    public void write(Exchange exchange) {
        Message message = exchange.getMessage();
        DocumentPage page = message.getBody(DocumentPage.class);
        message.removeHeaders("*");
        for (Map.Entry<String, String> header : page.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, page.status());
        message.setBody(page.body());
        exchange.setProperty(ResponseHeaderFilterStrategy.PAGE_HEADERS, true);
    }
}
