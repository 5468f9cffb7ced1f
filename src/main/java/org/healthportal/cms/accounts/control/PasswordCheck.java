package org.healthportal.cms.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PBKDF2 verification with a small memory of recent successes. API clients send the password with every
 * request (HTTP Basic) and a PBKDF2 check costs tens of milliseconds by design; a success is remembered against
 * the stored hash, so a changed password or hash invalidates it at once. Per node by design: nothing to share.
 */
@ApplicationScoped
public class PasswordCheck {

    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private String dummyHash;

    @PostConstruct
    void init() {
        dummyHash = passwordHash.generate("not-a-password".toCharArray());
    }

    public String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    /** True when the password matches the stored hash; a null hash still costs one verification. */
    public boolean matches(String username, String password, String storedHash) {
        if (storedHash == null) {
            passwordHash.verify(password.toCharArray(), dummyHash);
            return false;
        }
        String key = username + '\0' + sha256(password);
        if (storedHash.equals(verified.get(key))) {
            return true;
        }
        boolean ok = passwordHash.verify(password.toCharArray(), storedHash);
        if (ok) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, storedHash);
        }
        return ok;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
