package org.notifyhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Outside the local default every part must be real or explicitly simulated: each combination of settings, given as
 * an operator gives them (environment variables), either passes or names exactly what is missing or contradictory.
 */
class RequiredSettingsTest {

    private static final String DATABASE = "DATABASE_URL: the PostgreSQL database every node shares";
    private static final String SECRET = "NOTIFY_SECRET_KEY: the key that encrypts data at rest, the same on every node";
    private static final String SHORT_SECRET = "NOTIFY_SECRET_KEY: every key must be at least 16 characters";
    private static final String SQS = "NOTIFY_SQS_REGION or NOTIFY_SQS_ENDPOINT: the queues";
    private static final String S3 = "NOTIFY_S3_REGION or NOTIFY_S3_ENDPOINT: the object store";
    private static final String EMAIL = "NOTIFY_SES_REGION or NOTIFY_SES_ENDPOINT, or NOTIFY_EMAIL_PROVIDER=simulated: email";
    private static final String SMS = "NOTIFY_FIRETEXT_URL and NOTIFY_FIRETEXT_API_KEY, or NOTIFY_MMG_URL and "
            + "NOTIFY_MMG_API_KEY, or NOTIFY_SMS_SIMULATED=true: text messages";
    private static final String SMS_BOTH = "NOTIFY_SMS_SIMULATED=true contradicts the SMS provider configured: choose one";
    private static final String DVLA = "NOTIFY_DVLA_FTP_HOST (with NOTIFY_DVLA_FTP_USERNAME, NOTIFY_DVLA_FTP_PASSWORD or "
            + "NOTIFY_DVLA_SFTP_PRIVATE_KEY, and NOTIFY_DVLA_SFTP_KNOWN_HOSTS), or NOTIFY_DVLA_ENABLED=false for a hub that "
            + "prints no letters: DVLA";
    private static final String DVLA_FTP = "NOTIFY_DVLA_FTP_HOST (with NOTIFY_DVLA_FTP_USERNAME and NOTIFY_DVLA_FTP_PASSWORD), "
            + "or NOTIFY_DVLA_ENABLED=false for a hub that prints no letters: DVLA";
    private static final String DVLA_BOTH = "NOTIFY_DVLA_ENABLED=false contradicts NOTIFY_DVLA_FTP_HOST: choose one";
    private static final String DVLA_LOGIN = "NOTIFY_DVLA_FTP_USERNAME, and NOTIFY_DVLA_FTP_PASSWORD or "
            + "NOTIFY_DVLA_SFTP_PRIVATE_KEY: DVLA's SFTP login";
    private static final String DVLA_FTP_LOGIN = "NOTIFY_DVLA_FTP_USERNAME and NOTIFY_DVLA_FTP_PASSWORD: DVLA's FTP login";
    private static final String KNOWN_HOSTS = "NOTIFY_DVLA_SFTP_KNOWN_HOSTS: the known_hosts line(s) of DVLA's SFTP "
            + "server, whose host key is always checked";
    private static final String NO_KEY_FILE = "NOTIFY_DVLA_SFTP_PRIVATE_KEY: neither a PEM key nor a readable file";
    private static final String PROTOCOL = "NOTIFY_DVLA_PROTOCOL: sftp or ftp, not 'ftps'";
    private static final String PEM = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----";
    private static final String ADMIN = "NOTIFY_ADMIN_CLIENT_SECRETS: the admin API's secrets (a node with the api role)";

