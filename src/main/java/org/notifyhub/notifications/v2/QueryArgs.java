package org.notifyhub.notifications.v2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A GET request's query string as the object Notify validates against a schema: each name once, with its first
 * value as a string (Flask's {@code request.args.to_dict()}).
 */
public final class QueryArgs {

    private QueryArgs() {
    }

    public static ObjectNode parse(String rawQueryOrNull) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        if (rawQueryOrNull == null || rawQueryOrNull.isEmpty()) {
            return args;
        }
        for (String pair : rawQueryOrNull.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!args.has(name)) {
                args.put(name, value);
            }
        }
        return args;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
