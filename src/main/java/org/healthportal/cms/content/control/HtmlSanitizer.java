package org.healthportal.cms.content.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Cleans article bodies on save: the structure of a health article (headings, paragraphs, lists, tables,
 * figures, links and images), nothing that runs or restyles the page. Images come from the media library
 * ({@code /media/…}) or from the https hosts listed in {@code cms.content.image-hosts} (comma-separated, none by
 * default): any other source is dropped, so an article cannot make readers' browsers fetch from, or report
 * them to, a third party, nor carry a {@code data:} image past the media library's checks.
 */
public final class HtmlSanitizer {

    private static final Pattern LOCAL_OR_HTTP_URL =
            Pattern.compile("^(https?://|/(?!/)|mailto:)[^\\s\"'<>]*$", Pattern.CASE_INSENSITIVE);

    public static final String IMAGE_HOSTS_PROPERTY = "cms.content.image-hosts";

    private static final Pattern MEDIA_PATH = Pattern.compile("^/media/[A-Za-z0-9._~%/-]*$");
    private static final Map<Set<String>, PolicyFactory> POLICIES = new ConcurrentHashMap<>();

    private static PolicyFactory policy(Set<String> imageHosts) {
        return POLICIES.computeIfAbsent(imageHosts, hosts -> new HtmlPolicyBuilder()
                .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                        "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "code", "pre", "span",
                        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption",
                        "a", "img", "dl", "dt", "dd", "abbr", "cite", "q")
                .allowAttributes("href").matching(LOCAL_OR_HTTP_URL).onElements("a")
                .allowAttributes("title").onElements("a", "abbr", "img")
                .allowAttributes("src").matching((element, attribute, value) -> imageSource(value, hosts) ? value : null)
                        .onElements("img")
                .allowAttributes("alt").onElements("img")
                // An image whose source was dropped is dropped whole, alt text and all.
                .allowElements((element, attributes) -> hasAttribute(attributes, "src") ? element : null, "img")
                .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("img")
                .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,2}")).onElements("td", "th")
                .allowAttributes("scope").matching(true, "row", "col").onElements("th")
                .allowStandardUrlProtocols()
                .requireRelsOnLinks("noopener", "noreferrer")
                .toFactory());
    }

    private HtmlSanitizer() {
    }

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);");

    /** The body with everything outside the policy removed; null becomes empty. */
    public static String sanitize(String html) {
        return sanitize(html, ConfiguredHosts.IMAGE_HOSTS);
    }

    /** As {@link #sanitize(String)}, with images allowed from these https hosts besides the media library. */
    static String sanitize(String html, Set<String> imageHosts) {
        return html == null ? "" : decodeNonAscii(policy(imageHosts).sanitize(html));
    }

    /** A path into the media library (no way out of it with {@code ..}), or https on an allowed host. */
    static boolean imageSource(String value, Set<String> hosts) {
        if (MEDIA_PATH.matcher(value).matches()) {
            return !value.contains("/../") && !value.endsWith("/..") && !value.toLowerCase(Locale.ROOT).contains("%2e");
        }
        if (hosts.isEmpty() || !value.regionMatches(true, 0, "https://", 0, 8) || !LOCAL_OR_HTTP_URL.matcher(value).matches()) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** Attribute lists alternate names and values. */
    private static boolean hasAttribute(java.util.List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The comma-separated host list, lower-cased; blank entries ignored. */
    static Set<String> hosts(String list) {
        return list == null ? Set.of() : Arrays.stream(list.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Read once: the configuration of the running server, or none where there is no server (unit tests, tools). */
    private static final class ConfiguredHosts {
        static final Set<String> IMAGE_HOSTS = read();

        private static Set<String> read() {
            try {
                return hosts(ConfigProvider.getConfig().getOptionalValue(IMAGE_HOSTS_PROPERTY, String.class).orElse(null));
            } catch (IllegalStateException | java.util.ServiceConfigurationError noConfiguration) {
                return Set.of();
            }
        }
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
