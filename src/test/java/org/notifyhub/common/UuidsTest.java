package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "xyz", "", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5bd9cb469fa16570867728950e",
            "0f8fad5b-d9cb-469f-a165-70867728950e0", "{0f8fad5b-d9cb-469f-a165-70867728950e}", "0f8fad5b-d9cb-469f-a165-7086772895\u0000e"})
    void anythingButTheCanonicalFormIsNotAnId(String text) {
        assertThat(Uuids.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0f8fad5b-d9cb-469f-a165-70867728950e", "0F8FAD5B-D9CB-469F-A165-70867728950E"})
    void theCanonicalFormInEitherCaseIs(String text) {
        assertThat(Uuids.parse(text)).contains(UUID.fromString(text));
    }
}
