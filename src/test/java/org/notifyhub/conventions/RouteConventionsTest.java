package org.notifyhub.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** House rules for routes, queues and migrations, read from the source files themselves. */
class RouteConventionsTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern QUEUE_CONSUMER = Pattern.compile("aws2-sqs:\\{\\{notify\\.queues\\.([a-z0-9-]+)}}");
    /** A queue named as a parameter of a templated route whose template consumes {{queue}}. */
    private static final Pattern QUEUE_PARAMETER = Pattern.compile("value: \"\\{\\{notify\\.queues\\.([a-z0-9-]+)}}\"");

    @Test
    void everyRouteHasAnExplicitUniqueKebabCaseId() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : routeFiles()) {
            for (Map<String, Object> element : elements(file)) {
                if (element.get("route") instanceof Map<?, ?> route) {
                    ids.add(requiredId(file, route, "id"));
                    assertThat(route.get("group")).as("group (role) of %s in %s", route.get("id"), file)
                            .isIn("api", "worker", "scheduler", "all");
                }
                if (element.get("templatedRoute") instanceof Map<?, ?> templated) {
                    ids.add(requiredId(file, templated, "routeId"));
                }
                if (element.get("rest") instanceof Map<?, ?> rest) {
                    for (String verb : List.of("get", "post", "put", "delete")) {
                        if (rest.get(verb) instanceof List<?> operations) {
                            operations.forEach(op -> ids.add(requiredId(file, (Map<?, ?>) op, "routeId")));
                        }
                    }
                }
            }
        }
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates().allMatch(id -> KEBAB.matcher(id).matches());
    }

    /**
     * A route fed by anything but direct: (a queue, a schedule, a folder) says how its failures are handled, by naming a
     * route configuration that exists; left-to-consumer is the explicit "nothing to handle". Every name used exists.
     */
    @Test
    void everyConsumerRouteNamesAnExistingRouteConfiguration() throws IOException {
        Set<String> configurations = new HashSet<>();
        List<Map<?, ?>> routes = new ArrayList<>();
        for (Path file : routeFiles()) {
            for (Map<String, Object> element : elements(file)) {
                if (element.get("routeConfiguration") instanceof Map<?, ?> configuration) {
                    configurations.add(requiredId(file, configuration, "id"));
                }
                if (element.get("route") instanceof Map<?, ?> route) {
                    routes.add(route);
                }
                if (element.get("routeTemplate") instanceof Map<?, ?> template && template.get("route") instanceof Map<?, ?> route) {
                    routes.add(route);
                }
            }
        }
        assertThat(configurations).contains("left-to-consumer", "v2-api-errors");
        List<String> consumers = new ArrayList<>();
        for (Map<?, ?> route : routes) {
            String uri = (String) ((Map<?, ?>) route.get("from")).get("uri");
            Object named = route.get("routeConfigurationId");
            if (!uri.startsWith("direct:")) {
                consumers.add(uri);
                assertThat(named).as("routeConfigurationId of the route from %s", uri).isInstanceOf(String.class);
            }
            if (named instanceof String ids) {
                assertThat(configurations).as("route configurations named by the route from %s", uri)
                        .containsAll(List.of(ids.split("\\s*,\\s*")));
            }
        }
        assertThat(consumers).anyMatch(uri -> uri.startsWith("aws2-sqs:")).anyMatch(uri -> uri.startsWith("quartz:"))
                .anyMatch(uri -> uri.startsWith("dvla:"));
    }

    @Test
    void everyQueuePropertyHasAConsumer() throws IOException {
        Set<String> consumed = new HashSet<>();
        for (Path file : routeFiles()) {
            Matcher matcher = Pattern.compile("from:\\s*\\n\\s*uri:\\s*" + QUEUE_CONSUMER.pattern()).matcher(Files.readString(file));
            while (matcher.find()) {
                consumed.add(matcher.group(1));
            }
            String text = Files.readString(file);
            if (text.contains("uri: \"aws2-sqs:{{queue}}\"")) {
                Matcher parameters = QUEUE_PARAMETER.matcher(text);
                while (parameters.find()) {
                    consumed.add(parameters.group(1));
                }
            }
        }
        // The dead-letter queue is read on demand by the operator's endpoints, by design never by a standing route.
        consumed.add("dead-letter");
        assertThat(queueProperties()).isNotEmpty();
        assertThat(consumed).containsAll(queueProperties());
    }

    @Test
    void everyRouteFolderIsLoaded() throws IOException {
        String pattern = (String) ((Map<?, ?>) ((Map<?, ?>) applicationYml().get("camel")).get("main")).get("routes-include-pattern");
        List<String> folders = routeFolders();
        assertThat(folders).contains("api/v2", "letters/collation");
        folders.forEach(folder -> assertThat(pattern).contains("classpath:routes/" + folder + "/*.camel.yaml"));
    }

    /** A route folder is named as the Java package whose beans its routes call, so one name finds both. */
    @Test
    void routeFoldersMirrorJavaPackages() throws IOException {
        Path java = Path.of("src/main/java/org/notifyhub");
        for (String folder : routeFolders()) {
            if (!folder.equals("_shared")) {
                assertThat(java.resolve(folder)).as("Java package for routes/" + folder).isDirectory();
            }
        }
    }

    private static List<String> routeFolders() throws IOException {
        try (Stream<Path> files = Files.walk(ROUTES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml"))
                    .map(f -> ROUTES.relativize(f.getParent()).toString().replace('\\', '/'))
                    .distinct().sorted().toList();
        }
    }

    @Test
    void migrationsAreNumberedSequentiallyWithoutGaps() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(names).isNotEmpty();
        for (int i = 0; i < names.size(); i++) {
            assertThat(names.get(i)).matches(String.format("V%04d__[a-z0-9_]+\\.sql", i + 1));
        }
    }

    private static String requiredId(Path file, Map<?, ?> node, String key) {
        Object id = node.get(key);
        assertThat(id).as("%s in %s", key, file).isInstanceOf(String.class);
        return (String) id;
    }

    private static Set<String> queueProperties() throws IOException {
        Map<?, ?> notify = (Map<?, ?>) applicationYml().get("notify");
        Set<String> names = new HashSet<>();
        ((Map<?, ?>) notify.get("queues")).keySet().forEach(k -> names.add(k.toString()));
        return names;
    }

    private static Map<String, Object> applicationYml() throws IOException {
        try (InputStream in = Files.newInputStream(APPLICATION_YML)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elements(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (List<Map<String, Object>>) new Yaml().load(in);
        }
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROUTES)) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }
}
