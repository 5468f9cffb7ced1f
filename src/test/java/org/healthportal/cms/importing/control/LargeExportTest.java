package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.healthportal.cms.testsupport.WxrExports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export of 2,000 posts made here streams through the reader and the cleaners whole, text exact. */
class LargeExportTest {

    @Test
    void twoThousandPostsStreamThroughWithEveryCharacterKept(@TempDir Path dir) throws Exception {
        WxrExports export = WxrExports.site("https://old.example.cn").author("lihua", "李华")
                .category("tcm", "中医", null).category("acupuncture", "针灸", "tcm");
        for (int i = 1; i <= 2000; i++) {
            export.item(i, "post", "publish", "针刺疗法第" + i + "篇", "post-" + i, "lihua",
                    "<!-- wp:paragraph --><p>正文 " + i + " 含 ]]> 与 &amp; 符号</p><!-- /wp:paragraph -->\n\n"
                            + "<!-- wp:paragraph --><p>" + "经络与穴位。".repeat(200) + "</p><!-- /wp:paragraph -->",
                    "", Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600L * i), List.of("acupuncture"),
                    List.of("睡眠"), 0);
        }
        Path file = export.write(dir.resolve("export.xml"));
        AtomicInteger posts = new AtomicInteger();
        AtomicLong chars = new AtomicLong();
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            WxrReader.read(in, new Wxr.Handler() {
                @Override
                public void item(Wxr.Item item) {
                    int n = posts.incrementAndGet();
                    assertEquals(n, item.postId());
                    assertTrue(item.content().contains("正文 " + n + " 含 ]]> 与 &amp; 符号"), item.content());
                    WordPressText.Cleaned cleaned = WordPressText.clean(item.content(), NO_IMAGES);
                    assertTrue(cleaned.html().startsWith("<p>正文 " + n + " 含 ]]&gt; 与 &amp; 符号</p>"),
                            cleaned.html());
                    chars.addAndGet(cleaned.html().length());
                }
            });
        }
        assertEquals(2000, posts.get());
        System.out.printf("%,d posts (%,d bytes of export) read and cleaned in %d ms%n", posts.get(), Files.size(file),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static final WordPressText.Images NO_IMAGES = new WordPressText.Images() {
        @Override
        public java.util.Optional<WordPressText.Image> byUrl(String url) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<WordPressText.Image> byId(long id) {
            return java.util.Optional.empty();
        }
    };
}
