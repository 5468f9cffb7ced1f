package org.healthportal.cms.testsupport;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * WordPress exports made in the test, shaped as WordPress 6 writes them (CDATA split around {@code ]]>} included),
 * and zips of {@code wp-content/uploads}: no third-party content is committed.
 */
public final class WxrExports {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final String siteUrl;
    private final List<String> authors = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final List<String> items = new ArrayList<>();

    private WxrExports(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    public static WxrExports site(String siteUrl) {
        return new WxrExports(siteUrl);
    }

    public WxrExports author(String login, String displayName) {
        authors.add("<wp:author><wp:author_login>" + cdata(login) + "</wp:author_login><wp:author_email>"
                + cdata(login + "@example.cn") + "</wp:author_email><wp:author_display_name>" + cdata(displayName)
                + "</wp:author_display_name></wp:author>");
        return this;
    }

    public WxrExports category(String slug, String name, String parentSlug) {
        categories.add("<wp:category><wp:term_id>" + (categories.size() + 2) + "</wp:term_id><wp:category_nicename>" + cdata(slug) + "</wp:category_nicename>"
                + "<wp:category_parent>" + cdata(parentSlug == null ? "" : parentSlug) + "</wp:category_parent>"
                + "<wp:cat_name>" + cdata(name) + "</wp:cat_name></wp:category>");
        return this;
    }

    /** A post (or page, revision…): {@code categorySlugs} and {@code tags} as the item's category elements. */
    public WxrExports item(long id, String type, String status, String title, String slug, String author,
                           String content, String excerpt, Instant date, List<String> categorySlugs,
                           List<String> tags, long thumbnailId) {
        StringBuilder x = new StringBuilder("<item><title>").append(cdata(title)).append("</title>");
        if (date != null) {
            String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(date);
            x.append("<link>").append(siteUrl).append('/').append(day).append('/').append(slug).append("/</link>");
        }
        x.append("<dc:creator>").append(cdata(author)).append("</dc:creator>")
                .append("<content:encoded>").append(cdata(content)).append("</content:encoded>")
                .append("<excerpt:encoded>").append(cdata(excerpt)).append("</excerpt:encoded>")
                .append("<wp:post_id>").append(id).append("</wp:post_id>")
                .append("<wp:post_date_gmt>").append(cdata(date == null ? "0000-00-00 00:00:00" : WP_DATE.format(date)))
                .append("</wp:post_date_gmt><wp:post_name>").append(cdata(slug)).append("</wp:post_name>")
                .append("<wp:status>").append(cdata(status)).append("</wp:status>")
                .append("<wp:post_parent>0</wp:post_parent><wp:post_type>").append(cdata(type)).append("</wp:post_type>");
        categorySlugs.forEach(c -> x.append("<category domain=\"category\" nicename=\"").append(c).append("\">")
                .append(cdata(c)).append("</category>"));
        tags.forEach(t -> x.append("<category domain=\"post_tag\" nicename=\"").append(t).append("\">")
                .append(cdata(t)).append("</category>"));
        if (thumbnailId > 0) {
            x.append("<wp:postmeta><wp:meta_key>").append(cdata("_thumbnail_id")).append("</wp:meta_key><wp:meta_value>")
                    .append(cdata(String.valueOf(thumbnailId))).append("</wp:meta_value></wp:postmeta>");
        }
        items.add(x.append("</item>").toString());
        return this;
    }

    /** An attachment whose file is {@code uploads/<path>} on the old site. */
    public WxrExports attachment(long id, long parentId, String path, String alt) {
        String x = "<item><title>" + cdata(path) + "</title><wp:post_id>" + id + "</wp:post_id><wp:post_parent>"
                + parentId + "</wp:post_parent><wp:post_type>" + cdata("attachment") + "</wp:post_type><wp:status>"
                + cdata("inherit") + "</wp:status><wp:attachment_url>" + cdata(uploadUrl(path))
                + "</wp:attachment_url>"
                + (alt == null ? "" : "<wp:postmeta><wp:meta_key>" + cdata("_wp_attachment_image_alt")
                + "</wp:meta_key><wp:meta_value>" + cdata(alt) + "</wp:meta_value></wp:postmeta>")
                + "</item>";
        items.add(x);
        return this;
    }

    public String uploadUrl(String path) {
        return siteUrl + "/wp-content/uploads/" + path;
    }

    public String xml() {
        java.io.StringWriter x = new java.io.StringWriter();
        try {
            writeTo(x);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return x.toString();
    }

    public Path write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeTo(w);
        }
        return file;
    }

    private void writeTo(Writer w) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\""
                + " xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
                + "<channel><title>" + cdata("测试健康站") + "</title><link>" + siteUrl + "</link>"
                + "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>" + siteUrl + "</wp:base_site_url>"
                + "<wp:base_blog_url>" + siteUrl + "</wp:base_blog_url>\n");
        for (String a : authors) {
            w.write(a + "\n");
        }
        for (String c : categories) {
            w.write(c + "\n");
        }
        for (String i : items) {
            w.write(i + "\n");
        }
        w.write("</channel>\n</rss>\n");
    }

    /** CDATA as WordPress writes it: a {@code ]]>} inside splits the section. */
    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** A zip of uploads: entry paths under {@code wp-content/uploads/}. */
    public static Path uploadsZip(Path file, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("wp-content/uploads/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A small PNG of one colour. */
    public static byte[] png(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
