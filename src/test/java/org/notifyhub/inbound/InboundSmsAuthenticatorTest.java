package org.notifyhub.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.notifyhub.support.ProviderHttp.basic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundSmsAuthenticatorTest {

    private final InboundSmsAuthenticator authenticator = new InboundSmsAuthenticator("mmg-a, mmg-b", "pw-1,pw-2", "ft-1");

    @ParameterizedTest(name = "MMG {0}:{1} -> {2}")
    @CsvSource({
            "mmg-a, pw-1, 200",
            "mmg-b, pw-1, 200",
            "mmg-a, pw-2, 200",
            "mmg-a, ft-1, 403",
            "notify, pw-1, 403",
            "'', '', 403",
    })
    void mmgUserNameAndPasswordMustEachBeConfigured(String username, String password, int status) {
        assertThat(statusOf(() -> authenticator.checkMmg(basic(username, password)))).isEqualTo(status);
    }

    @ParameterizedTest(name = "Firetext {0}:{1} -> {2}")
    @CsvSource({
            "notify, ft-1, 200",
            "notify, pw-1, 403",
            "mmg-a, ft-1, 403",
    })
    void firetextIsAlwaysUserNotify(String username, String password, int status) {
        assertThat(statusOf(() -> authenticator.checkFiretext(basic(username, password)))).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", value = {"NULL", "Bearer abc", "Basic !!!", "Basic bm9jb2xvbg=="})
    void anythingButReadableBasicCredentialsIsNoCredentials(String authorization) {
        assertThat(statusOf(() -> authenticator.checkMmg(authorization))).isEqualTo(401);
        assertThat(statusOf(() -> authenticator.checkFiretext(authorization))).isEqualTo(401);
    }

    @Test
    void withNothingConfiguredEveryoneIsRefused() {
        InboundSmsAuthenticator unconfigured = new InboundSmsAuthenticator("", "", "");
        assertThat(statusOf(() -> unconfigured.checkMmg(basic("", "")))).isEqualTo(403);
        assertThat(statusOf(() -> unconfigured.checkFiretext(basic("notify", "")))).isEqualTo(403);
    }

    private static int statusOf(Runnable check) {
        InboundSmsAuthException refused = catchThrowableOfType(InboundSmsAuthException.class, check::run);
        if (refused == null) {
            assertThatCode(check::run).doesNotThrowAnyException();
            return 200;
        }
        return refused.status();
    }
}
