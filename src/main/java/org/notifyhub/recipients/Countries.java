package org.notifyhub.recipients;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up the last line of an address in {@code recipients/countries.txt}. Matching is forgiving, as
 * Notify's is, because people write "the netherlands", "U.S.A." or "Côte d’Ivoire" on envelopes.
 */
public final class Countries {

    static final String RESOURCE = "/recipients/countries.txt";
    private static final String IGNORED_CHARACTERS = " _-'’,.()";
    /** Some names are kept with their article ("The Gambia"), so "Gambia" must find them too. */
    private static final List<String> ARTICLES = List.of("", "the");

    private static final Map<String, Country> BY_KEY = load(RESOURCE);

    private Countries() {
    }

    /** The country a line names, or empty when it names none (a line with a digit never does). */
    public static Optional<Country> find(String line) {
        Objects.requireNonNull(line, "line");
        if (line.chars().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String key = key(line);
        for (String article : ARTICLES) {
            Country country = BY_KEY.get(article + key);
            if (country != null) {
                return Optional.of(country);
            }
        }
        // "The United Kingdom", "the Philippines": the data holds most names without the article
        if (line.regionMatches(true, 0, "the ", 0, 4)) {
            return Optional.ofNullable(BY_KEY.get(key(line.substring(4))));
        }
        return Optional.empty();
    }

    /** Case, accents, spaces and punctuation don't distinguish country names; "&" and "+" read as "and". */
    static String key(String name) {
        String lowered = name.replace("&", "and").replace("+", "and").toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(lowered.length());
        lowered.codePoints()
                .filter(c -> IGNORED_CHARACTERS.indexOf(c) < 0)
                .forEach(kept::appendCodePoint);
        String normalised = kept.toString();
        String folded = Normalizer.normalize(normalised, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // names in other scripts keep their letters: folding them would make unrelated names collide
        return folded.chars().allMatch(c -> c < 128) ? folded : normalised;
    }

    static Map<String, Country> load(String resource) {
        Map<String, Country> byKey = new HashMap<>();
        for (DataFile.Line line : DataFile.read(resource, 3, "zone | name | aliases")) {
            if (line.field(1).isBlank()) {
                throw line.invalid("expected 'zone | name | aliases'");
            }
            var country = new Country(line.field(1), PostageZone.fromDataName(line.field(0)));
            register(byKey, country.name(), country, line);
            for (String alias : line.field(2).split(";")) {
                if (!alias.isBlank()) {
                    register(byKey, alias.strip(), country, line);
                }
            }
        }
        return Map.copyOf(byKey);
    }

    /** Refuses data where one name could mean two countries: a wrong postage zone costs real money. */
    private static void register(Map<String, Country> byKey, String name, Country country, DataFile.Line line) {
        Country previous = byKey.putIfAbsent(key(name), country);
        if (previous != null && !previous.equals(country)) {
            throw line.invalid("'" + name + "' already means " + previous.name());
        }
    }
}
