package org.healthportal.cms.content.control;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans article bodies on save: the structure of a health article (headings, paragraphs, lists, tables,
 * figures, links and images), nothing that runs or restyles the page.
 */
public final class HtmlSanitizer {

    private static final Pattern LOCAL_OR_HTTP_URL =
            Pattern.compile("^(https?://|/(?!/)|mailto:)[^\\s\"'<>]*$", Pattern.CASE_INSENSITIVE);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "code", "pre", "span",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption",
                    "a", "img", "dl", "dt", "dd", "abbr", "cite", "q")
            .allowAttributes("href").matching(LOCAL_OR_HTTP_URL).onElements("a")
            .allowAttributes("title").onElements("a", "abbr", "img")
            .allowAttributes("src").matching(LOCAL_OR_HTTP_URL).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,2}")).onElements("td", "th")
            .allowAttributes("scope").matching(true, "row", "col").onElements("th")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private HtmlSanitizer() {
    }

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    /** The body with everything outside the policy removed; null becomes empty. */
    public static String sanitize(String html) {
        return html == null ? "" : decodeNonAscii(POLICY.sanitize(html));
    }

    /**
     * The sanitizer writes some non-ASCII characters, such as the full-width comma of Chinese text, as numeric
     * entities. They are harmless as characters in UTF-8 HTML, and editors expect their text back as they typed it;
     * ASCII entities (quotes, angle brackets) stay encoded.
     */
    private static String decodeNonAscii(String html) {
        return NUMERIC_ENTITY.matcher(html).replaceAll(m -> {
            String n = m.group(1);
            int codePoint;
            try {
                codePoint = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            } catch (NumberFormatException tooLarge) {
                return m.group();
            }
            boolean plainCharacter = codePoint > 0x9F && Character.isValidCodePoint(codePoint)
                    && !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.SURROGATE;
            return java.util.regex.Matcher.quoteReplacement(plainCharacter ? Character.toString(codePoint) : m.group());
        });
    }
}
