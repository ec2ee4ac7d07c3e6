package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script of src/test/node with GOV.UK Notify's official Node client (installed there on first use). */
public final class NodeScripts {

    private static final Path SCRIPT_DIR = Path.of("src/test/node");

    private NodeScripts() {
    }

    /** The script's standard output, once it exited with 0 within {@code seconds}. */
    public static String run(String script, Map<String, String> environment, int seconds) throws Exception {
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/notifications-node-client"))) {
            output(new ProcessBuilder(List.of("npm", "install", "--no-package-lock", "--no-audit", "--no-fund"))
                    .directory(SCRIPT_DIR.toFile()), 300);
        }
        ProcessBuilder node = new ProcessBuilder("node", script).directory(SCRIPT_DIR.toFile());
        node.environment().putAll(environment);
        return output(node, seconds);
    }

    private static String output(ProcessBuilder builder, int seconds) throws Exception {
        File log = Files.createTempFile("node-client", ".log").toFile();
        Process process = builder.redirectErrorStream(false).redirectOutput(log)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("%s finished", builder.command()).isTrue();
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s exit code; output: %s", builder.command(), out).isZero();
        return out;
    }
}
