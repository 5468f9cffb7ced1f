package org.healthportal.cms.importing.control;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export as a stream (StAX): one item at a time reaches the {@link Wxr.Handler}, so an export of
 * any size needs the memory of its largest post. Text is coalesced, so CDATA that WordPress splits around
 * {@code ]]>} ({@code ]]]]><![CDATA[>}) comes back whole. No DTD and no external entity is ever read.
 */
public final class WxrReader {

    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final XMLInputFactory FACTORY = factory();

    private WxrReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * Hands every element of the export to {@code handler}, in file order.
     *
     * @throws WxrException when the file is not a WordPress export, or is malformed or cut off (with where)
     */
    public static void read(InputStream in, Wxr.Handler handler) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            new Run(r, handler).document();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            // The JDK's parser prefixes its own "ParseError at [row,col]:…" line; the place is given separately.
            int cut = message.indexOf("Message: ");
            throw new WxrException("The export is not well-formed XML: " + (cut >= 0 ? message.substring(cut + 9) : message),
                    at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader that already failed.
                }
            }
        }
    }

    /** One pass over one file. */
    private static final class Run {
        private final XMLStreamReader r;
        private final Wxr.Handler handler;
        private final Map<String, String> channel = new HashMap<>();
        private boolean siteSent;

        Run(XMLStreamReader r, Wxr.Handler handler) {
            this.r = r;
            this.handler = handler;
        }

        void document() throws XMLStreamException {
            if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !"rss".equals(r.getLocalName())) {
                throw refusal("the root element is <" + r.getLocalName() + ">, not <rss>");
            }
            boolean sawChannel = false;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("channel".equals(r.getLocalName())) {
                    sawChannel = true;
                    channel();
                } else {
                    skip();
                }
            }
            if (!sawChannel || !siteSent) {
                site();
            }
            // Whatever follows </rss> must still be well-formed: a truncated or doubled file fails here.
            while (r.hasNext()) {
                r.next();
            }
        }

        private void channel() throws XMLStreamException {
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String key = key();
                switch (key) {
                    case "item" -> {
                        site();
                        item();
                    }
                    case "wp:author" -> {
                        site();
                        Map<String, String> a = children();
                        handler.author(new Wxr.Author(a.getOrDefault("wp:author_login", ""),
                                a.getOrDefault("wp:author_email", ""), a.getOrDefault("wp:author_display_name", "")));
                    }
                    case "wp:category" -> {
                        site();
                        Map<String, String> c = children();
                        handler.category(new Wxr.Term(c.getOrDefault("wp:category_nicename", ""),
                                c.getOrDefault("wp:cat_name", ""), c.getOrDefault("wp:category_parent", ""),
                                optionalNumber(c.getOrDefault("wp:term_id", ""))));
                    }
                    case "wp:tag" -> {
                        site();
                        Map<String, String> t = children();
                        handler.tag(new Wxr.Term(t.getOrDefault("wp:tag_slug", ""), t.getOrDefault("wp:tag_name", ""), ""));
                    }
                    case "title", "link", "wp:base_site_url", "wp:base_blog_url", "wp:wxr_version" ->
                            channel.put(key, text());
                    default -> skip();
                }
            }
        }

        /** Sends the channel's facts once, before the first thing that needs them; refuses a file without a version. */
        private void site() {
            if (siteSent) {
                return;
            }
            String version = channel.get("wp:wxr_version");
            if (version == null || version.isBlank()) {
                throw refusal("it has no wp:wxr_version: an RSS feed or another XML file, not a WordPress export");
            }
            String base = channel.getOrDefault("wp:base_site_url", channel.getOrDefault("link", "")).strip();
            handler.site(new Wxr.Site(channel.getOrDefault("title", ""), channel.getOrDefault("link", ""),
                    base.endsWith("/") ? base.substring(0, base.length() - 1) : base, version.strip()));
            siteSent = true;
        }

        private void item() throws XMLStreamException {
            Map<String, String> f = new HashMap<>();
            List<Wxr.ItemTerm> terms = new ArrayList<>();
            Map<String, String> meta = new HashMap<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String key = key();
                if ("category".equals(key)) {
                    String domain = attribute("domain");
                    String slug = attribute("nicename");
                    terms.add(new Wxr.ItemTerm(domain, slug, text().strip()));
                } else if ("wp:postmeta".equals(key)) {
                    Map<String, String> m = children();
                    meta.put(m.getOrDefault("wp:meta_key", ""), m.getOrDefault("wp:meta_value", ""));
                } else if ("wp:comment".equals(key)) {
                    skip();
                } else {
                    f.put(key, text());
                }
            }
            handler.item(new Wxr.Item(number(f.get("wp:post_id"), "wp:post_id"), f.getOrDefault("wp:post_type", "post").strip(),
                    f.getOrDefault("wp:status", "").strip(), f.getOrDefault("title", "").strip(),
                    f.getOrDefault("link", "").strip(), f.getOrDefault("wp:post_name", "").strip(),
                    f.getOrDefault("dc:creator", "").strip(), f.getOrDefault("content:encoded", ""),
                    f.getOrDefault("excerpt:encoded", ""), date(f.get("wp:post_date_gmt"), f.get("pubDate")),
                    f.get("wp:post_parent") == null || f.get("wp:post_parent").isBlank() ? 0 : number(f.get("wp:post_parent"), "wp:post_parent"),
                    f.getOrDefault("wp:attachment_url", "").strip(), List.copyOf(terms), Map.copyOf(meta)));
        }

        private String attribute(String name) {
            String v = r.getAttributeValue(null, name);
            return v == null ? "" : v.strip();
        }

        /** The text children of the current element by key; nested elements deeper than that are skipped. */
        private Map<String, String> children() throws XMLStreamException {
            Map<String, String> values = new HashMap<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String key = key();
                values.put(key, text());
            }
            return values;
        }

        /** The current element's text (CDATA included), leaving the reader on its end tag. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                         XMLStreamConstants.ENTITY_REFERENCE -> {
                        if (depth == 1) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the file ends before an element is closed",
                            r.getLocation());
                    default -> {
                        // Comments and processing instructions carry nothing.
                    }
                }
            }
            return text.toString();
        }

        private void skip() throws XMLStreamException {
            text();
        }

        /** "wp:post_id", "content:encoded", "excerpt:encoded", "dc:creator", or the plain local name. */
        private String key() {
            String ns = r.getNamespaceURI();
            String local = r.getLocalName();
            if (ns == null || ns.isEmpty()) {
                return local;
            }
            if (ns.startsWith(WP)) {
                return (ns.endsWith("/excerpt/") ? "excerpt:" : "wp:") + local;
            }
            if (ns.equals(CONTENT)) {
                return "content:" + local;
            }
            if (ns.equals(DC)) {
                return "dc:" + local;
            }
            return ns + ":" + local;
        }

        private long number(String value, String element) {
            try {
                return Long.parseLong(value == null ? "" : value.strip());
            } catch (NumberFormatException e) {
                Location at = r.getLocation();
                throw new WxrException("An item's " + element + " is not a number: \"" + value + "\"",
                        at.getLineNumber(), at.getColumnNumber());
            }
        }

        /** An id the export may leave out: 0 then, and 0 for one that is not a number too. */
        private static long optionalNumber(String value) {
            try {
                return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private WxrException refusal(String why) {
            return new WxrException("This file is not a WordPress export (WXR): " + why, 0, 0);
        }
    }

    /** WordPress writes "0000-00-00 00:00:00" for a draft that was never dated. */
    static Instant date(String gmt, String pubDate) {
        if (gmt != null && !gmt.isBlank() && !gmt.startsWith("0000")) {
            try {
                return LocalDateTime.parse(gmt.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // Fall back on the RSS date.
            }
        }
        if (pubDate != null && !pubDate.isBlank()) {
            try {
                return ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                // Undated.
            }
        }
        return null;
    }
}
