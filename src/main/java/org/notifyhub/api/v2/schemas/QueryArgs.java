package org.notifyhub.api.v2.schemas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notifyhub.common.NulCharacters;
import org.notifyhub.common.V2ApiException;

/** A GET request's query string read as Flask reads {@code request.args}. */
public final class QueryArgs {

    private QueryArgs() {
    }

    /** Every value of every name, in the order given; a name without {@code =} has the value "". NUL is refused. */
    public static Map<String, List<String>> parameters(String rawQueryOrNull) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQueryOrNull == null || rawQueryOrNull.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQueryOrNull.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (NulCharacters.in(name) || NulCharacters.in(value)) {
                throw V2ApiException.validation(name.replace("\u0000", "") + " " + NulCharacters.MESSAGE);
            }
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /**
     * The object Notify validates a query against a schema as: each name once, with its first value as a string
     * ({@code request.args.to_dict()}).
     */
    public static ObjectNode parse(String rawQueryOrNull) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        parameters(rawQueryOrNull).forEach((name, values) -> args.put(name, values.get(0)));
        return args;
    }

    /** A malformed escape is kept as it was written, as Werkzeug keeps it, rather than failing the request. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
