package org.notifyhub.recipients;

/** Where a letter goes, which decides its postage: UK letters keep the service's first/second class choice. */
public enum PostageZone {
    UK(null),
    EUROPE("europe"),
    REST_OF_WORLD("rest-of-world");

    private final String postage;

    PostageZone(String postage) {
        this.postage = postage;
    }

    /** Notify's postage value for international letters, or null for the UK. */
    public String postage() {
        return postage;
    }

    static PostageZone fromDataName(String name) {
        return switch (name) {
            case "uk" -> UK;
            case "europe" -> EUROPE;
            case "rest-of-world" -> REST_OF_WORLD;
            default -> throw new IllegalArgumentException("Unknown postage zone: " + name);
        };
    }
}
