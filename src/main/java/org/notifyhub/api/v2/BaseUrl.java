package org.notifyhub.api.v2;

import java.net.URI;
import org.springframework.util.StringUtils;

/** The root URL that links in responses start with: configured, or else the one the caller used. */
public final class BaseUrl {

    private BaseUrl() {
    }

    public static String of(String configured, String requestUrl) {
        if (StringUtils.hasText(configured)) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        URI uri = URI.create(requestUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
