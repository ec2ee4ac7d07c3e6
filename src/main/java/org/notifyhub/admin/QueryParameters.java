package org.notifyhub.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.notifyhub.common.NulCharacters;

/** An admin request's query string, with repeated parameters kept in order (?status=a&status=b). */
public final class QueryParameters {

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParameters parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isBlank()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (NulCharacters.in(name) || NulCharacters.in(value)) {
                    throw AdminApiException.invalid(name.replace("\u0000", ""), NulCharacters.MESSAGE);
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    /** The first value, as Flask's request.args.get does; null when absent. */
    public String first(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Every parameter's first value, in request order. */
    public Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        values.forEach((name, all) -> first.put(name, all.get(0)));
        return first;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AdminApiException.badRequest("Invalid query string");
        }
    }
}
