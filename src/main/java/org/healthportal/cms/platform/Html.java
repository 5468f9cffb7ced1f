package org.healthportal.cms.platform;

/** Escaping text for HTML, once for every feature that writes markup by hand (diffs, marked claims). */
public final class Html {

    private Html() {
    }

    /**
     * Text as element content: {@code & < >} only, so text matched against sanitized HTML (where quotes stay as
     * they are) still matches after escaping.
     */
    public static String escapeText(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text as element content or a double-quoted attribute value. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
