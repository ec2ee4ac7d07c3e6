package org.notifyhub.conventions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment variables the hub reads, derived from its sources (application.yml's keys and {@code ${VAR}}
 * placeholders, the property keys its code and routes name, the variables its code asks for by name) under Spring's
 * relaxed binding, and those README's "Configuration for production" documents.
 */
final class HubVariables {

    private static final Path MAIN = Path.of("src/main");
    private static final Path APPLICATION_YML = MAIN.resolve("resources/application.yml");
    private static final Path README = Path.of("README.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PROPERTY_KEY = Pattern.compile("\\b(?:notify|spring|server)(?:\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern VARIABLE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PROPERTIES_RECORD = Pattern.compile("record (\\w+Properties)\\(([^)]*)\\)");
    private static final Pattern QUOTED_KEY = Pattern.compile("\"((?:notify|spring|server)(?:\\.[a-z0-9][a-z0-9-]*)+)\"");

    private HubVariables() {
    }

    /** Every variable name the hub reads. */
    static Set<String> read() {
        Set<String> names = new TreeSet<>();
        String yml = text(APPLICATION_YML);
        flatten("", new Yaml().load(yml), names);
        PLACEHOLDER.matcher(yml).results().forEach(m -> names.add(m.group(1)));
        Map<String, String> sources = sources();
        Map<String, List<String>> records = new TreeMap<>();
        sources.values().forEach(source -> {
            PROPERTY_KEY.matcher(source).results().forEach(m -> names.add(envName(m.group())));
            VARIABLE_LITERAL.matcher(source).results().forEach(m -> names.add(m.group(1)));
            PROPERTIES_RECORD.matcher(source).results().forEach(m -> records.put(m.group(1), Stream.of(m.group(2).split(","))
                    .map(component -> component.trim().replaceAll(".*\\s", "").replaceAll("([A-Z])", "-$1").toLowerCase())
                    .toList()));
        });
        // A *Properties record bound under a prefix its user names: notify.ses + accessKey ⇐ NOTIFY_SES_ACCESS_KEY.
        records.forEach((record, components) -> sources.values().stream().filter(source -> source.contains(record))
                .forEach(source -> QUOTED_KEY.matcher(source).results().forEach(prefix -> components
                        .forEach(component -> names.add(envName(prefix.group(1) + "." + component))))));
        return names;
    }

    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            Map<String, String> sources = new TreeMap<>();
            files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yaml"))
                    .forEach(file -> sources.put(file.toString(), text(file)));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every variable README's production table names, its shorthands ({@code _PORT}, "likewise `S3`") spelt out. */
    static Set<String> documented() {
        String readme = text(README);
        int start = readme.indexOf("## Configuration for production");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> names = new TreeSet<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                names.addAll(namesInRow(line.substring(0, line.indexOf('|', 2))));
            }
        }
        return names;
    }

    /**
     * A row's names: each full name; a shorthand {@code _X_Y} after a full name replaces as many of its last parts
     * ({@code NOTIFY_DVLA_FTP_HOST}, {@code _PORT}); a bare word ("likewise `S3`") replaces its second part.
     */
    private static List<String> namesInRow(String cell) {
        List<String> names = new ArrayList<>();
        List<String> likewise = new ArrayList<>();
        String lastFull = null;
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String token = code.group(1);
            if (token.startsWith("_") && lastFull != null) {
                List<String> parts = List.of(lastFull.split("_"));
                int replaced = token.substring(1).split("_").length;
                names.add(String.join("_", parts.subList(0, parts.size() - replaced)) + token);
            } else if (token.contains("_")) {
                lastFull = token;
                names.add(token);
            } else {
                likewise.add(token);
            }
        }
        for (String name : List.copyOf(names)) {
            for (String other : likewise) {
                String[] parts = name.split("_");
                parts[1] = other;
                names.add(String.join("_", parts));
            }
        }
        return names;
    }

    /** Spring's relaxed binding from an environment variable: notify.sqs.access-key ⇐ NOTIFY_SQS_ACCESS_KEY. */
    static String envName(String propertyKey) {
        return propertyKey.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static void flatten(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, names));
        } else {
            names.add(envName(prefix));
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
