package org.healthportal.cms.site.control;

import java.util.regex.Pattern;

/** Plain text out of sanitized HTML, and excerpts cut at a character budget without breaking a surrogate pair. */
public final class Excerpts {

    public static final int LIST_LENGTH = 120;
    public static final int META_LENGTH = 150;

    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|h[1-6]|li|div|blockquote|tr)>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Excerpts() {
    }

    /** The text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
    public static String plainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = BLOCK_END.matcher(html).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** At most {@code max} characters of {@code text}, with an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = SPACE.matcher(text).replaceAll(" ").strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        int end = t.offsetByCodePoints(0, max);
        return t.substring(0, end).stripTrailing() + "…";
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = s.substring(i + 1, semi);
                String decoded = decode(entity);
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String decode(String entity) {
        switch (entity) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default:
                try {
                    if (entity.startsWith("#x") || entity.startsWith("#X")) {
                        return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
                    }
                    if (entity.startsWith("#")) {
                        return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
                    }
                } catch (IllegalArgumentException notANumber) {
                    return null;
                }
                return null;
        }
    }
}