    /** Every part real: an email and SMS hub with DVLA, as the README's production table sets it. */
    static Map<String, String> complete() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", "postgresql://notify:pw@db:5432/notify");
        env.put("NOTIFY_SECRET_KEY", "a-secret-key-long-enough");
        env.put("NOTIFY_SQS_REGION", "eu-west-2");
        env.put("NOTIFY_S3_REGION", "eu-west-2");
        env.put("NOTIFY_SES_REGION", "eu-west-2");
        env.put("NOTIFY_FIRETEXT_URL", "https://www.firetext.co.uk/api/sendsms/json");
        env.put("NOTIFY_FIRETEXT_API_KEY", "ft-key");
        env.put("NOTIFY_DVLA_FTP_HOST", "sftp.dvla.example");
        env.put("NOTIFY_DVLA_FTP_USERNAME", "notify");
        env.put("NOTIFY_DVLA_FTP_PASSWORD", "pw");
        env.put("NOTIFY_DVLA_SFTP_KNOWN_HOSTS", "sftp.dvla.example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGQ");
        env.put("NOTIFY_ADMIN_CLIENT_SECRETS", "admin-secret");
        return env;
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of("every part real", Map.of(), List.of(), true),
                Arguments.of("only a database", only("DATABASE_URL"), List.of(SECRET, SQS, S3, EMAIL, SMS, DVLA, ADMIN), true),
                Arguments.of("only the queues", only("NOTIFY_SQS_REGION"), List.of(DATABASE, SECRET, S3, EMAIL, SMS, DVLA, ADMIN), true),
                Arguments.of("only DVLA's server", only("NOTIFY_DVLA_FTP_HOST"),
                        List.of(DATABASE, SECRET, SQS, S3, EMAIL, SMS, DVLA_LOGIN, KNOWN_HOSTS, ADMIN), true),
                Arguments.of("only Firetext", only("NOTIFY_FIRETEXT_URL"),
                        List.of(DATABASE, SECRET, SQS, S3, EMAIL, SMS, DVLA, ADMIN), true),
                Arguments.of("no secret key", without("NOTIFY_SECRET_KEY"), List.of(SECRET), true),
                Arguments.of("a short key in the rotation list", Map.of("NOTIFY_SECRET_KEY", "a-secret-key-long-enough,short"),
                        List.of(SHORT_SECRET), true),
                Arguments.of("two keys", Map.of("NOTIFY_SECRET_KEY", "a-secret-key-long-enough,an-older-key-still-read"),
                        List.of(), true),
                Arguments.of("no SES", without("NOTIFY_SES_REGION"), List.of(EMAIL), true),
                Arguments.of("no SES, email simulated", with(without("NOTIFY_SES_REGION"), "NOTIFY_EMAIL_PROVIDER", "simulated"),
                        List.of(), true),
                Arguments.of("no SMS provider", without("NOTIFY_FIRETEXT_URL", "NOTIFY_FIRETEXT_API_KEY"), List.of(SMS), true),
                Arguments.of("Firetext without its key", without("NOTIFY_FIRETEXT_API_KEY"), List.of(SMS), true),
                Arguments.of("MMG instead of Firetext", with(with(without("NOTIFY_FIRETEXT_URL", "NOTIFY_FIRETEXT_API_KEY"),
                        "NOTIFY_MMG_URL", "https://api.mmg.co.uk/jsonv2a/api.php"), "NOTIFY_MMG_API_KEY", "k"), List.of(), true),
                Arguments.of("texts simulated", with(without("NOTIFY_FIRETEXT_URL", "NOTIFY_FIRETEXT_API_KEY"),
                        "NOTIFY_SMS_SIMULATED", "true"), List.of(), true),
                Arguments.of("texts simulated and Firetext", Map.of("NOTIFY_SMS_SIMULATED", "true"), List.of(SMS_BOTH), true),
                Arguments.of("no DVLA (an email and SMS hub)", without("NOTIFY_DVLA_FTP_HOST", "NOTIFY_DVLA_FTP_USERNAME",
                        "NOTIFY_DVLA_FTP_PASSWORD", "NOTIFY_DVLA_SFTP_KNOWN_HOSTS"), List.of(DVLA), true),
                Arguments.of("letters switched off", with(without("NOTIFY_DVLA_FTP_HOST", "NOTIFY_DVLA_FTP_USERNAME",
                        "NOTIFY_DVLA_FTP_PASSWORD", "NOTIFY_DVLA_SFTP_KNOWN_HOSTS"), "NOTIFY_DVLA_ENABLED", "false"),
                        List.of(), true),
                Arguments.of("letters off and DVLA set", Map.of("NOTIFY_DVLA_ENABLED", "false"), List.of(DVLA_BOTH), true),
                Arguments.of("DVLA without a password", without("NOTIFY_DVLA_FTP_PASSWORD"), List.of(DVLA_LOGIN), true),
                Arguments.of("DVLA by private key (PEM text)", with(without("NOTIFY_DVLA_FTP_PASSWORD"),
                        "NOTIFY_DVLA_SFTP_PRIVATE_KEY", PEM), List.of(), true),
                Arguments.of("DVLA by a private key file that is not there", with(without("NOTIFY_DVLA_FTP_PASSWORD"),
                        "NOTIFY_DVLA_SFTP_PRIVATE_KEY", "/nonexistent/id_ed25519"), List.of(NO_KEY_FILE), true),
                Arguments.of("DVLA without a username", without("NOTIFY_DVLA_FTP_USERNAME"), List.of(DVLA_LOGIN), true),
                Arguments.of("DVLA without its known host key", without("NOTIFY_DVLA_SFTP_KNOWN_HOSTS"),
                        List.of(KNOWN_HOSTS), true),
                Arguments.of("DVLA over plain FTP needs no host key", with(without("NOTIFY_DVLA_SFTP_KNOWN_HOSTS"),
                        "NOTIFY_DVLA_PROTOCOL", "ftp"), List.of(), true),
                Arguments.of("plain FTP without a password", with(without("NOTIFY_DVLA_FTP_PASSWORD"),
                        "NOTIFY_DVLA_PROTOCOL", "ftp"), List.of(DVLA_FTP_LOGIN), true),
                Arguments.of("plain FTP with a private key only", with(with(without("NOTIFY_DVLA_FTP_PASSWORD"),
                        "NOTIFY_DVLA_PROTOCOL", "ftp"), "NOTIFY_DVLA_SFTP_PRIVATE_KEY", PEM), List.of(DVLA_FTP_LOGIN), true),
                Arguments.of("no DVLA, plain FTP chosen", with(without("NOTIFY_DVLA_FTP_HOST", "NOTIFY_DVLA_FTP_USERNAME",
                        "NOTIFY_DVLA_FTP_PASSWORD"), "NOTIFY_DVLA_PROTOCOL", "ftp"), List.of(DVLA_FTP), true),
                Arguments.of("an unknown DVLA protocol", Map.of("NOTIFY_DVLA_PROTOCOL", "ftps"), List.of(PROTOCOL), true),
                Arguments.of("no admin secret on an api node", without("NOTIFY_ADMIN_CLIENT_SECRETS"), List.of(ADMIN), true),
                Arguments.of("no admin secret on a worker", with(without("NOTIFY_ADMIN_CLIENT_SECRETS"), "NOTIFY_ROLES",
                        "worker,scheduler"), List.of(), true),
                Arguments.of("the SQS endpoint instead of a region", with(without("NOTIFY_SQS_REGION"), "NOTIFY_SQS_ENDPOINT",
                        "http://elasticmq:9324"), List.of(), true),
                Arguments.of("nothing at all: the local default", Map.of(), List.of(), false),
                Arguments.of("only a secret key: still the local default", Map.of("NOTIFY_SECRET_KEY", "x"), List.of(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void aNodeStartsOnlyWithEveryPartRealOrExplicit(String name, Map<String, String> overrides, List<String> problems,
                                                     boolean fromComplete) {
        Map<String, String> variables = new LinkedHashMap<>(fromComplete ? complete() : Map.of());
        variables.putAll(overrides);
        variables.values().removeIf(String::isEmpty);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("operator", Map.copyOf(variables)));

        assertThat(RequiredSettings.anyRealEndpoint(env)).as("leaves the local default").isEqualTo(fromComplete);
        if (fromComplete) {
            assertThat(RequiredSettings.problems(env)).containsExactlyElementsOf(problems);
        }
    }

    /** Only this variable of the complete set (the others blanked). */
    private static Map<String, String> only(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        complete().keySet().forEach(key -> env.put(key, ""));
        env.put(name, complete().get(name));
        return env;
    }

    private static Map<String, String> without(String... names) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : names) {
            env.put(name, "");
        }
        return env;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(env);
        out.put(name, value);
        return out;
    }
}
