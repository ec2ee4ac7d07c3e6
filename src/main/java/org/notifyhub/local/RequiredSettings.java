package org.notifyhub.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        boolean dvla = has(env, "notify.dvla.ftp.host");
        boolean dvlaOff = !env.getProperty("notify.dvla.enabled", Boolean.class, true);
        if (!dvla && !dvlaOff) {
            problems.add("NOTIFY_DVLA_FTP_HOST (with NOTIFY_DVLA_FTP_USERNAME and NOTIFY_DVLA_FTP_PASSWORD), "
                    + "or NOTIFY_DVLA_ENABLED=false for a hub that prints no letters: DVLA");
        } else if (dvla && dvlaOff) {
            problems.add("NOTIFY_DVLA_ENABLED=false contradicts NOTIFY_DVLA_FTP_HOST: choose one");
        } else if (dvla && !pair(env, "notify.dvla.ftp.username", "notify.dvla.ftp.password")) {
            problems.add("NOTIFY_DVLA_FTP_USERNAME and NOTIFY_DVLA_FTP_PASSWORD: DVLA's FTP login");
        }
        if (servesApi(env) && !has(env, "notify.admin.client-secrets")) {
            problems.add("NOTIFY_ADMIN_CLIENT_SECRETS: the admin API's secrets (a node with the api role)");
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
