package org.healthportal.cms.site.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rendered page whose shared lists (an article page's related and newest articles) were left as holes, filled
 * from {@link SiteFragments} when the page is served. Every publication changes the newest list that every article
 * page shows; with the lists as holes, it drops no article page: each stored one is composed again from its own
 * bytes and the lists' markup, once, the next time it is asked for, which costs a copy and a gzip, not a render.
 *
 * <p>A hole is an HTML comment the page writes ({@link #hole}); rich text cannot carry one (the sanitizer drops
 * comments, and titles and summaries are escaped), so only the page's own holes are found.
 */
public final class PageTemplate {

    private static final byte[] OPEN = "<!--cms:hole ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "-->".getBytes(StandardCharsets.US_ASCII);

    private final String contentType;
    private final List<byte[]> parts;
    /** The parts compressed once, for the gzip copy of every composition ({@link GzipParts}). */
    private final List<byte[]> compressedParts;
    private final List<String> holes;
    private final String ownTags;
    private final int size;
    private volatile Composed composed;

    private record Composed(long generation, CachedPage page) {
    }

    private PageTemplate(String contentType, List<byte[]> parts, List<String> holes, String ownTags) {
        this.contentType = contentType;
        this.parts = parts;
        this.compressedParts = parts.stream().map(GzipParts::piece).toList();
        this.holes = holes;
        this.ownTags = ownTags;
        this.size = parts.stream().mapToInt(p -> p.length).sum();
    }

    /** The comment a page writes where a list goes: {@code <!--cms:hole latest 12-->}. */
    public static String hole(String... words) {
        return "<!--cms:hole " + String.join(" ", words) + "-->";
    }

    /** The page cut at its holes; null when it has none. {@code ownTags} are what the page shows besides its lists. */
    public static PageTemplate of(String contentType, byte[] body, String ownTags) {
        List<byte[]> parts = new ArrayList<>();
        List<String> holes = new ArrayList<>();
        int from = 0;
        int open;
        while ((open = indexOf(body, OPEN, from)) >= 0) {
            int close = indexOf(body, CLOSE, open + OPEN.length);
            if (close < 0) {
                break;
            }
            parts.add(java.util.Arrays.copyOfRange(body, from, open));
            holes.add(new String(body, open + OPEN.length, close - open - OPEN.length, StandardCharsets.US_ASCII));
            from = close + CLOSE.length;
        }
        if (holes.isEmpty()) {
            return null;
        }
        parts.add(java.util.Arrays.copyOfRange(body, from, body.length));
        return new PageTemplate(contentType, List.copyOf(parts), List.copyOf(holes), ownTags);
    }

    /** The tags of the page's own content: a change to what they name drops the stored template. */
    public String ownTags() {
        return ownTags;
    }

    /**
     * The page with its holes filled by the lists as they are now; composed again only when the lists changed
     * since the last time. Its tags name the page's own content and every article the lists show.
     */
    public CachedPage page(SiteFragments fragments, String contextPath, Clock clock) {
        Composed c = composed;
        if (c != null && c.generation() == fragments.generation()) {
            return c.page();
        }
        // One composition at a time: readers asking meanwhile take its result rather than compose it too.
        synchronized (this) {
            // Taken before the lists are read: a change while composing makes the next request compose again.
            long generation = fragments.generation();
            c = composed;
            if (c != null && c.generation() == generation) {
                return c.page();
            }
            c = new Composed(generation, compose(fragments, contextPath, clock.instant()));
            composed = c;
            return c.page();
        }
    }

    private CachedPage compose(SiteFragments fragments, String contextPath, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + holes.size() * 4096);
        List<byte[]> pieces = new ArrayList<>(parts.size() + holes.size());
        Set<String> tags = new LinkedHashSet<>(List.of(ownTags.split(" ")));
        for (int i = 0; i < parts.size(); i++) {
            out.writeBytes(parts.get(i));
            pieces.add(compressedParts.get(i));
            if (i < holes.size()) {
                SiteFragments.Fragment fragment = fragments.fill(holes.get(i), contextPath);
                out.writeBytes(fragment.html());
                pieces.add(fragment.compressed());
                tags.addAll(fragment.tags());
            }
        }
        byte[] body = out.toByteArray();
        return CachedPage.composed(contentType, body, GzipParts.join(pieces, body), now, String.join(" ", tags), this);
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
