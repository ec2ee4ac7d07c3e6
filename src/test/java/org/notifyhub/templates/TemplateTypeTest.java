package org.notifyhub.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTypeTest {

    @ParameterizedTest
    @CsvSource({"sms, SMS", "email, EMAIL", "letter, LETTER"})
    void wireNamesRoundTrip(String wireName, TemplateType type) {
        assertThat(TemplateType.fromWireName(wireName)).isEqualTo(type);
        assertThat(type.wireName()).isEqualTo(wireName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMS", "broadcast", "text", ""})
    void unknownWireNamesAreRejected(String wireName) {
        assertThatThrownBy(() -> TemplateType.fromWireName(wireName)).isInstanceOf(IllegalArgumentException.class);
    }
}
