package org.notifyhub.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets and personal data at rest with AES-256-GCM under a key derived from the hub's secret key. Each
 * ciphertext names the version of its key derivation, so rows written by an older version still decrypt:
 * <ul>
 *   <li>{@code v2:} (written now) — PBKDF2-HMAC-SHA256 from the JDK, with a fixed salt naming this use and
 *       {@value #ITERATIONS} iterations, worked out once at start-up, beside the rest of the start rather than in
 *       its way (the first encryption waits for it if it must);</li>
 *   <li>{@code v1:} (read only) — one plain SHA-256 of the secret, as the hub derived its key before.</li>
 * </ul>
 * The secret key setting may list several keys, comma-separated, to rotate them: the first encrypts, every one
 * decrypts (GCM's tag tells a wrong key at once), so a new key is put first on every node, and an old one is
 * dropped once nothing written under it is still read.
 */
@Component
public class Encryption {

    static final int ITERATIONS = 310_000;
    private static final String CURRENT = "v2:";
    private static final String LEGACY = "v1:";
    private static final byte[] SALT = "notify-hub/at-rest-encryption/v2".getBytes(StandardCharsets.UTF_8);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CompletableFuture<List<SecretKeySpec>> keys;
    private final List<SecretKeySpec> legacyKeys;
    private final SecureRandom random = new SecureRandom();

    public Encryption(@Value("${notify.secret-key}") String secretKeys) {
        List<String> secrets = secretKeys == null ? List.of()
                : Arrays.stream(secretKeys.split(",")).map(String::trim).toList();
        if (secrets.isEmpty() || secrets.stream().anyMatch(secret -> secret.length() < 16)) {
            throw new IllegalStateException("notify.secret-key (NOTIFY_SECRET_KEY) must be set, every key of it at least 16 characters");
        }
        this.keys = CompletableFuture.supplyAsync(
                () -> secrets.stream().map(secret -> new SecretKeySpec(pbkdf2(secret), "AES")).toList());
        this.legacyKeys = secrets.stream().map(secret -> new SecretKeySpec(sha256(secret), "AES")).toList();
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.join().get(0), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return CURRENT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String encrypted) {
        if (encrypted == null) {
            return null;
        }
        if (encrypted.startsWith(CURRENT)) {
            return open(keys.join(), encrypted.substring(CURRENT.length()));
        }
        if (encrypted.startsWith(LEGACY)) {
            return open(legacyKeys, encrypted.substring(LEGACY.length()));
        }
        throw new IllegalArgumentException("Not a value this hub encrypted");
    }

    private static String open(List<SecretKeySpec> candidates, String base64) {
        GeneralSecurityException last = null;
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            for (SecretKeySpec with : candidates) {
                try {
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
                    return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
                } catch (AEADBadTagException e) {
                    last = e; // written under another of the keys
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: was the data written with another NOTIFY_SECRET_KEY?", e);
        }
        throw new IllegalStateException("Decryption failed: was the data written with another NOTIFY_SECRET_KEY?", last);
    }

    private static byte[] pbkdf2(String secret) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
