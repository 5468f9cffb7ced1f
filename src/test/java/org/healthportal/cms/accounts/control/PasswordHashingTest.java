package org.healthportal.cms.accounts.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing(PasswordHashing.ITERATIONS);

    @Test
    void newHashesUseOwaspsWorkFactorAndVerify() {
        String hash = hashing.hash("针灸与康复-correct horse".toCharArray());
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:600000:"), hash);
        assertTrue(hashing.verify("针灸与康复-correct horse".toCharArray(), hash));
        assertFalse(hashing.verify("针灸与康复-correct hors".toCharArray(), hash));
        assertFalse(hashing.needsRehash(hash));
        assertNotEquals(hash, hashing.hash("针灸与康复-correct horse".toCharArray()), "salted");
    }

    @Test
    void hashesSoteriaMadeStillVerifyAndAskToBeReplaced() throws Exception {
        // Soteria's Pbkdf2PasswordHash default: PBKDF2WithHmacSHA256, 2,048 iterations, 32-byte salt and key.
        byte[] salt = new byte[32];
        salt[0] = 7;
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("editor-demo".toCharArray(), salt, 2048, 256)).getEncoded();
        String old = "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        assertTrue(hashing.verify("editor-demo".toCharArray(), old));
        assertFalse(hashing.verify("editor-demo!".toCharArray(), old));
        assertTrue(hashing.needsRehash(old));
    }

    @Test
    void malformedHashesNeverMatch() {
        for (String bad : new String[]{null, "", "plain", "PBKDF2WithHmacSHA256:x:AA==:AA==",
                "PBKDF2WithHmacSHA256:10:not base64:AA==", "MD5:1:AA==:AA=="}) {
            assertFalse(hashing.verify("anything".toCharArray(), bad), String.valueOf(bad));
            assertTrue(hashing.needsRehash(bad), String.valueOf(bad));
        }
    }
}
