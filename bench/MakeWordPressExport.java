import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Benchmark data only: writes a WordPress 6 style export (WXR 1.2) of N posts in a two-level category tree, with
 * Gutenberg blocks, a captioned photo in each post and a featured one in every fourth, and the zip of
 * wp-content/uploads those images come from (each image also as a resized copy, as WordPress keeps them).
 *
 * <p>Usage: java bench/MakeWordPressExport.java N SITE_URL EXPORT.xml UPLOADS.zip
 */
public class MakeWordPressExport {

    private static final String[] PARENTS = {"tcm", "rehab", "acupuncture", "nutrition", "sleep"};
    private static final String[] PARENT_NAMES = {"中医", "康复", "针灸", "营养", "睡眠"};
    private static final String[] SENTENCES = {
        "保持规律作息有助于身体恢复。", "症状持续不缓解时应及时到医院就诊。", "适度运动可以改善局部血液循环。",
        "饮食宜清淡，多吃新鲜蔬菜和水果。", "不要自行加大药物剂量或延长疗程。", "老年人和慢性病患者更需要定期复查。",
        "热敷可以缓解部分肌肉紧张引起的不适。", "针灸治疗应在正规医疗机构由医生操作。", "康复训练要循序渐进，避免过度疲劳。"};
    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String site = args[1];
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8);
             OutputStream out = Files.newOutputStream(Path.of(args[3])); ZipOutputStream zip = new ZipOutputStream(out)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\""
                    + " xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""
                    + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>"
                    + "<title>健康站</title><link>" + site + "</link><wp:wxr_version>1.2</wp:wxr_version>"
                    + "<wp:base_site_url>" + site + "</wp:base_site_url><wp:base_blog_url>" + site + "</wp:base_blog_url>\n");
            for (int a = 1; a <= 5; a++) {
                w.write("<wp:author><wp:author_login><![CDATA[author" + a + "]]></wp:author_login><wp:author_display_name><![CDATA[作者"
                        + a + "]]></wp:author_display_name></wp:author>\n");
            }
            int term = 2;
            for (int p = 0; p < PARENTS.length; p++) {
                w.write(category(term++, PARENTS[p], PARENT_NAMES[p], ""));
                for (int c = 1; c <= 3; c++) {
                    w.write(category(term++, PARENTS[p] + "-" + c, PARENT_NAMES[p] + c, PARENTS[p]));
                }
            }
            Instant start = Instant.parse("2018-01-01T02:00:00Z");
            long nextId = 10;
            for (int i = 0; i < n; i++) {
                long postId = nextId++;
                long imageId = nextId++;
                Instant date = start.plusSeconds(3600L * 7 * i);
                String month = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC).format(date);
                String file = month + "/image-" + i + ".jpg";
                byte[] jpeg = photo(random);
                entry(zip, "wp-content/uploads/" + file, jpeg);
                entry(zip, "wp-content/uploads/" + file.replace(".jpg", "-300x200.jpg"), jpeg);
                w.write(attachment(imageId, postId, site, file, i % 3 == 0 ? "" : "示意图 " + i));
                long featured = 0;
                if (i % 4 == 0) {
                    featured = nextId++;
                    String cover = month + "/cover-" + i + ".jpg";
                    entry(zip, "wp-content/uploads/" + cover, photo(random));
                    w.write(attachment(featured, postId, site, cover, "封面 " + i));
                }
                String category = PARENTS[i % PARENTS.length] + "-" + (1 + i % 3);
                StringBuilder body = new StringBuilder();
                for (int s = 0; s < 6; s++) {
                    body.append("<!-- wp:heading -->\n<h2>第").append(s + 1).append("节</h2>\n<!-- /wp:heading -->\n\n");
                    body.append("<!-- wp:paragraph -->\n<p>");
                    for (int k = 0; k < 8; k++) {
                        body.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                    }
                    body.append("</p>\n<!-- /wp:paragraph -->\n\n");
                    if (s == 1) {
                        body.append("[caption id=\"attachment_").append(imageId).append("\" width=\"300\"]<img class=\"wp-image-")
                                .append(imageId).append("\" src=\"").append(site).append("/wp-content/uploads/")
                                .append(file.replace(".jpg", "-300x200.jpg")).append("\" /> 图").append(i).append("[/caption]\n\n");
                    }
                }
                String slug = "post-" + i;
                w.write("<item><title><![CDATA[健康科普第" + i + "篇：" + PARENT_NAMES[i % PARENT_NAMES.length] + "常识]]></title>"
                        + "<link>" + site + "/" + DAY.format(date) + "/" + slug + "/</link>"
                        + "<dc:creator><![CDATA[author" + (1 + i % 5) + "]]></dc:creator>"
                        + "<content:encoded><![CDATA[" + body + "]]></content:encoded>"
                        + "<excerpt:encoded><![CDATA[" + (i % 2 == 0 ? "本文介绍" + PARENT_NAMES[i % 5] + "的常识。" : "") + "]]></excerpt:encoded>"
                        + "<wp:post_id>" + postId + "</wp:post_id><wp:post_date_gmt><![CDATA[" + WP.format(date) + "]]></wp:post_date_gmt>"
                        + "<wp:post_name><![CDATA[" + slug + "]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>"
                        + "<wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type>"
                        + "<category domain=\"category\" nicename=\"" + category + "\"><![CDATA[" + category + "]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"tag" + (i % 30) + "\"><![CDATA[标签" + (i % 30) + "]]></category>"
                        + (featured > 0 ? "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA["
                        + featured + "]]></wp:meta_value></wp:postmeta>" : "")
                        + "</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    private static String category(int id, String slug, String name, String parent) {
        return "<wp:category><wp:term_id>" + id + "</wp:term_id><wp:category_nicename><![CDATA[" + slug
                + "]]></wp:category_nicename><wp:category_parent><![CDATA[" + parent + "]]></wp:category_parent>"
                + "<wp:cat_name><![CDATA[" + name + "]]></wp:cat_name></wp:category>\n";
    }

    private static String attachment(long id, long parent, String site, String file, String alt) {
        return "<item><title><![CDATA[" + file.substring(file.lastIndexOf('/') + 1) + "]]></title><wp:post_id>" + id
                + "</wp:post_id><wp:post_parent>" + parent + "</wp:post_parent><wp:post_type><![CDATA[attachment]]></wp:post_type>"
                + "<wp:status><![CDATA[inherit]]></wp:status><wp:attachment_url><![CDATA[" + site + "/wp-content/uploads/" + file
                + "]]></wp:attachment_url>" + (alt.isEmpty() ? "" : "<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]>"
                + "</wp:meta_key><wp:meta_value><![CDATA[" + alt + "]]></wp:meta_value></wp:postmeta>") + "</item>\n";
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** A 640×427 photo-like JPEG (shapes and grain), some 60 KB, as a phone photo scaled for the web is. */
    private static byte[] photo(Random random) throws Exception {
        BufferedImage image = new BufferedImage(640, 427, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, 640, 427);
        for (int k = 0; k < 60; k++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(640), random.nextInt(427), 20 + random.nextInt(120), 20 + random.nextInt(120));
        }
        g.dispose();
        for (int k = 0; k < 40_000; k++) {
            int x = random.nextInt(640), y = random.nextInt(427);
            image.setRGB(x, y, image.getRGB(x, y) ^ (random.nextInt(0x40) * 0x010101));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
