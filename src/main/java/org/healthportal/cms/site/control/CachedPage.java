package org.healthportal.cms.site.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered response kept in memory: its bytes, the same bytes gzipped once at store time, and the validators
 * (a strong ETag from the content, Last-Modified from when it was rendered) with their header values prepared, so
 * a hit only copies bytes.
 */
public record CachedPage(String contentType, byte[] body, byte[] gzipped, String etag, String lastModified,
                         long lastModifiedMillis, String tags, PageTemplate template) {

    /** Bodies smaller than this are sent as they are: gzip would save too little. */
    static final int GZIP_MIN = 512;

    public static CachedPage of(String contentType, byte[] body, Instant renderedAt) {
        return of(contentType, body, renderedAt, null);
    }

    /** With the tags shared caches file it under ({@link CacheTags#header()}); null for none. */
    public static CachedPage of(String contentType, byte[] body, Instant renderedAt, String tags) {
        return composed(contentType, body, body.length >= GZIP_MIN && compressible(contentType) ? gzip(body) : null,
                renderedAt, tags, null);
    }

    /** Composed from a template, which serves the page from now on ({@link PageTemplate#page}), gzipped by it. */
    static CachedPage composed(String contentType, byte[] body, byte[] gzipped, Instant renderedAt, String tags,
                               PageTemplate template) {
        long seconds = renderedAt.getEpochSecond();
        return new CachedPage(contentType, body, gzipped, etagOf(body),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)),
                seconds * 1000, tags, template);
    }

    /** The page as it is served now: a template's with its lists filled as they are ({@link PageTemplate#page}). */
    public CachedPage current(SiteFragments fragments, String contextPath, java.time.Clock clock) {
        return template == null ? this : template.page(fragments, contextPath, clock);
    }

    /** The tags the node's own store drops this page by: a template's own, as its lists are filled when served. */
    public String storeTags() {
        return template == null ? tags : template.ownTags();
    }

    /** True when a conditional request with these headers may be answered 304. */
    public boolean notModified(String ifNoneMatch, long ifModifiedSince) {
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        return ifModifiedSince >= 0 && ifModifiedSince >= lastModifiedMillis;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        String bare = etag.substring(1, etag.length() - 1);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)
                    // Some servers and proxies mark the tag of a gzipped variant; it names the same content.
                    || c.equals("\"" + bare + "-gzip\"") || c.equals("W/\"" + bare + "-gzip\"")) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return body.length + (gzipped == null ? 0 : gzipped.length);
    }

    /**
     * A strong validator from the bytes: two different CRCs (both computed by the CPU's own instructions) and the
     * length, 80 bits in all. It only has to tell versions of one URL apart, and SHA-256 here took a sixth of an
     * uncached render.
     */
    static String etagOf(byte[] body) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(body);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(body);
        return "\"" + Long.toString(c.getValue(), 36) + "-" + Long.toString(d.getValue(), 36) + "-"
                + Integer.toString(body.length, 36) + "\"";
    }

    private static boolean compressible(String contentType) {
        return contentType != null && (contentType.startsWith("text/") || contentType.contains("xml")
                || contentType.contains("json"));
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "CachedPage[" + contentType + ", " + body.length + " bytes, " + etag + "]";
    }
}
