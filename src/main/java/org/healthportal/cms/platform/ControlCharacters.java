package org.healthportal.cms.platform;

/**
 * Characters XML 1.0 forbids: the C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF.
 * The back office's ajax answers are XML, so one such character in a title or a name makes every answer that
 * shows it unreadable to the browser: the screen silently stops updating (a save that seems to do nothing).
 * No person types them; they arrive only through crafted requests, so they are refused or removed at the door.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isForbidden(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
    }

    /** The text without forbidden characters; null stays null. */
    public static String strip(String text) {
        if (text == null || text.chars().noneMatch(ControlCharacters::isForbidden)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().filter(c -> !isForbidden(c)).forEach(c -> out.append((char) c));
        return out.toString();
    }
}
