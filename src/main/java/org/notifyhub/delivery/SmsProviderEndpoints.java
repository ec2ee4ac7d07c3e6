package org.notifyhub.delivery;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where Firetext and MMG are and the keys they take. A provider is configured when it has a URL and a key; with
 * neither configured, live keys' text messages go to the simulator (the local default). Read at every send rather
 * than fixed at startup, so the providers can be repointed without a restart: the test suite's one shared context
 * points them at WireMock this way.
 */
@Component
public class SmsProviderEndpoints {

    /** Firetext takes a second key for international numbers; without one its main key is used. */
    public record Firetext(String url, String apiKey, String internationalApiKey) {

        public String apiKeyFor(boolean international) {
            return international && StringUtils.hasText(internationalApiKey) ? internationalApiKey : apiKey;
        }
    }

    public record Mmg(String url, String apiKey) {
    }

    private final Firetext configuredFiretext;
    private final Mmg configuredMmg;
    private volatile Firetext firetext;
    private volatile Mmg mmg;

    public SmsProviderEndpoints(@Value("${notify.firetext.url:}") String firetextUrl,
                                @Value("${notify.firetext.api-key:}") String firetextApiKey,
                                @Value("${notify.firetext.international-api-key:}") String firetextInternationalApiKey,
                                @Value("${notify.mmg.url:}") String mmgUrl,
                                @Value("${notify.mmg.api-key:}") String mmgApiKey) {
        this.configuredFiretext = StringUtils.hasText(firetextUrl) && StringUtils.hasText(firetextApiKey)
                ? new Firetext(firetextUrl, firetextApiKey, firetextInternationalApiKey) : null;
        this.configuredMmg = StringUtils.hasText(mmgUrl) && StringUtils.hasText(mmgApiKey) ? new Mmg(mmgUrl, mmgApiKey) : null;
        restoreConfigured();
    }

    public Optional<Firetext> firetext() {
        return Optional.ofNullable(firetext);
    }

    public Optional<Mmg> mmg() {
        return Optional.ofNullable(mmg);
    }

    /** Points the providers elsewhere; null leaves that provider unconfigured. */
    public void repoint(Firetext firetext, Mmg mmg) {
        this.firetext = firetext;
        this.mmg = mmg;
    }

    /** Back to what notify.firetext.* and notify.mmg.* say. */
    public void restoreConfigured() {
        repoint(configuredFiretext, configuredMmg);
    }
}
