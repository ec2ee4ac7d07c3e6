package org.notifyhub.api.v2.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.notifyhub.api.v2.schemas.QueryArgs;
import org.notifyhub.common.V2ApiException;
import org.notifyhub.common.V2ValidationException;

class TemplateRequestsTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 7", "007, 7", "2147483647, 2147483647"})
    void aVersionIsDigits(String path, int version) {
        assertThat(TemplateRequests.version(path)).isEqualTo(OptionalInt.of(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "000"})
    void versionZeroAsksForTheLatest(String path) {
        assertThat(TemplateRequests.version(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.0", "one", "+1", "2147483648", "99999999999999999999"})
    void anythingElseIsNotFound(String path) {
        assertThatThrownBy(() -> TemplateRequests.version(path)).isInstanceOfSatisfying(V2ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "type=sms|sms",
            "type=email&type=sms|email",
            "type=letter&|letter",
            "|",
    })
    void theListTypeIsTheFirstValueGiven(String query, String type) {
        assertThat(TemplateRequests.listType(QueryArgs.parse(query))).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "type=unknown|type unknown is not one of [sms, email, letter]",
            "type=|type  is not one of [sms, email, letter]",
            "type=SMS|type SMS is not one of [sms, email, letter]",
            "type=it%27s|type \"its\" is not one of [sms, email, letter]",
            "type=a%5Cb|type a\\\\b is not one of [sms, email, letter]",
            "type=sms&folder=1|Additional properties are not allowed (folder was unexpected)",
    })
    void otherQueriesAreRefusedInNotifysWords(String query, String message) {
        assertThatThrownBy(() -> TemplateRequests.listType(QueryArgs.parse(query)))
                .isInstanceOfSatisfying(V2ValidationException.class,
                        e -> assertThat(e.messages()).containsExactly(message));
    }
}
