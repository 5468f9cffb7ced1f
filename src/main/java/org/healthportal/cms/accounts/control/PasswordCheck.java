package org.healthportal.cms.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2 verification with a small memory of recent successes. API clients send the password with every
 * request (HTTP Basic) and a PBKDF2 check at OWASP's work factor costs a large fraction of a second by design; a
 * success is remembered against the stored hash, so a changed password or hash invalidates it at once, and only
 * a keyed digest of the password (the key never leaves this JVM) is kept. Per node by design: nothing to share.
 */
@ApplicationScoped
public class PasswordCheck {

    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    @ConfigProperty(name = "cms.password.iterations", defaultValue = "" + PasswordHashing.ITERATIONS)
    int iterations;

    private PasswordHashing hashing;
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final byte[] memoryKey = new byte[32];
    private String dummyHash;

    @PostConstruct
    void init() {
        hashing = new PasswordHashing(iterations);
        new SecureRandom().nextBytes(memoryKey);
        dummyHash = hashing.hash("not-a-password".toCharArray());
    }

    public String hash(String password) {
        return hashing.hash(password.toCharArray());
    }

    /** True when the stored hash was made with weaker settings than today's; it is replaced at the next sign-in. */
    public boolean needsRehash(String storedHash) {
        return hashing.needsRehash(storedHash);
    }

    /** True when the password matches the stored hash; a null hash still costs one verification. */
    public boolean matches(String username, String password, String storedHash) {
        if (storedHash == null) {
            hashing.verify(password.toCharArray(), dummyHash);
            return false;
        }
        String key = username + '\0' + digest(password);
        if (storedHash.equals(verified.get(key))) {
            return true;
        }
        boolean ok = hashing.verify(password.toCharArray(), storedHash);
        if (ok) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, storedHash);
        }
        return ok;
    }

    private String digest(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memoryKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
