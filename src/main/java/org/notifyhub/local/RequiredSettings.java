package org.notifyhub.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * What a node needs once it is not the local default. The embedded servers stand in only when nothing real is
 * configured: as soon as one real endpoint is given, every part must be real or explicitly simulated or switched off,
 * so a node never half-works (a real database next to an in-process queue no other node can see, a secret key of its
 * own that no other node can read with).
 */
final class RequiredSettings {

    static final int MIN_SECRET_KEY_LENGTH = 16;

    private RequiredSettings() {
    }

    /** Whether any setting names a real server, which ends the local default. */
    static boolean anyRealEndpoint(PropertyResolver env) {
        return database(env) || has(env, "notify.sqs.endpoint") || has(env, "notify.sqs.region")
                || has(env, "notify.s3.endpoint") || has(env, "notify.s3.region") || ses(env)
                || has(env, "notify.dvla.ftp.host") || has(env, "notify.firetext.url") || has(env, "notify.mmg.url");
    }

    static boolean database(PropertyResolver env) {
        return has(env, "spring.datasource.url") || has(env, "DATABASE_URL");
    }

    static boolean ses(PropertyResolver env) {
        return has(env, "notify.ses.endpoint") || has(env, "notify.ses.region");
    }

    /** One line per setting a production node lacks or contradicts, in the order the README lists them. */
    static List<String> problems(PropertyResolver env) {
        List<String> problems = new ArrayList<>();
        if (!database(env)) {
            problems.add("DATABASE_URL: the PostgreSQL database every node shares");
        }
        secretKeyProblem(env.getProperty("notify.secret-key")).ifPresent(problems::add);
        if (!has(env, "notify.sqs.endpoint") && !has(env, "notify.sqs.region")) {
            problems.add("NOTIFY_SQS_REGION or NOTIFY_SQS_ENDPOINT: the queues");
        }
        if (!has(env, "notify.s3.endpoint") && !has(env, "notify.s3.region")) {
            problems.add("NOTIFY_S3_REGION or NOTIFY_S3_ENDPOINT: the object store");
        }
        if (!ses(env) && !"simulated".equals(env.getProperty("notify.email.provider"))) {
            problems.add("NOTIFY_SES_REGION or NOTIFY_SES_ENDPOINT, or NOTIFY_EMAIL_PROVIDER=simulated: email");
        }
        boolean smsProvider = pair(env, "notify.firetext.url", "notify.firetext.api-key")
                || pair(env, "notify.mmg.url", "notify.mmg.api-key");
        boolean smsSimulated = env.getProperty("notify.sms.simulated", Boolean.class, false);
        if (!smsProvider && !smsSimulated) {
            problems.add("NOTIFY_FIRETEXT_URL and NOTIFY_FIRETEXT_API_KEY, or NOTIFY_MMG_URL and NOTIFY_MMG_API_KEY, "
                    + "or NOTIFY_SMS_SIMULATED=true: text messages");
        } else if (smsProvider && smsSimulated) {
            problems.add("NOTIFY_SMS_SIMULATED=true contradicts the SMS provider configured: choose one");
        }
        problems.addAll(dvlaProblems(env));
        if (servesApi(env) && !has(env, "notify.admin.client-secrets")) {
            problems.add("NOTIFY_ADMIN_CLIENT_SECRETS: the admin API's secrets (a node with the api role)");
        }
        return problems;
    }

    /** DVLA's server: over SFTP (the default) a login by password or private key and its known host key; over FTP a password. */
    static List<String> dvlaProblems(PropertyResolver env) {
        String protocol = env.getProperty("notify.dvla.protocol", "sftp").trim().toLowerCase(Locale.ROOT);
        boolean sftp = "sftp".equals(protocol);
        if (!sftp && !"ftp".equals(protocol)) {
            return List.of("NOTIFY_DVLA_PROTOCOL: sftp or ftp, not '" + protocol + "'");
        }
        boolean dvla = has(env, "notify.dvla.ftp.host");
        boolean dvlaOff = !env.getProperty("notify.dvla.enabled", Boolean.class, true);
        if (!dvla && !dvlaOff) {
            String login = sftp ? "NOTIFY_DVLA_FTP_USERNAME, NOTIFY_DVLA_FTP_PASSWORD or NOTIFY_DVLA_SFTP_PRIVATE_KEY, "
                    + "and NOTIFY_DVLA_SFTP_KNOWN_HOSTS" : "NOTIFY_DVLA_FTP_USERNAME and NOTIFY_DVLA_FTP_PASSWORD";
            return List.of("NOTIFY_DVLA_FTP_HOST (with " + login + "), "
                    + "or NOTIFY_DVLA_ENABLED=false for a hub that prints no letters: DVLA");
        }
        if (dvlaOff) {
            return dvla ? List.of("NOTIFY_DVLA_ENABLED=false contradicts NOTIFY_DVLA_FTP_HOST: choose one") : List.of();
        }
        if (!sftp) {
            return pair(env, "notify.dvla.ftp.username", "notify.dvla.ftp.password") ? List.of()
                    : List.of("NOTIFY_DVLA_FTP_USERNAME and NOTIFY_DVLA_FTP_PASSWORD: DVLA's FTP login");
        }
        List<String> problems = new ArrayList<>();
        String key = env.getProperty("notify.dvla.sftp.private-key", "").trim();
        if (!has(env, "notify.dvla.ftp.username") || (!has(env, "notify.dvla.ftp.password") && key.isEmpty())) {
            problems.add("NOTIFY_DVLA_FTP_USERNAME, and NOTIFY_DVLA_FTP_PASSWORD or NOTIFY_DVLA_SFTP_PRIVATE_KEY: "
                    + "DVLA's SFTP login");
        }
        if (!key.isEmpty() && !key.startsWith("-----BEGIN") && !Files.isReadable(Path.of(key))) {
            problems.add("NOTIFY_DVLA_SFTP_PRIVATE_KEY: neither a PEM key nor a readable file");
        }
        if (!has(env, "notify.dvla.sftp.known-hosts")) {
            problems.add("NOTIFY_DVLA_SFTP_KNOWN_HOSTS: the known_hosts line(s) of DVLA's SFTP server, "
                    + "whose host key is always checked");
        }
        return problems;
    }

    /** The secret key list (comma-separated, the first encrypts) is there and every key is long enough. */
    static Optional<String> secretKeyProblem(String keys) {
        if (!StringUtils.hasText(keys)) {
            return Optional.of("NOTIFY_SECRET_KEY: the key that encrypts data at rest, the same on every node");
        }
        boolean tooShort = Arrays.stream(keys.split(",")).map(String::trim)
                .anyMatch(key -> key.length() < MIN_SECRET_KEY_LENGTH);
        return tooShort
                ? Optional.of("NOTIFY_SECRET_KEY: every key must be at least " + MIN_SECRET_KEY_LENGTH + " characters")
                : Optional.empty();
    }

    private static boolean servesApi(PropertyResolver env) {
        return Arrays.stream(env.getProperty("notify.roles", "api,worker,scheduler").split(","))
                .map(String::trim).anyMatch("api"::equals);
    }

    private static boolean pair(PropertyResolver env, String first, String second) {
        return has(env, first) && has(env, second);
    }

    private static boolean has(PropertyResolver env, String key) {
        return StringUtils.hasText(env.getProperty(key));
    }
}
