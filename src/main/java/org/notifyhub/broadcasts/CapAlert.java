package org.notifyhub.broadcasts;

import java.util.List;

/**
 * What Notify read from a CAP alert (its cap_xml_to_dict): the message type, the sender's identifier (kept as the
 * message's reference), the {@code <references>} of a cancel, the event, category, expiry, description and areas.
 * A field the document does not have is null.
 */
public record CapAlert(String msgType, String reference, String references, String capEvent, String category,
                       String expires, String content, List<Area> areas) {

    /** An area's description and its polygons, each a list of [latitude, longitude] pairs as CAP writes them. */
    public record Area(String name, List<List<double[]>> polygons) {
    }
}
