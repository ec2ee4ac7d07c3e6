package org.notifyhub.api.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.HubIntegrationTest;

/** GOV.UK Notify's official Node client (notifications-node-client) against the hub, changing nothing but the URL. */
class NodeClientIT extends HubIntegrationTest {

    static final Path SCRIPT_DIR = Path.of("src/test/node");

    @Test
    void theNodeClientSendsReadsListsAndSeesNotifysErrors() throws Exception {
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/notifications-node-client"))) {
            run(List.of("npm", "install", "--no-package-lock", "--no-audit", "--no-fund"), 300);
        }

        ProcessBuilder node = new ProcessBuilder("node", "send-and-read.js").directory(SCRIPT_DIR.toFile());
        node.environment().put("NOTIFY_BASE_URL", baseUrl());
        node.environment().put("NOTIFY_API_KEY", credentials.apiKeys().normal());
        node.environment().put("EMAIL_TEMPLATE_ID", credentials.templates().email().toString());
        node.environment().put("SMS_TEMPLATE_ID", credentials.templates().sms().toString());
        JsonNode out = mapper.readTree(output(node, 120));

        assertThat(out.at("/email/content/subject").asText()).isEqualTo("Hello Node");
        assertThat(out.at("/email/reference").asText()).isEqualTo("from-node");
        assertThat(out.at("/email/template/version").asInt()).isEqualTo(1);
        assertThat(out.at("/sms/content/body").asText()).endsWith("Hello Node, this is your first text message from Notify Hub.");
        assertThat(out.at("/read/email_address").asText()).isEqualTo("node-client@example.com");
        assertThat(out.at("/read/type").asText()).isEqualTo("email");
        assertThat(out.at("/list/notifications/0/id").asText()).isEqualTo(out.at("/email/id").asText());
        assertThat(out.at("/error/status_code").asInt()).isEqualTo(400);
        assertThat(out.at("/error/errors/0/message").asText()).isEqualTo("email_address Not a valid email address");
    }

    private static void run(List<String> command, int seconds) throws Exception {
        output(new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()), seconds);
    }

    /** Runs a process to its end within {@code seconds}, asserting it succeeds; returns its standard output. */
    static String output(ProcessBuilder builder, int seconds) throws Exception {
        File log = Files.createTempFile("node-client", ".log").toFile();
        Process process = builder.redirectErrorStream(false).redirectOutput(log)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("%s finished", builder.command()).isTrue();
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s exit code; output: %s", builder.command(), out).isZero();
        return out;
    }
}
