package dev.allowlist.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex: content hashes, token hashes, stable names. One place instead of seven. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(DIGEST.get().digest(content)); // digest() leaves it reset for the next use
    }

    /**
     * One digest per thread: looking the algorithm up in the security providers costs more than hashing a
     * bearer token (3 % of a cached allowlist JSON request, where the token's hash is the cache key).
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });
}
