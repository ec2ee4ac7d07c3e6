package org.notifyhub.api.v2.broadcast;

import java.util.List;
import java.util.regex.Pattern;
import org.notifyhub.broadcasts.CapAlert;
import org.notifyhub.common.V2ApiException;

/**
 * Notify's post_broadcast_schema, applied to what was read from a valid CAP document, with its JSON Schema messages:
 * only Alert and Cancel, a known category, at least one area, each with a name and polygons of four or more
 * [lat, long] pairs.
 */
final class CapAlertChecks {

    static final String NAME_PATTERN = "([a-zA-Z1-9]+ )*[a-zA-Z1-9]+";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final List<String> CATEGORIES = List.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire",
            "Health", "Env", "Transport", "Infra", "CBRNE", "Other");

    private CapAlertChecks() {
    }

    static void check(CapAlert alert) {
        required("cap_event", alert.capEvent());
        required("category", alert.category());
        required("content", alert.content());
        if (!List.of("Alert", "Cancel").contains(alert.msgType())) {
            throw V2ApiException.validation("msgType " + alert.msgType() + " is not one of [Alert, Cancel]");
        }
        if (!CATEGORIES.contains(alert.category())) {
            throw V2ApiException.validation("category " + alert.category() + " is not one of "
                    + CATEGORIES.toString().replace(", ", ", "));
        }
        if (alert.areas().isEmpty()) {
            throw V2ApiException.validation("areas [] is too short");
        }
        for (CapAlert.Area area : alert.areas()) {
            String name = area.name() == null ? "" : area.name();
            if (!NAME.matcher(name).find()) {
                throw V2ApiException.validation("areas " + name + " does not match " + NAME_PATTERN);
            }
            if (area.polygons().isEmpty()) {
                throw V2ApiException.validation("areas " + name + " polygons [] is too short");
            }
            for (List<double[]> polygon : area.polygons()) {
                if (polygon.size() < 4) {
                    throw V2ApiException.validation("areas " + name + " polygon is too short");
                }
                if (polygon.stream().anyMatch(pair -> pair.length != 2)) {
                    throw V2ApiException.validation("areas " + name + " polygon is not a list of [lat, long] pairs");
                }
            }
        }
    }

    private static void required(String field, String value) {
        if (value == null) {
            throw V2ApiException.validation(field + " is a required property");
        }
    }
}
