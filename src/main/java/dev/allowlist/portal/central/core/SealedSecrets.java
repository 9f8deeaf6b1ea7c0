package dev.allowlist.portal.central.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest under a rotatable key: AES-256-GCM, a fresh nonce each, sealed as
 * {@code <key id>:<base64 of nonce and ciphertext>}. The key id (the first 8 hex digits of the key's
 * SHA-256) says which key opens a value, so that after a rotation the previous keys still open what
 * they sealed while {@link #needsReseal} tells the caller to seal it again under the current key.
 */
public final class SealedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** @param current the key that seals (base64 of 32 bytes); @param previous keys that only open */
    public SealedSecrets(String current, List<String> previous) {
        SecretKeySpec key = key(current);
        currentId = id(key);
        keys.put(currentId, key);
        for (String p : previous) {
            if (p != null && !p.isBlank()) {
                SecretKeySpec k = key(p);
                keys.putIfAbsent(id(k), k);
            }
        }
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return currentId + ":" + Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret, or an {@link IllegalArgumentException} when no configured key opens it (the message names no secret). */
    public String open(String sealed) {
        int colon = sealed == null ? -1 : sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalArgumentException("no configured key opens this secret (key id "
                    + (colon < 0 ? "missing" : sealed.substring(0, colon)) + ")");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(sealed.substring(0, colon).getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed secret does not open with key " + sealed.substring(0, colon));
        }
    }

    /** Whether a value was sealed under a key other than the current one. */
    public boolean needsReseal(String sealed) {
        return sealed == null || !sealed.startsWith(currentId + ":");
    }

    public String currentKeyId() {
        return currentId;
    }

    private static SecretKeySpec key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a key must be 32 bytes (base64 of 32 random bytes: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKeySpec key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
