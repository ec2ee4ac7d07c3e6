package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncryptionTest {

    private final Encryption encryption = new Encryption("a-secret-key-of-some-length");

    @Test
    void roundTripsAndNeverStoresThePlainText() {
        String sealed = encryption.encrypt("{\"name\":\"Ada Lovelace\"}");

        assertThat(sealed).startsWith("v1:").doesNotContain("Ada");
        assertThat(encryption.decrypt(sealed)).isEqualTo("{\"name\":\"Ada Lovelace\"}");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        assertThat(encryption.encrypt("secret")).isNotEqualTo(encryption.encrypt("secret"));
    }

    @Test
    void anotherKeyCannotRead() {
        String sealed = encryption.encrypt("secret");

        assertThatThrownBy(() -> new Encryption("another-secret-key-entirely").decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new Encryption("short")).isInstanceOf(IllegalStateException.class);
    }
}
