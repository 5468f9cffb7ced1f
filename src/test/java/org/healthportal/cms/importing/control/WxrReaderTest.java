package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on small hand-written exports, shaped as WordPress 6 writes them. */
class WxrReaderTest {

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0"
                xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                xmlns:content="http://purl.org/rss/1.0/modules/content/"
                xmlns:wfw="http://wellformedweb.org/CommentAPI/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>中医养生网</title>
              <link>https://old.example.cn</link>
              <wp:wxr_version>1.2</wp:wxr_version>
              <wp:base_site_url>https://old.example.cn/</wp:base_site_url>
              <wp:base_blog_url>https://old.example.cn</wp:base_blog_url>
            """;

    static final String EXPORT = HEAD + """
              <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[lihua]]></wp:author_login>
                <wp:author_email><![CDATA[lihua@example.cn]]></wp:author_email>
                <wp:author_display_name><![CDATA[李华 医师]]></wp:author_display_name></wp:author>
              <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[tcm]]></wp:category_nicename>
                <wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[中医]]></wp:cat_name></wp:category>
              <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[acupuncture]]></wp:category_nicename>
                <wp:category_parent><![CDATA[tcm]]></wp:category_parent><wp:cat_name><![CDATA[针灸]]></wp:cat_name></wp:category>
              <wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug><![CDATA[sleep]]></wp:tag_slug><wp:tag_name><![CDATA[睡眠]]></wp:tag_name></wp:tag>
              <generator>https://wordpress.org/?v=6.1</generator>
              <item>
                <title><![CDATA[针刺疗法与康复]]></title>
                <link>https://old.example.cn/2021/03/05/zhenci/</link>
                <pubDate>Fri, 05 Mar 2021 02:30:00 +0000</pubDate>
                <dc:creator><![CDATA[lihua]]></dc:creator>
                <guid isPermaLink="false">https://old.example.cn/?p=12</guid>
                <content:encoded><![CDATA[<!-- wp:paragraph --><p>正文 a ]]]]><![CDATA[> b</p><!-- /wp:paragraph -->]]></content:encoded>
                <excerpt:encoded><![CDATA[摘要]]></excerpt:encoded>
                <wp:post_id>12</wp:post_id>
                <wp:post_date><![CDATA[2021-03-05 10:30:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2021-03-05 02:30:00]]></wp:post_date_gmt>
                <wp:post_name><![CDATA[zhenci]]></wp:post_name>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_parent>0</wp:post_parent>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <category domain="category" nicename="acupuncture"><![CDATA[针灸]]></category>
                <category domain="post_tag" nicename="sleep"><![CDATA[睡眠]]></category>
                <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[30]]></wp:meta_value></wp:postmeta>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content><![CDATA[好文]]></wp:comment_content></wp:comment>
              </item>
              <item>
                <title><![CDATA[needle]]></title>
                <wp:post_id>30</wp:post_id>
                <wp:post_date_gmt><![CDATA[2021-03-04 01:00:00]]></wp:post_date_gmt>
                <wp:post_parent>12</wp:post_parent>
                <wp:post_type><![CDATA[attachment]]></wp:post_type>
                <wp:status><![CDATA[inherit]]></wp:status>
                <wp:attachment_url><![CDATA[https://old.example.cn/wp-content/uploads/2021/03/needle.png]]></wp:attachment_url>
                <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[针灸针]]></wp:meta_value></wp:postmeta>
              </item>
              <item>
                <title><![CDATA[草稿]]></title>
                <wp:post_id>40</wp:post_id>
                <wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <wp:status><![CDATA[draft]]></wp:status>
              </item>
            </channel>
            </rss>
            """;

    private static final class Collected implements Wxr.Handler {
        final List<Object> seen = new ArrayList<>();
        Wxr.Site site;

        @Override
        public void site(Wxr.Site site) {
            this.site = site;
            seen.add(site);
        }

        @Override
        public void author(Wxr.Author author) {
            seen.add(author);
        }

        @Override
        public void category(Wxr.Term category) {
            seen.add(category);
        }

        @Override
        public void tag(Wxr.Term tag) {
            seen.add(new Object[]{"tag", tag});
        }

        @Override
        public void item(Wxr.Item item) {
            seen.add(item);
        }

        List<Wxr.Item> items() {
            return seen.stream().filter(Wxr.Item.class::isInstance).map(Wxr.Item.class::cast).toList();
        }
    }

    static Collected read(String xml) {
        Collected c = new Collected();
        WxrReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), c);
        return c;
    }

    @Test
    void everyPartOfAnExportArrivesInFileOrderWithItsChineseTextExact() {
        Collected c = read(EXPORT);
        assertEquals(new Wxr.Site("中医养生网", "https://old.example.cn", "https://old.example.cn", "1.2"), c.site);
        assertEquals(c.site, c.seen.get(0), "the site comes first");
        assertEquals(new Wxr.Author("lihua", "lihua@example.cn", "李华 医师"), c.seen.get(1));
        assertEquals(new Wxr.Term("tcm", "中医", "", 3), c.seen.get(2));
        assertEquals(new Wxr.Term("acupuncture", "针灸", "tcm", 4), c.seen.get(3), "the parent by slug and the term id");
        List<Wxr.Item> items = c.items();
        assertEquals(3, items.size());
        Wxr.Item post = items.get(0);
        assertEquals(12, post.postId());
        assertEquals("post", post.postType());
        assertEquals("publish", post.status());
        assertEquals("针刺疗法与康复", post.title());
        assertEquals("zhenci", post.slug());
        assertEquals("lihua", post.creator());
        assertEquals("https://old.example.cn/2021/03/05/zhenci/", post.link());
        assertEquals("<!-- wp:paragraph --><p>正文 a ]]> b</p><!-- /wp:paragraph -->", post.content(),
                "CDATA split around ]]> comes back whole");
        assertEquals("摘要", post.excerpt());
        assertEquals(Instant.parse("2021-03-05T02:30:00Z"), post.date());
        assertEquals(List.of("acupuncture"), post.categorySlugs());
        assertEquals(List.of("睡眠"), post.tagNames());
        assertEquals(30, post.thumbnailId());
        Wxr.Item attachment = items.get(1);
        assertEquals("attachment", attachment.postType());
        assertEquals(12, attachment.parentId());
        assertEquals("https://old.example.cn/wp-content/uploads/2021/03/needle.png", attachment.attachmentUrl());
        assertEquals("针灸针", attachment.altText());
        assertNull(items.get(2).date(), "a draft never dated has no date");
        assertEquals("", items.get(2).content());
    }

    @Test
    void aFileCutOffMidwayIsRefusedWithTheLineAndColumnWhereItEnds() {
        String truncated = EXPORT.substring(0, EXPORT.indexOf("<wp:post_name>"));
        WxrException e = assertThrows(WxrException.class, () -> read(truncated));
        assertTrue(e.line() > 30, "the line where it breaks off: " + e.getMessage());
        assertTrue(e.getMessage().contains("line " + e.line() + ", column " + e.column()), e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void malformedXmlNamesItsPlace() {
        String broken = EXPORT.replace("<wp:post_id>12</wp:post_id>", "<wp:post_id>12</wp:post_idx>");
        WxrException e = assertThrows(WxrException.class, () -> read(broken));
        assertTrue(e.line() > 0 && e.getMessage().startsWith("The export is not well-formed XML"), e.getMessage());
    }

    @Test
    void anRssFeedOrAnotherXmlFileIsNotAnExport() {
        String feed = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>feed</title>
                <item><title>x</title></item></channel></rss>""";
        WxrException notWxr = assertThrows(WxrException.class, () -> read(feed));
        assertTrue(notWxr.getMessage().contains("not a WordPress export"), notWxr.getMessage());
        WxrException html = assertThrows(WxrException.class, () -> read("<html><body>hi</body></html>"));
        assertTrue(html.getMessage().contains("<html>"), html.getMessage());
        WxrException text = assertThrows(WxrException.class, () -> read("post_title,post_content\n"));
        assertTrue(text.getMessage().contains("not well-formed"), text.getMessage());
    }

    @Test
    void aDoctypeWithEntitiesReadsNoFileAndExpandsNothing(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + EXPORT.substring(EXPORT.indexOf("<rss")).replace("<title><![CDATA[草稿]]></title>", "<title>&x;</title>");
        try {
            Collected c = read(xxe);
            assertTrue(c.items().stream().noneMatch(i -> i.title().contains("TOP-SECRET")), "no file read");
        } catch (WxrException refused) {
            assertTrue(refused.getMessage().contains("not well-formed"), refused.getMessage());
        }
    }

    @Test
    void datesComeFromTheGmtFieldElseFromPubDate() {
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), WxrReader.date("2020-01-02 03:04:05", null));
        assertEquals(Instant.parse("2021-03-05T02:30:00Z"),
                WxrReader.date("0000-00-00 00:00:00", "Fri, 05 Mar 2021 10:30:00 +0800"));
        assertNull(WxrReader.date("", "not a date"));
    }
}
