package org.healthportal.cms.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthportal.cms.platform.ControlCharacters;
import org.junit.jupiter.api.Test;

class ControlCharacterCheckTest {

    @Test
    void escapesOfCharactersXmlForbidsAreFound() {
        assertTrue(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"<scr\\u0000ipt>\"}"));
        assertTrue(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"a\\u001Fb\"}"));
        assertTrue(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"a\\u000bb\"}"));
        assertTrue(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"a\\uFFFEb\"}"));
        assertTrue(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"\\\\\\u0000\"}"), "an escaped backslash, then NUL");
    }

    @Test
    void tabsLineBreaksChineseAndEscapedBackslashesPass() {
        assertFalse(ControlCharacterCheck.holdsForbiddenEscape("{\"body\":\"a\\u0009b\\u000Ac\\u000dd\\n\\t\"}"));
        assertFalse(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"\\u9488\\u7078 针灸\"}"));
        assertFalse(ControlCharacterCheck.holdsForbiddenEscape("{\"title\":\"C:\\\\u0000 is text\"}"),
                "a backslash written as \\\\ followed by the letters u0000 is text");
    }

    @Test
    void formTextLosesOnlyTheForbiddenCharacters() {
        assertEquals("<script>针灸\t\n\r", ControlCharacters.strip("<scr\u0000ipt>针\u0001灸\t\n\r\uFFFF"));
        assertEquals("plain", ControlCharacters.strip("plain"));
        assertNull(ControlCharacters.strip(null));
    }
}
