package org.healthportal.cms.importing.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthportal.cms.content.control.HtmlSanitizer;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.platform.Html;

/**
 * A post's text as WordPress stored it, made into the HTML this CMS keeps: Gutenberg's block comments removed with
 * their content kept, the shortcodes WordPress itself ships turned into plain HTML (caption, gallery, embed, audio,
 * video) and others dropped with a note, classic {@code wpautop} line breaks made paragraphs, images pointed at the
 * media library, and the whole passed through the editor's own sanitizer.
 */
public final class WordPressText {

    /** Where the library has an image the old site referenced, and the alt text it has there. */
    public record Image(String src, String alt) {
    }

    /** Finds an old image in the library, by its old URL (any size variant) or by its attachment id. */
    public interface Images {
        Optional<Image> byUrl(String url);

        Optional<Image> byId(long attachmentId);
    }

    /** The cleaned body and what the report should say about it. */
    public record Cleaned(String html, List<Note> notes, int imagesWithoutAlt) {
    }

    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)<!--\\s*/?wp:.*?-->");
    private static final Set<String> KNOWN = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video",
            "playlist");
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([A-Za-z][A-Za-z0-9_-]*)((?:\\s[^\\]]*)?)\\]");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*>");
    private static final Pattern SRC = Pattern.compile("(?is)\\ssrc\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern ALT = Pattern.compile("(?is)\\salt\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern WP_IMAGE_ID = Pattern.compile("(?i)wp-image-(\\d+)");
    private static final Pattern HREF = Pattern.compile("(?is)(<a\\b[^>]*\\shref\\s*=\\s*)(\"[^\"]*\"|'[^']*')");
    private static final Pattern BLOCK_START = Pattern.compile(
            "(?is)^<(p|h[1-6]|ul|ol|li|dl|figure|blockquote|table|thead|tbody|tr|div|pre|hr|section|address)\\b.*");
    private static final Pattern FIRST_PARAGRAPH = Pattern.compile("(?is)<p\\b[^>]*>(.*?)</p>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private WordPressText() {
    }

    public static Cleaned clean(String content, Images images) {
        List<Note> notes = new ArrayList<>();
        String text = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
        text = BLOCK_COMMENT.matcher(text).replaceAll("");
        text = shortcodes(text, images, notes);
        int[] withoutAlt = {0};
        text = images(text, images, notes, withoutAlt);
        text = links(text, images);
        text = autop(text);
        String safe = HtmlSanitizer.sanitize(text);
        return new Cleaned(safe, List.copyOf(notes), withoutAlt[0]);
    }

    /**
     * The lead: the excerpt, else the first paragraph's text, as plain text within the summary's limit; blank
     * when the post has neither.
     */
    public static String lead(String excerpt, String cleanedBody) {
        String lead = plain(excerpt == null ? "" : BLOCK_COMMENT.matcher(excerpt).replaceAll(""));
        if (lead.isEmpty() && cleanedBody != null) {
            Matcher first = FIRST_PARAGRAPH.matcher(cleanedBody);
            while (lead.isEmpty() && first.find()) {
                lead = plain(first.group(1));
            }
        }
        if (lead.length() > ArticleContent.SUMMARY_MAX) {
            lead = lead.substring(0, ArticleContent.SUMMARY_MAX - 1).strip() + "…";
        }
        return lead;
    }

    /** Tags removed, entities read, white space folded. */
    static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        text = unescape(text);
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static String shortcodes(String text, Images images, List<Note> notes) {
        StringBuilder out = new StringBuilder();
        Matcher m = SHORTCODE.matcher(text);
        int at = 0;
        while (m.find(at)) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            String attributes = m.group(3);
            boolean known = KNOWN.contains(name);
            int close = closing ? -1 : text.indexOf("[/" + m.group(2) + "]", m.end());
            boolean shortcode = known || close >= 0 || attributes.contains("=");
            if (!shortcode || closing) {
                // "[1]", "[sic]": ordinary brackets; a stray closing tag of a shortcode goes.
                out.append(text, at, closing && known ? m.start() : m.end());
                at = m.end();
                continue;
            }
            out.append(text, at, m.start());
            String inner = close >= 0 ? text.substring(m.end(), close) : "";
            int end = close >= 0 ? close + name.length() + 3 : m.end();
            out.append(replacement(name, attributes, inner, images, notes));
            at = end;
        }
        out.append(text.substring(at));
        return out.toString();
    }

    private static String replacement(String name, String attributes, String inner, Images images, List<Note> notes) {
        switch (name) {
            case "caption", "wp_caption" -> {
                Matcher img = IMG.matcher(inner);
                String picture = "";
                String caption = inner;
                if (img.find()) {
                    int start = img.start();
                    int end = img.end();
                    // A linked image: the link goes with it.
                    int a = inner.lastIndexOf("<a", start);
                    int aEnd = inner.indexOf("</a>", end);
                    if (a >= 0 && aEnd >= 0 && inner.substring(a, start).indexOf('>') == inner.substring(a, start).lastIndexOf('>')) {
                        start = a;
                        end = aEnd + 4;
                    }
                    picture = inner.substring(start, end);
                    caption = inner.substring(0, start) + inner.substring(end);
                }
                String captionAttribute = attribute(attributes, "caption");
                String text = captionAttribute != null ? Html.escape(captionAttribute) : caption.strip();
                return "\n\n<figure>" + picture + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>")
                        + "</figure>\n\n";
            }
            case "gallery" -> {
                String ids = attribute(attributes, "ids");
                if (ids == null || ids.isBlank()) {
                    notes.add(Note.of("note.galleryNoIds"));
                    return "";
                }
                StringBuilder figure = new StringBuilder("\n\n<figure>");
                for (String id : ids.split("\\s*,\\s*")) {
                    Optional<Image> image;
                    try {
                        image = images.byId(Long.parseLong(id.strip()));
                    } catch (NumberFormatException e) {
                        image = Optional.empty();
                    }
                    if (image.isPresent()) {
                        figure.append("<img src=\"").append(Html.escape(image.get().src())).append("\" alt=\"")
                                .append(Html.escape(image.get().alt())).append("\">");
                    } else {
                        notes.add(Note.of("note.galleryImage", id.strip()));
                    }
                }
                return figure.append("</figure>\n\n").toString();
            }
            case "embed", "audio", "video", "playlist" -> {
                String url = !inner.isBlank() ? plain(inner) : firstNonNull(attribute(attributes, "src"),
                        attribute(attributes, "mp3"), attribute(attributes, "mp4"), attribute(attributes, "url"));
                if (url == null || !url.matches("(?i)https?://\\S+")) {
                    notes.add(Note.of("note.noAddress", name));
                    return "";
                }
                notes.add(Note.of("note.becameLink", name, url));
                String escaped = Html.escape(url);
                return "\n\n<p><a href=\"" + escaped + "\">" + escaped + "</a></p>\n\n";
            }
            default -> {
                notes.add(Note.of("note.shortcode", name));
                return inner;
            }
        }
    }

    private static String images(String text, Images images, List<Note> notes, int[] withoutAlt) {
        Matcher m = IMG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String tag = m.group();
            Matcher src = SRC.matcher(tag);
            String url = src.find() ? unquote(src.group(1)) : "";
            if (url.startsWith("/media/")) {
                // Already the library's (a gallery's images): only its alt text is checked.
                Matcher alt = ALT.matcher(tag);
                if (!alt.find() || unquote(alt.group(1)).isBlank()) {
                    withoutAlt[0]++;
                    notes.add(Note.of("note.noAlt", url));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(tag));
                continue;
            }
            Optional<Image> image = images.byUrl(unescape(url));
            Matcher id = WP_IMAGE_ID.matcher(tag);
            if (image.isEmpty() && id.find()) {
                image = images.byId(Long.parseLong(id.group(1)));
            }
            if (image.isEmpty()) {
                notes.add(Note.of("note.imageMissing", unescape(url)));
                m.appendReplacement(out, "");
                continue;
            }
            Matcher alt = ALT.matcher(tag);
            String altText = alt.find() ? unescape(unquote(alt.group(1))).strip() : "";
            if (altText.isEmpty()) {
                altText = image.get().alt() == null ? "" : image.get().alt().strip();
            }
            if (altText.isEmpty()) {
                withoutAlt[0]++;
                notes.add(Note.of("note.noAlt", image.get().src()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<img src=\"" + Html.escape(image.get().src())
                    + "\" alt=\"" + Html.escape(altText) + "\">"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Links to an old upload (the full-size image around a thumbnail) point at the library's copy. */
    private static String links(String text, Images images) {
        Matcher m = HREF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = unescape(unquote(m.group(2)));
            Optional<Image> image = url.contains("/wp-content/uploads/") ? images.byUrl(url) : Optional.empty();
            m.appendReplacement(out, Matcher.quoteReplacement(image.isPresent()
                    ? m.group(1) + "\"" + Html.escape(image.get().src()) + "\"" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * WordPress's wpautop, as far as a reader sees it: text between blank lines becomes a paragraph, a single line
     * break inside one a {@code <br>}; what already starts with a block element stays as it is.
     */
    static String autop(String text) {
        StringBuilder out = new StringBuilder();
        for (String chunk : text.split("\\n\\s*\\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(c).matches()) {
                out.append(c).append('\n');
            } else {
                out.append("<p>").append(c.replaceAll("\\s*\\n\\s*", "<br>")).append("</p>\n");
            }
        }
        return out.toString();
    }

    private static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes == null ? "" : attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return firstNonNull(m.group(2), m.group(3), m.group(4));
            }
        }
        return null;
    }

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
    private static final java.util.Map<String, String> NAMED = java.util.Map.of("amp", "&", "lt", "<", "gt", ">",
            "quot", "\"", "apos", "'", "nbsp", "\u00a0", "hellip", "…", "mdash", "—", "ndash", "–", "middot", "·");

    /** Character references read back; unknown names are left as they are. */
    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String value;
            if (e.startsWith("#")) {
                int code = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16)
                        : Integer.parseInt(e.substring(1));
                value = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
            } else {
                value = NAMED.getOrDefault(e, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String quoted) {
        return quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : quoted;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
