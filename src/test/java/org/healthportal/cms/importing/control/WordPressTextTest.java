package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cleaners on the text WordPress stores: blocks, shortcodes, classic line breaks, images. */
class WordPressTextTest {

    private static final String OLD = "https://old.example.cn/wp-content/uploads/2021/03/";

    /** The library as the import would have filled it: attachment 30 (with alt text) and 31 (without). */
    private static final WordPressText.Images LIBRARY = new WordPressText.Images() {
        private final Map<String, WordPressText.Image> byName = Map.of(
                "needle", new WordPressText.Image("/media/7/needle.png", "针灸针"),
                "cup", new WordPressText.Image("/media/8/cup.jpg", ""));

        @Override
        public Optional<WordPressText.Image> byUrl(String url) {
            return byName.entrySet().stream().filter(e -> url.startsWith(OLD + e.getKey())).map(Map.Entry::getValue)
                    .findFirst();
        }

        @Override
        public Optional<WordPressText.Image> byId(long id) {
            return Optional.ofNullable(id == 30 ? byName.get("needle") : id == 31 ? byName.get("cup") : null);
        }
    };

    @Test
    void blockCommentsGoAndTheirContentStays() {
        String blocks = "<!-- wp:heading --><h2>一、原理</h2><!-- /wp:heading -->\n\n"
                + "<!-- wp:paragraph {\"className\":\"lead\"} --><p>经络 &amp; 穴位</p><!-- /wp:paragraph -->\n\n"
                + "<!-- wp:separator /-->";
        WordPressText.Cleaned c = WordPressText.clean(blocks, LIBRARY);
        assertEquals("<h2>一、原理</h2>\n<p>经络 &amp; 穴位</p>\n", c.html());
        assertTrue(c.notes().isEmpty(), c.notes().toString());
    }

    @Test
    void classicLineBreaksBecomeParagraphs() {
        WordPressText.Cleaned c = WordPressText.clean("第一段第一行\n第一段第二行\n\n第二段\r\n\r\n<ul><li>一</li></ul>", LIBRARY);
        assertEquals("<p>第一段第一行<br />第一段第二行</p>\n<p>第二段</p>\n<ul><li>一</li></ul>\n", c.html());
    }

    @Test
    void aCaptionBecomesAFigureWithTheLibrarysImage() {
        String caption = "[caption id=\"attachment_30\" align=\"aligncenter\" width=\"300\"]<a href=\"" + OLD
                + "needle.png\"><img class=\"size-medium wp-image-30\" src=\"" + OLD + "needle-300x200.png\" alt=\"\""
                + " width=\"300\" height=\"200\" /></a> 针灸所用的毫针[/caption]";
        WordPressText.Cleaned c = WordPressText.clean(caption, LIBRARY);
        assertEquals("<figure><a href=\"/media/7/needle.png\" rel=\"noopener noreferrer\">"
                + "<img src=\"/media/7/needle.png\" alt=\"针灸针\" /></a><figcaption>针灸所用的毫针"
                + "</figcaption></figure>\n", c.html());
        assertEquals(0, c.imagesWithoutAlt(), "the attachment's alt text filled the empty one");
    }

    @Test
    void aGalleryListsItsImagesAndNamesTheMissingOne() {
        WordPressText.Cleaned c = WordPressText.clean("[gallery ids=\"30,31,99\" columns=\"3\"]", LIBRARY);
        assertEquals("<figure><img src=\"/media/7/needle.png\" alt=\"针灸针\" /><img src=\"/media/8/cup.jpg\" alt=\"\" />"
                + "</figure>\n", c.html());
        assertTrue(c.notes().stream().anyMatch(n -> n.toString().contains("99")), c.notes().toString());
        assertEquals(1, c.imagesWithoutAlt(), "the cup has no alt text: flagged");
    }

    @Test
    void anEmbedBecomesALinkWithANoteAndPluginShortcodesAreDroppedKeepingTheirText() {
        WordPressText.Cleaned c = WordPressText.clean("[embed]https://video.example.cn/v/1[/embed]\n\n"
                + "[su_box title=\"提示\"]请遵医嘱[/su_box] 参见文献[1]与[注]", LIBRARY);
        assertEquals("<p><a href=\"https://video.example.cn/v/1\" rel=\"noopener noreferrer\">"
                + "https://video.example.cn/v/1</a></p>\n<p>请遵医嘱 参见文献[1]与[注]</p>\n", c.html());
        assertEquals(2, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(1).toString().contains("[su_box]"), c.notes().toString());
    }

    @Test
    void imagesPointAtTheLibraryOrAreLeftOutWithANoteAndScriptsNeverPass() {
        WordPressText.Cleaned c = WordPressText.clean("<p><img src=\"" + OLD + "cup.jpg\"> 拔罐"
                + "<img src=\"https://elsewhere.example/x.png\" alt=\"x\"></p><script>alert(1)</script>"
                + "<p onclick=\"x()\">文字</p>", LIBRARY);
        assertEquals("<p><img src=\"/media/8/cup.jpg\" alt=\"\" /> 拔罐</p><p>文字</p>\n", c.html());
        assertEquals(1, c.imagesWithoutAlt());
        assertTrue(c.notes().stream().anyMatch(n -> n.toString().contains("elsewhere.example/x.png")), c.notes().toString());
        assertFalse(c.html().contains("script"));
    }

    @Test
    void theLeadIsTheExcerptElseTheFirstParagraphAsPlainText() {
        assertEquals("摘要 & 说明", WordPressText.lead("<p>摘要 &amp; 说明</p>", "<p>正文</p>"));
        assertEquals("第一段 粗体", WordPressText.lead("", "<h2>标题</h2><p></p><p>第一段 <strong>粗体</strong></p>"));
        assertEquals("", WordPressText.lead(null, "<h2>只有标题</h2>"));
        String longText = "长".repeat(1500);
        assertEquals(1000, WordPressText.lead(longText, null).length());
    }
}
