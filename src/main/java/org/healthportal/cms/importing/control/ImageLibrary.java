package org.healthportal.cms.importing.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.healthportal.cms.media.control.ImageCheck;
import org.healthportal.cms.platform.CmsException;

/**
 * The old site's images during one import: each found once, in the uploads zip (the original of a resized copy
 * first) or, when chosen, fetched from the old site itself, then put into the media library once however many
 * posts use it. A missing or refused file is a note in the report, never a failed import.
 */
final class ImageLibrary implements WordPressText.Images {

    /** Puts one image into the library; returns its public path. */
    interface Uploader {
        String upload(long attachmentId, String fileName, byte[] data, String alt);
    }

    /** The zip's entry count beyond which it is not taken for an uploads folder. */
    static final int MAX_ENTRIES = 500_000;

    private final String siteHost;
    private final Map<Long, ExportSurvey.Attachment> attachments;
    private final UploadsIndex attachmentUrls = new UploadsIndex();
    private final Map<String, ExportSurvey.Attachment> byUrl = new HashMap<>();
    private final ZipFile zip;
    private final UploadsIndex zipIndex = new UploadsIndex();
    private final HttpClient http;
    private final Duration timeout;
    private final boolean privateAddresses;
    private final Uploader uploader;
    private final ImportReport report;
    private final Map<String, Optional<WordPressText.Image>> found = new HashMap<>();

    ImageLibrary(String siteUrl, Map<Long, ExportSurvey.Attachment> attachments, ZipFile zip, boolean fetch,
                 Duration timeout, boolean privateAddresses, Uploader uploader, ImportReport report) {
        this.siteHost = host(siteUrl);
        this.privateAddresses = privateAddresses;
        this.attachments = attachments;
        this.zip = zip;
        this.timeout = timeout;
        this.http = fetch ? HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build() : null;
        this.uploader = uploader;
        this.report = report;
        for (ExportSurvey.Attachment a : attachments.values()) {
            if (!a.url().isBlank()) {
                attachmentUrls.add(a.url());
                byUrl.putIfAbsent(a.url(), a);
            }
        }
        if (zip != null) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int n = 0; entries.hasMoreElements(); n++) {
                if (n >= MAX_ENTRIES) {
                    throw new CmsException.InvalidInput("The uploads zip has more than " + MAX_ENTRIES + " files");
                }
                zipIndex.add(entries.nextElement().getName());
            }
        }
    }

    @Override
    public Optional<WordPressText.Image> byId(long attachmentId) {
        ExportSurvey.Attachment a = attachments.get(attachmentId);
        return a == null || a.url().isBlank() ? Optional.empty() : byUrl(a.url());
    }

    @Override
    public Optional<WordPressText.Image> byUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        ExportSurvey.Attachment attachment = attachmentUrls.find(url).map(byUrl::get).orElse(null);
        // One key per file: the attachment's own, else the zip entry's, else the address.
        String key = attachment != null ? "a:" + attachment.id()
                : zipIndex.find(url).map(e -> "z:" + e).orElse("u:" + url);
        Optional<WordPressText.Image> known = found.get(key);
        if (known != null) {
            return known;
        }
        Optional<WordPressText.Image> image = load(url, attachment);
        found.put(key, image);
        report.image(image.isPresent());
        return image;
    }

    private Optional<WordPressText.Image> load(String url, ExportSurvey.Attachment attachment) {
        String name = fileName(attachment != null ? attachment.url() : url);
        byte[] data = null;
        Note why = null;
        try {
            Optional<String> entry = zipIndex.find(url);
            if (entry.isEmpty() && attachment != null) {
                entry = zipIndex.find(attachment.url());
            }
            if (entry.isPresent()) {
                data = read(zip.getInputStream(zip.getEntry(entry.get())));
            } else if (http != null) {
                data = fetch(attachment != null ? attachment.url() : url);
            } else {
                why = Note.of(zip == null ? "why.noZip" : "why.notInZip");
            }
        } catch (Refused e) {
            why = e.why;
        } catch (java.net.http.HttpTimeoutException e) {
            why = Note.of("why.timeout", timeout.toSeconds() + " s");
        } catch (IOException e) {
            why = Note.of("why.unreachable", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (RuntimeException e) {
            why = Note.text(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (data == null) {
            report.note(Note.of("note.imageNotImported", url, why == null ? Note.of("why.notFound") : why));
            return Optional.empty();
        }
        String wpAlt = attachment == null ? "" : attachment.alt();
        // Alt text is required here: a stand-in from the title or file name, flagged, until an editor writes one.
        String alt = !wpAlt.isBlank() ? wpAlt
                : attachment != null && !attachment.title().isBlank() ? attachment.title() : name;
        if (alt.length() > 300) {
            alt = alt.substring(0, 300);
        }
        try {
            String path = uploader.upload(attachment == null ? 0 : attachment.id(), name, data, alt);
            if (wpAlt.isBlank()) {
                report.note(Note.of("note.noAltOldSite", path, name));
            }
            return Optional.of(new WordPressText.Image(path, wpAlt));
        } catch (CmsException e) {
            report.note(Note.of("note.imageRefused", url, Note.of(e)));
            return Optional.empty();
        }
    }

    /** The file, from the old site only (never another host an export names), within the size limit. */
    private byte[] fetch(String url) throws IOException {
        URI uri = URI.create(url.strip().replace(" ", "%20"));
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(Note.of("why.notHttp"));
        }
        if (siteHost == null || uri.getHost() == null || !siteHost.equalsIgnoreCase(uri.getHost())) {
            throw new Refused(Note.of("why.otherHost", siteHost));
        }
        if (!privateAddresses) {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    throw new Refused(Note.of("why.private", uri.getHost(), address.getHostAddress()));
                }
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new Refused(Note.of("why.answered", response.statusCode()));
                }
                return read(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /**
     * An address on the internet: not this machine, its network, a link-local one (a cloud's metadata service) or
     * a multicast group. An export names the host to fetch from, so an export could otherwise aim the server at
     * what only it can reach.
     */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        // IPv6 unique local (fc00::/7) and IPv4 shared address space (100.64.0.0/10).
        return !(b.length == 16 && (b[0] & 0xFE) == 0xFC) && !(b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64);
    }

    /** At most the library's limit, so a zip bomb or an endless answer costs no more than that. */
    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            byte[] data = in.readNBytes(ImageCheck.MAX_BYTES + 1);
            if (data.length > ImageCheck.MAX_BYTES) {
                throw new Refused(Note.of("why.tooLarge", ImageCheck.MAX_BYTES / 1024 / 1024));
            }
            return data;
        }
    }

    /** Why a file was not taken, in the report's words. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Note why;

        Refused(Note why) {
            super(why.toString());
            this.why = why;
        }
    }

    private static String fileName(String url) {
        String path = url;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "image" : name;
    }

    private static String host(String url) {
        try {
            return url == null || url.isBlank() ? null : URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
