package org.healthportal.cms.accounts.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 at the work factor of OWASP's Password Storage Cheat Sheet (600,000 iterations of HMAC-SHA256). Hashes
 * are stored as {@code algorithm:iterations:salt:hash} in Base64, the format Soteria's {@code Pbkdf2PasswordHash}
 * wrote before, so the hashes it made (2,048 iterations) still verify and are replaced at the next sign-in.
 */
public final class PasswordHashing {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHashing(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(derive(ALGORITHM, password, salt, iterations, KEY_BYTES));
    }

    /** True when the password matches; a malformed stored hash never matches. Constant time in the comparison. */
    public boolean verify(char[] password, String stored) {
        Parsed p = Parsed.of(stored);
        if (p == null) {
            return false;
        }
        return MessageDigest.isEqual(p.key, derive(p.algorithm, password, p.salt, p.iterations, p.key.length));
    }

    /** A hash made with another algorithm or fewer iterations than this one makes now. */
    public boolean needsRehash(String stored) {
        Parsed p = Parsed.of(stored);
        return p == null || !ALGORITHM.equals(p.algorithm) || p.iterations < iterations;
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available: " + algorithm, e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] key) {
        static Parsed of(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split(":");
            if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac")) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] key = Base64.getDecoder().decode(parts[3]);
                return iterations > 0 && key.length > 0 ? new Parsed(parts[0], iterations, salt, key) : null;
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }
}
