package org.healthportal.cms.accounts.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.healthportal.cms.platform.CmsException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String refusal(String username, String password) {
        return assertThrows(CmsException.InvalidInput.class, () -> PasswordPolicy.check(username, password)).key();
    }

    @Test
    void tooShortOrTooLong() {
        assertEquals("error.passwordShort", refusal("wang", "short-pass1"));
        assertEquals("error.passwordShort", refusal("wang", null));
        assertEquals("error.passwordLong", refusal("wang", "x1".repeat(65)));
        // Characters, not bytes: twelve Chinese characters are twelve.
        assertDoesNotThrow(() -> PasswordPolicy.check("wang", "针刺疗法与神经康复的原理"));
    }

    @Test
    void notTheUsername() {
        assertEquals("error.passwordUsername", refusal("reviewer.wang", "Reviewer.Wang"));
    }

    @Test
    void notACommonPasswordEvenWithDigitsOrSymbolsAppended() {
        assertEquals("error.passwordCommon", refusal("wang", "password1234"));
        assertEquals("error.passwordCommon", refusal("wang", "Sunshine2024!"));
        assertEquals("error.passwordCommon", refusal("wang", "qwertyuiop123"));
        assertEquals("error.passwordCommon", refusal("wang", "aaaaaaaaaaaaaa"));
        assertEquals("error.passwordCommon", refusal("wang", "111111111111"));
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertDoesNotThrow(() -> PasswordPolicy.check("wang", "acupuncture-rehab-ward-7"));
        assertDoesNotThrow(() -> PasswordPolicy.check("wang", "wang-password-2026"));
    }
}
