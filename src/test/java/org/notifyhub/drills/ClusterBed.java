package org.notifyhub.drills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.notifyhub.support.ExtraNode;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The production topology as plain processes on loopback: PostgreSQL from the system's packages (initdb into a
 * temporary folder, its own port), ElasticMQ, S3Proxy and the DVLA FTP server each as its own JVM
 * ({@link ServerProcess}), stub Firetext and SES ({@link StubProviders}) counting every send per notification, and hub
 * nodes as their own JVMs configured only by environment variables, each killable with SIGKILL and restartable on
 * its port.
 */
final class ClusterBed implements AutoCloseable {

    private static final String FTP_PASSWORD = "cluster-ftp-password";
    private static final Pattern SETTING = Pattern.compile("(notify|spring)\\.[a-z0-9.-]+=.*");
    private static final List<String> NODE_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path dataDir;
    private final Path pgBin;
    private final Path pgData;
    private final int postgresPort;
    private final List<Process> servers = new ArrayList<>();
    private final Map<String, Object> serverSettings = new LinkedHashMap<>();
    private final SqsClient sqs;
    private final StubProviders providers;
    private final JdbcClient jdbc;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, ExtraNode> nodes = new LinkedHashMap<>();
    private int apiTurn;

    ClusterBed() throws Exception {
        dataDir = Files.createTempDirectory("notify-cluster-");
        pgBin = postgresBinaries();
        pgData = dataDir.resolve("postgres");
        postgresPort = ExtraNode.freePort();
        try {
            startPostgres();
            serverSettings.putAll(startServer("sqs"));
            serverSettings.putAll(startServer("s3", dataDir.toString()));
            serverSettings.putAll(startServer("ftp", dataDir.toString(), FTP_PASSWORD));
        } catch (Exception e) {
            stopServers();
            throw e;
        }
        sqs = SqsClient.builder().endpointOverride(URI.create((String) serverSettings.get("notify.sqs.endpoint")))
                .region(Region.of(DrillBed.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(DrillBed.ACCESS_KEY, DrillBed.ACCESS_SECRET)))
                .build();
        providers = new StubProviders(this::apiBaseUrl, sqs, "ses-callbacks");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
        dataSource.setUser("postgres");
        jdbc = JdbcClient.create((DataSource) dataSource);
    }

    /** NOTIFY_CLUSTER_PG_BIN, or the newest /usr/lib/postgresql/N/bin (Debian's postgresql package). */
    private static Path postgresBinaries() throws IOException {
        String configured = System.getenv("NOTIFY_CLUSTER_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL under /usr/lib/postgresql: install postgresql"));
        }
    }

    private void startPostgres() throws Exception {
        Files.createDirectories(pgData);
        if (isRoot()) {
            // PostgreSQL refuses to run as root: its folders belong to the postgres user the package made.
            run(List.of("chown", "-R", "postgres:postgres", dataDir.toString()));
        }
        run(asPostgres(pgBin.resolve("initdb").toString(), "-D", pgData.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync"));
        run(asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-l", dataDir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + postgresPort + " -c listen_addresses=127.0.0.1 -k " + pgData
                        + " -c max_connections=200 -c fsync=on -c synchronous_commit=on", "start"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private void run(List<String> command) throws Exception {
        Path log = dataDir.resolve("commands.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    /** Starts a {@link ServerProcess} and reads the settings it prints. */
    private Map<String, Object> startServer(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve(args[0] + ".log").toFile())).start();
        servers.add(process);
        Map<String, Object> settings = new LinkedHashMap<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Path log = dataDir.resolve(args[0] + ".out");
        for (String line = out.readLine(); !ServerProcess.READY.equals(line); line = out.readLine()) {
            if (line == null) {
                throw new IllegalStateException(args[0] + " server exited; see " + dataDir.resolve(args[0] + ".log"));
            }
            if (SETTING.matcher(line).matches()) {
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        // What the server logs from now on goes on being read, so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try (out; Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                out.transferTo(file);
            } catch (IOException ended) {
                // The server stopped.
            }
        }, args[0] + "-output");
        drain.setDaemon(true);
        drain.start();
        return settings;
    }

    /** Everything a node is started with, as an operator's environment variables: every part real or stubbed. */
    Map<String, String> environment(String name, String roles, int port) {
        Map<String, Object> properties = new LinkedHashMap<>(serverSettings);
        properties.putAll(DrillBed.queueAndProviderSettings((String) serverSettings.get("notify.sqs.endpoint"), providers));
        // A message a killed worker held comes back within the run, not after five minutes.
        properties.put("notify.sqs.visibility-timeout", 30);
        properties.put("notify.delivery.in-flight", 8);
        properties.putAll(DrillBed.recoveryTimings());
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach((key, value) -> environment.put(key.toUpperCase().replace('.', '_').replace('-', '_'), String.valueOf(value)));
        environment.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + postgresPort + "/postgres");
        environment.put("NOTIFY_SECRET_KEY", DrillBed.SECRET_KEY);
        environment.put("NOTIFY_ADMIN_CLIENT_SECRETS", DrillBed.ADMIN_SECRET);
        environment.put("NOTIFY_ROLES", roles);
        environment.put("NOTIFY_NODE_NAME", name);
        environment.put("NOTIFY_LOG_FORMAT", "json");
        // no operator's CBC proxy here: the scheduler's link tests go to the simulated one
        environment.put("NOTIFY_CBC_PROXY", "simulated");
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        return environment;
    }

    /** Starts (or starts again, on the same port) the node of this name with these roles; waits until it is ready. */
    ExtraNode start(String name, String roles) throws Exception {
        int port = ports.computeIfAbsent(name, key -> freePort());
        ExtraNode node = ExtraNode.startWithEnvironment("cluster-" + name, port, environment(name, roles, port), NODE_JVM);
        synchronized (nodes) {
            nodes.put(name, node);
        }
        return node;
    }

    /** SIGKILL: the node dies mid-work, as a crashed machine would. */
    void kill(String name) throws InterruptedException {
        node(name).kill();
    }

    ExtraNode node(String name) {
        synchronized (nodes) {
            return nodes.get(name);
        }
    }

    /** The api nodes in turn, for the stub's SMS receipts (the way a load balancer spreads Firetext's callbacks). */
    private String apiBaseUrl() {
        List<ExtraNode> api;
        synchronized (nodes) {
            api = nodes.entrySet().stream().filter(e -> e.getKey().startsWith("api")).map(Map.Entry::getValue).toList();
        }
        return api.get(Math.floorMod(apiTurn++, api.size())).baseUrl();
    }

    Map<String, Object> serverSettings() {
        return Map.copyOf(serverSettings);
    }

    Path ftpHome() {
        return dataDir.resolve("dvla-ftp");
    }

    JdbcClient db() {
        return jdbc;
    }

    StubProviders providers() {
        return providers;
    }

    private static int freePort() {
        try {
            return ExtraNode.freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (ExtraNode node : nodes.values()) {
            node.kill();
        }
        providers.close();
        sqs.close();
        stopServers();
    }

    private void stopServers() throws Exception {
        for (Process server : servers) {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        if (Files.exists(pgData.resolve("postmaster.pid"))) {
            run(asPostgres(pgBin.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-m", "fast", "-w", "stop"));
        }
        // The data goes; the servers' logs stay for a look after the run.
        for (String data : List.of("postgres", "s3", "dvla-ftp")) {
            FileSystemUtils.deleteRecursively(dataDir.resolve(data));
        }
    }

    /** Where the servers' logs are. */
    Path folder() {
        return dataDir;
    }
}
