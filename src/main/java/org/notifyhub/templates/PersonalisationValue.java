package org.notifyhub.templates;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.notifyhub.common.Whitespace;

/**
 * Turns a personalisation value into the text Notify shows. Notify is written in Python, so a JSON value
 * prints as Python would print it ({@code true} as {@code True}, nested objects as Python reprs).
 */
final class PersonalisationValue {

    private static final Set<String> TRUTHY = Set.of("yes", "y", "true", "t", "1", "include", "show");

    private PersonalisationValue() {
    }

    /**
     * The replacement text for a non-null value. Lists become {@code a, b and c}, or a markdown bullet list
     * where the field is markdown; empty and blank items are dropped.
     */
    static String text(Object value, boolean markdownLists) {
        List<String> items = listItems(value);
        if (items == null) {
            return str(value);
        }
        if (items.isEmpty()) {
            return "";
        }
        if (markdownLists) {
            StringBuilder list = new StringBuilder("\n\n");
            for (int i = 0; i < items.size(); i++) {
                list.append(i == 0 ? "" : "\n").append("* ").append(items.get(i));
            }
            return list.toString();
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Whether the text shown for a value switches a conditional placeholder on. */
    static boolean isTruthy(String text) {
        return !text.isEmpty() && TRUTHY.contains(text.toLowerCase(Locale.ROOT));
    }

    private static List<String> listItems(Object value) {
        Collection<?> collection = asCollection(value);
        if (collection == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (Object item : collection) {
            if (item != null) {
                String visible = Whitespace.removeChars(str(item),
                        Whitespace.ZERO_WIDTH + Whitespace.UNICODE_SEPARATORS + Whitespace.NO_BREAK_SPACES);
                String text = Whitespace.strip(visible, Whitespace.ASCII);
                if (!text.isEmpty()) {
                    items.add(text);
                }
            }
        }
        return items;
    }

    private static Collection<?> asCollection(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        return null;
    }

    /** Python's {@code str()}. */
    static String str(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        return repr(value);
    }

    /** Python's {@code repr()}, which is how values inside lists and objects print. */
    private static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof CharSequence text) {
            return quoted(text.toString());
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return pythonFloat(((Number) value).doubleValue());
        }
        if (value instanceof Number || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                out.append(repr(entry.getKey())).append(": ").append(repr(entry.getValue()));
                out.append(entries.hasNext() ? ", " : "");
            }
            return out.append('}').toString();
        }
        Collection<?> collection = asCollection(value);
        if (collection != null) {
            StringBuilder out = new StringBuilder("[");
            Iterator<?> items = collection.iterator();
            while (items.hasNext()) {
                out.append(repr(items.next())).append(items.hasNext() ? ", " : "");
            }
            return out.append(']').toString();
        }
        return value.toString();
    }

    private static String quoted(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }

    private static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = decimal.signum() < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
