package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notifyhub.support.ExtraNode;

/**
 * An operator's half-configured node, started as its own process with environment variables: it refuses at once with
 * one message listing every missing setting, and no stack trace (issue 14's NullPointerException was one).
 */
class MissingSettingsIT {

    @Test
    void aNodeGivenARealDatabaseButNothingElseRefusesWithTheListOfWhatIsMissing() throws Exception {
        ExtraNode.Exit exit = ExtraNode.runUntilExit("missing-settings", Map.of(
                "DATABASE_URL", "postgresql://notify:pw@127.0.0.1:1/notify",
                "NOTIFY_SQS_REGION", "eu-west-2",
                "NOTIFY_SES_REGION", "eu-west-2",
                "NOTIFY_DATA_DIR", "target/missing-settings"));

        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains("APPLICATION FAILED TO START")
                .contains("  - NOTIFY_SECRET_KEY: the key that encrypts data at rest, the same on every node")
                .contains("  - NOTIFY_S3_REGION or NOTIFY_S3_ENDPOINT: the object store")
                .contains("  - NOTIFY_FIRETEXT_URL and NOTIFY_FIRETEXT_API_KEY, or NOTIFY_MMG_URL and NOTIFY_MMG_API_KEY, "
                        + "or NOTIFY_SMS_SIMULATED=true: text messages")
                .contains("  - NOTIFY_DVLA_FTP_HOST (with NOTIFY_DVLA_FTP_USERNAME, NOTIFY_DVLA_FTP_PASSWORD or "
                        + "NOTIFY_DVLA_SFTP_PRIVATE_KEY, and NOTIFY_DVLA_SFTP_KNOWN_HOSTS), or NOTIFY_DVLA_ENABLED=false for a "
                        + "hub that prints no letters: DVLA")
                .contains("  - NOTIFY_ADMIN_CLIENT_SECRETS")
                .doesNotContain("DATABASE_URL: the PostgreSQL", "the queues", ": email")
                .doesNotContain("\tat org.", "Exception in thread", "Local default: started");
    }
}
