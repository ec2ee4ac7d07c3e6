package org.notifyhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EncryptionTest {

    private static final String SECRET = "a-secret-key-of-some-length";
    private static final Encryption ENCRYPTION = new Encryption(SECRET);

    @Test
    void roundTripsUnderTheCurrentKeyDerivationAndNeverStoresThePlainText() {
        String sealed = ENCRYPTION.encrypt("{\"name\":\"Ada Lovelace\"}");

        assertThat(sealed).startsWith("v2:").doesNotContain("Ada");
        assertThat(ENCRYPTION.decrypt(sealed)).isEqualTo("{\"name\":\"Ada Lovelace\"}");
    }

    @Test
    void theKeyIsNoLongerAPlainHashOfTheSecret() throws Exception {
        String sealed = ENCRYPTION.encrypt("secret");

        assertThatThrownBy(() -> openWithPlainHashKey(sealed.substring(3))).isInstanceOf(Exception.class);
    }

    @Test
    void rowsWrittenUnderTheOldDerivationStillDecrypt() throws Exception {
        String legacy = "v1:" + sealWithPlainHashKey("written before the KDF");

        assertThat(ENCRYPTION.decrypt(legacy)).isEqualTo("written before the KDF");
    }

    @Test
    void aRotatedKeyListEncryptsUnderItsFirstKeyAndReadsWhatEveryKeyWrote() throws Exception {
        String underOld = ENCRYPTION.encrypt("written before the rotation");
        String legacyUnderOld = "v1:" + sealWithPlainHashKey("legacy before the rotation");
        Encryption rotated = new Encryption("a-brand-new-secret-key, " + SECRET);

        String underNew = rotated.encrypt("written after the rotation");

        assertThat(rotated.decrypt(underOld)).isEqualTo("written before the rotation");
        assertThat(rotated.decrypt(legacyUnderOld)).isEqualTo("legacy before the rotation");
        assertThat(rotated.decrypt(underNew)).isEqualTo("written after the rotation");
        // the new key, not the old one, wrote it: a node that has only the old key cannot read it
        assertThat(new Encryption("a-brand-new-secret-key").decrypt(underNew)).isEqualTo("written after the rotation");
        assertThatThrownBy(() -> ENCRYPTION.decrypt(underNew)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyKeyOfTheListMustBeLongEnough() {
        assertThatThrownBy(() -> new Encryption("a-long-enough-secret-key,short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> new Encryption("")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        assertThat(ENCRYPTION.encrypt("secret")).isNotEqualTo(ENCRYPTION.encrypt("secret"));
    }

    @Test
    void anotherKeyOrATamperedValueCannotBeRead() {
        String sealed = ENCRYPTION.encrypt("secret");
        // One bit of the ciphertext flipped (a bit of the bytes themselves: a base64 character's unused bits would not do).
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length / 2] ^= 1;
        String tampered = "v2:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> new Encryption("another-secret-key-entirely").decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ENCRYPTION.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ENCRYPTION.decrypt("v3:AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new Encryption("short")).isInstanceOf(IllegalStateException.class);
    }

    /** What the hub wrote before: AES-GCM under SHA-256(secret), IV first. */
    private static String sealWithPlainHashKey(String plain) throws Exception {
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, plainHashKey(), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + sealed.length];
        System.arraycopy(sealed, 0, out, iv.length, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static String openWithPlainHashKey(String base64) throws Exception {
        byte[] in = Base64.getDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, plainHashKey(), new GCMParameterSpec(128, in, 0, 12));
        return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    }

    private static SecretKeySpec plainHashKey() throws Exception {
        return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8)), "AES");
    }
}
