package org.notifyhub.broadcasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CAP 1.2 documents for the tests: alerts, cancels and updates as a flood warning service would send them. */
public final class CapFixtures {

    public static final String SENDER = "www.example.gov.uk/flood-warnings";
    /** A small area by a river: 6 points, first and last the same. */
    public static final String RIVERSIDE = "52.40110,-1.51930 52.40230,-1.51520 52.40010,-1.51110 "
            + "52.39800,-1.51400 52.39850,-1.51850 52.40110,-1.51930";

    private CapFixtures() {
    }

    public static String alert(String identifier, String description) {
        return document(identifier, "Alert", null, description, "Riverside Park", RIVERSIDE);
    }

    public static String update(String identifier, String references) {
        return document(identifier, "Update", references, "The flood warning now covers the park.", "Riverside Park",
                RIVERSIDE);
    }

    /** A cancel naming earlier alerts by "sender,identifier,sent" (space-separated when several), or none. */
    public static String cancel(String identifier, String references) {
        return document(identifier, "Cancel", references, "", "Riverside Park", RIVERSIDE);
    }

    public static String document(String identifier, String msgType, String references, String description,
                                  String areaName, String... polygons) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                """);
        xml.append("  <identifier>").append(identifier).append("</identifier>\n")
                .append("  <sender>").append(SENDER).append("</sender>\n")
                .append("  <sent>2026-12-05T09:00:00-00:00</sent>\n  <status>Actual</status>\n")
                .append("  <msgType>").append(msgType).append("</msgType>\n  <scope>Public</scope>\n");
        if (references != null) {
            xml.append("  <references>").append(references).append("</references>\n");
        }
        xml.append("""
                  <info>
                    <language>en-GB</language>
                    <category>Met</category>
                    <event>Severe flood warning</event>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Likely</certainty>
                    <expires>2026-12-06T09:00:00-00:00</expires>
                """);
        xml.append("    <description>").append(description).append("</description>\n    <area>\n")
                .append("      <areaDesc>").append(areaName).append("</areaDesc>\n");
        for (String polygon : polygons) {
            xml.append("      <polygon>").append(polygon).append("</polygon>\n");
        }
        return xml.append("    </area>\n  </info>\n</alert>\n").toString();
    }

    /** A reference to an earlier alert, as CAP writes one. */
    public static String reference(String identifier) {
        return SENDER + "," + identifier + ",2026-12-05T09:00:00-00:00";
    }

    /** A circle-ish polygon of this many points around a centre, closed. */
    public static String circle(double lat, double lon, double radiusDegrees, int points) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < points - 1; i++) {
            double angle = 2 * Math.PI * i / (points - 1);
            pairs.add(String.format(Locale.ROOT, "%.6f,%.6f", lat + radiusDegrees * Math.sin(angle),
                    lon + radiusDegrees * Math.cos(angle)));
        }
        pairs.add(pairs.get(0));
        return String.join(" ", pairs);
    }
}
