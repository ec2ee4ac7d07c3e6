package org.notifyhub.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, docker/nginx.conf and docker/Dockerfile, checked without a Docker engine: the topology the
 * README promises, hub services configured only by variables the hub reads and the README documents, health checks
 * on endpoints that exist, the proxy in front of the api services, and an image that runs the jar the build makes.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path NGINX = Path.of("docker/nginx.conf");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final int HUB_PORT = 6011;
    private static final Set<String> HUB_HEALTH_PATHS =
            Set.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness");
    private static final Pattern NGINX_SERVER = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9-]+):(\\d+)\\b");
    private static final Pattern NGINX_EXACT_LOCATION = Pattern.compile("location\\s+=\\s+(\\S+)\\s*\\{");

    @Test
    void theStackHasEveryServerAndTheHubPerRole() {
        Map<String, Map<String, Object>> services = services(compose(HubVariables.text(COMPOSE)));
        assertThat(services).containsKeys("postgres", "sqs", "object-store", "dvla-sftp", "proxy");
        Map<String, Long> roles = hubServices(services).values().stream()
                .collect(Collectors.groupingBy(service -> environment(service).get("NOTIFY_ROLES"), TreeMap::new,
                        Collectors.counting()));
        assertThat(roles).containsExactly(Map.entry("api", 2L), Map.entry("scheduler", 1L), Map.entry("worker", 2L));
        assertThat(image(services.get("sqs"))).startsWith("softwaremill/elasticmq-native:");
    }

    @Test
    void everyVariableSetOnAHubServiceIsOneTheHubReadsAndTheReadmeDocuments() {
        assertThat(unknownVariables(HubVariables.text(COMPOSE))).isEmpty();
    }

    @Test
    void aMisspeltVariableIsCaught() {
        String misspelt = HubVariables.text(COMPOSE).replace("NOTIFY_SQS_ENDPOINT:", "NOTIFY_SQS_ENDPIONT:");
        assertThat(unknownVariables(misspelt)).contains("NOTIFY_SQS_ENDPIONT (read by the hub: false, documented: false)");
    }

    @Test
    void everyVariableTheReadmeDocumentsIsOneTheHubReads() {
        Set<String> notRead = new TreeSet<>(HubVariables.documented());
        notRead.removeAll(HubVariables.read());
        assertThat(HubVariables.documented()).contains("DATABASE_URL", "NOTIFY_SECRET_KEY", "NOTIFY_S3_ACCESS_KEY",
                "NOTIFY_DVLA_FTP_PASSWORD");
        assertThat(notRead).isEmpty();
    }

    @Test
    void everyHealthCheckProbesTheEndpointItsClientsUse() {
        Map<String, Map<String, Object>> services = services(compose(HubVariables.text(COMPOSE)));
        assertThat(services.values()).allSatisfy(service -> assertThat(healthCheck(service)).isNotBlank());
        Map<String, String> hubEnvironment = environment(hubServices(services).values().iterator().next());
        for (Map<String, Object> hub : hubServices(services).values()) {
            URI probed = URI.create(healthCheck(hub).replaceAll(".*(http://\\S+?)\"?(\\s.*)?$", "$1"));
            assertThat(probed.getPort()).isEqualTo(HUB_PORT);
            assertThat(HUB_HEALTH_PATHS).contains(probed.getPath());
        }
        // Each server's check probes the port the hub is pointed at.
        URI database = URI.create(hubEnvironment.get("DATABASE_URL").replace("${", "").replaceAll(":\\?[^}]*}", ""));
        assertThat(healthCheck(services.get("postgres"))).contains("pg_isready", database.getPath().substring(1));
        assertThat(database.getHost()).isEqualTo("postgres");
        assertProbes(services, "sqs", URI.create(hubEnvironment.get("NOTIFY_SQS_ENDPOINT")));
        assertProbes(services, "object-store", URI.create(hubEnvironment.get("NOTIFY_S3_ENDPOINT")));
        assertThat(hubEnvironment.get("NOTIFY_DVLA_PROTOCOL")).isEqualTo("sftp");
        assertThat(hubEnvironment.get("NOTIFY_DVLA_FTP_HOST")).isEqualTo("dvla-sftp");
        assertThat(hubEnvironment.get("NOTIFY_DVLA_SFTP_KNOWN_HOSTS")).isNotBlank();
        assertThat(healthCheck(services.get("dvla-sftp"))).contains(" " + hubEnvironment.get("NOTIFY_DVLA_FTP_PORT") + " ");
        // The proxy's own check asks for a location nginx.conf answers itself.
        Set<String> locations = NGINX_EXACT_LOCATION.matcher(HubVariables.text(NGINX)).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        String proxyCheck = healthCheck(services.get("proxy"));
        assertThat(locations).anySatisfy(location -> assertThat(proxyCheck).contains(":8080" + location));
    }

    @Test
    void theProxySendsToTheApiServicesOnly() {
        Map<String, Map<String, Object>> services = services(compose(HubVariables.text(COMPOSE)));
        Set<String> apiServices = hubServices(services).entrySet().stream()
                .filter(e -> "api".equals(environment(e.getValue()).get("NOTIFY_ROLES")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<String> upstreams = NGINX_SERVER.matcher(HubVariables.text(NGINX)).results()
                .map(m -> m.group(1) + ":" + m.group(2)).toList();
        assertThat(upstreams).containsExactlyInAnyOrderElementsOf(
                apiServices.stream().map(name -> name + ":" + HUB_PORT).toList());
        Set<String> proxyWaitsFor = ((Map<?, ?>) services.get("proxy").get("depends_on")).keySet().stream()
                .map(String::valueOf).collect(Collectors.toSet());
        assertThat(proxyWaitsFor).isEqualTo(apiServices);
        assertThat(String.valueOf(services.get("proxy").get("volumes"))).contains("./nginx.conf:/etc/nginx/nginx.conf");
    }

    @Test
    void theImageRunsTheBuiltJarAsANonRootUserWithAHealthCheck() {
        String dockerfile = HubVariables.text(DOCKERFILE);
        String[] stages = dockerfile.split("(?m)^FROM ");
        assertThat(stages).as("a build stage and a runtime stage").hasSize(3);
        assertThat(stages[1]).startsWith("maven:").contains(" AS build");
        String runtime = stages[2];
        String builtJar = "target/" + pomValue("artifactId") + "-" + pomValue("version") + ".jar";
        String copied = dockerfile.replaceAll("(?s).*cp (target/\\S+\\.jar) (\\S+).*", "$1");
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + copied).matches(Path.of(builtJar)))
                .as("%s copies %s", copied, builtJar).isTrue();
        String jar = dockerfile.replaceAll("(?s).*cp target/\\S+\\.jar (\\S+).*", "$1");
        assertThat(runtime).contains("COPY --from=build").contains(jar).contains("\"-jar\"");
        String user = runtime.replaceAll("(?s).*\\nUSER (\\S+).*", "$1");
        assertThat(user).isNotIn("root", "0").doesNotContain("\n");
        assertThat(runtime.indexOf("\nUSER ")).isLessThan(runtime.indexOf("ENTRYPOINT"));
        assertThat(runtime).containsPattern("HEALTHCHECK[^\\n]*\\\\\\n\\s+CMD curl -fsS [^\\n]*http://127.0.0.1:"
                + HUB_PORT + "/actuator/health ");
        assertThat(runtime).contains("SERVER_PORT=" + HUB_PORT).contains("install -y --no-install-recommends curl");
    }

    private static List<String> unknownVariables(String composeText) {
        Set<String> read = HubVariables.read();
        Set<String> documented = HubVariables.documented();
        List<String> unknown = new ArrayList<>();
        hubServices(services(compose(composeText))).values().forEach(service -> environment(service).keySet().stream()
                .filter(name -> !read.contains(name) || !documented.contains(name))
                .map(name -> name + " (read by the hub: " + read.contains(name) + ", documented: " + documented.contains(name) + ")")
                .forEach(unknown::add));
        return unknown;
    }

    private static void assertProbes(Map<String, Map<String, Object>> services, String name, URI endpoint) {
        assertThat(endpoint.getHost()).isEqualTo(name);
        assertThat(healthCheck(services.get(name))).contains("/dev/tcp/127.0.0.1/" + endpoint.getPort() + " ");
    }

    private static Map<String, Object> compose(String text) {
        return new Yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The services that run the hub's image, by name. */
    private static Map<String, Map<String, Object>> hubServices(Map<String, Map<String, Object>> services) {
        Map<String, Map<String, Object>> hubs = new TreeMap<>();
        services.forEach((name, service) -> {
            if (service.containsKey("build") && image(service).startsWith("notify-hub")) {
                hubs.put(name, service);
            }
        });
        return hubs;
    }

    private static String image(Map<String, Object> service) {
        return String.valueOf(service.get("image"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new TreeMap<>();
        ((Map<String, Object>) service.get("environment")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        return environment;
    }

    private static String healthCheck(Map<String, Object> service) {
        Object check = service.get("healthcheck") instanceof Map<?, ?> healthcheck ? healthcheck.get("test") : null;
        return check instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList()) + " " : "";
    }

    /** The project's own coordinates in pom.xml (the first artifactId/version after the parent block). */
    private static String pomValue(String tag) {
        String pom = HubVariables.text(Path.of("pom.xml"));
        String own = pom.substring(pom.indexOf("</parent>"));
        return own.replaceAll("(?s).*?<" + tag + ">([^<]+)</" + tag + ">.*", "$1");
    }
}
