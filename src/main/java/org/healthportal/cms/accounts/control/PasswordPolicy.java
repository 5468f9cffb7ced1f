package org.healthportal.cms.accounts.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.healthportal.cms.platform.CmsException;

/**
 * What a new password must be (OWASP ASVS 4.0 V2.1): at least {@value #MIN_LENGTH} characters, not the username,
 * and not one of the passwords attackers try first — the shipped list, also with digits or symbols added at the
 * end ("password1234!"), and no single repeated character.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** PBKDF2 takes any length; a bound keeps one request from buying seconds of hashing. */
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks the policy, with a message saying which rule. */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new CmsException.InvalidInput("A password needs at least " + MIN_LENGTH + " characters")
                    .withKey("error.passwordShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new CmsException.InvalidInput("A password has at most " + MAX_LENGTH + " characters")
                    .withKey("error.passwordLong", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw new CmsException.InvalidInput("The password must not be the username").withKey("error.passwordUsername");
        }
        if (isCommon(lower)) {
            throw new CmsException.InvalidInput("This password is too common; choose another")
                    .withKey("error.passwordCommon");
        }
    }

    static boolean isCommon(String lower) {
        if (lower.chars().distinct().count() == 1 || COMMON.contains(lower)) {
            return true;
        }
        String stem = lower.replaceFirst("[^\\p{L}]+$", "");
        return !stem.isEmpty() && (COMMON.contains(stem) || stem.chars().distinct().count() == 1);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("accounts/common-passwords.txt is missing from the WAR");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
