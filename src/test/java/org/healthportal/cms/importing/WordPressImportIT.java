package org.healthportal.cms.importing;

import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Multipart;
import org.healthportal.cms.testsupport.WxrExports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WordPress exports imported over real HTTP, as an admin would: what arrives, what is refused, what redirects. */
class WordPressImportIT {

    private static final String IMPORT = "/api/import/wordpress";
    private static final Instant WRITTEN = Instant.parse("2021-03-04T05:06:07Z");

    private final Api admin = Api.as("admin");
    private final Api anonymous = Api.anonymous();

    @TempDir
    Path dir;

    /** A run of its own: site address and slugs no other test or earlier run uses. */
    private final String run = Long.toString(System.nanoTime(), 36);
    private final String site = "https://old-" + run + ".example.cn";

    private WxrExports export() {
        return WxrExports.site(site)
                .author("editor", "王医生")
                .author("laowang-" + run, "老王")
                .category("acu-" + run, "针灸", "tcm-" + run)
                .category("tcm-" + run, "中医", "")
                .attachment(501, 101, "2021/03/needle.png", "针灸针特写")
                .attachment(502, 101, "2021/03/moxa.png", null);
    }

    private Api.Response upload(Api as, Path wxr, Path zip, Map<String, String> fields, String query)
            throws Exception {
        Multipart body = new Multipart().file("wxr", "export-" + run + ".xml", "application/xml", Files.readAllBytes(wxr));
        if (zip != null) {
            body.file("uploads", "uploads.zip", "application/zip", Files.readAllBytes(zip));
        }
        fields.forEach(body::field);
        return as.send(body.post(as.request(IMPORT + query)));
    }

    private Path zip() throws Exception {
        return WxrExports.uploadsZip(dir.resolve("uploads.zip"), Map.of(
                "2021/03/needle.png", WxrExports.png(40, 30, Color.RED),
                "2021/03/moxa.png", WxrExports.png(30, 30, Color.ORANGE)));
    }

    private static JsonObject report(Api.Response r) {
        assertEquals(200, r.status(), r.toString());
        JsonObject job = r.json();
        assertEquals("done", job.getString("status"), job.toString());
        return job.getJsonObject("report");
    }

    private static Map<Long, JsonObject> items(JsonObject report) {
        return report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(i -> i.getJsonNumber("wordpressId").longValue(), i -> i));
    }

    private static int count(JsonObject report, String name) {
        return report.getJsonObject("counts").getInt(name);
    }

    @Test
    void postsArriveAsDraftsWithTheirTreeImagesAuthorsAndCleanText() throws Exception {
        String title = "针刺治疗失眠：“安神”穴位与疗程 " + run;
        Path wxr = export()
                .item(101, "post", "publish", title, "acupuncture-insomnia-" + run, "editor",
                        "<!-- wp:paragraph -->\n<p>针刺可以改善入睡困难。</p>\n<!-- /wp:paragraph -->\n\n"
                                + "[caption id=\"attachment_501\" align=\"aligncenter\" width=\"300\"]"
                                + "<img class=\"wp-image-501\" src=\"" + site + "/wp-content/uploads/2021/03/needle-300x225.png\" />"
                                + " 一次性针灸针[/caption]\n\n第二段，据称可以根治失眠。\n换行在段内。\n\n[contact-form-7 id=\"9\"]",
                        "针刺改善睡眠的要点。", WRITTEN, List.of("acu-" + run), List.of("失眠", "针灸"), 502)
                .item(102, "post", "publish", "艾灸的注意事项 " + run, "moxa-" + run, "laowang-" + run,
                        "<p>艾灸前请咨询医生。</p><p><img src=\"" + site + "/wp-content/uploads/2021/03/gone.png\" alt=\"旧图\"></p>",
                        "", WRITTEN.plusSeconds(86_400), List.of("tcm-" + run), List.of(), 0)
                .item(103, "post", "draft", "未完成的草稿 " + run, "draft-" + run, "editor", "<p>草稿</p>", "", null,
                        List.of(), List.of(), 0)
                .item(104, "revision", "inherit", "修订 " + run, "101-revision-v1", "editor", "<p>旧</p>", "", WRITTEN,
                        List.of(), List.of(), 0)
                .item(105, "nav_menu_item", "publish", "菜单 " + run, "menu-" + run, "editor", "", "", WRITTEN,
                        List.of(), List.of(), 0)
                .write(dir.resolve("export.xml"));

        JsonObject report = report(upload(admin, wxr, zip(), Map.of(), "?wait=60"));
        assertEquals(2, count(report, "created"), report.toString());
        assertEquals(3, count(report, "skipped"), report.toString());
        assertEquals(2, count(report, "categoriesCreated"), report.toString());
        assertEquals(2, count(report, "imagesImported"), "the caption's image and the featured one: " + report);
        assertEquals(1, count(report, "imagesMissing"), report.toString());
        assertEquals(site, report.getString("site"));
        JsonObject skipped = report.getJsonObject("skippedByReason");
        assertTrue(skipped.keySet().stream().anyMatch(k -> k.startsWith("revision")), skipped.toString());
        assertTrue(skipped.keySet().stream().anyMatch(k -> k.startsWith("menu item")), skipped.toString());
        assertTrue(skipped.keySet().stream().anyMatch(k -> k.contains("draft")), skipped.toString());
        assertEquals("editor (login)", report.getJsonObject("authors").getString("editor"));
        assertEquals("admin (chosen)", report.getJsonObject("authors").getString("laowang-" + run));

        Map<Long, JsonObject> items = items(report);
        JsonObject first = items.get(101L);
        assertEquals("created", first.getString("outcome"));
        assertEquals(List.of("失眠", "针灸"), first.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "tags are listed: the CMS has no keywords");
        assertTrue(first.getJsonArray("claims").toString().contains("根治"), first.toString());
        assertTrue(first.getJsonArray("notes").toString().contains("contact-form-7"), "an unknown shortcode is dropped with a note: " + first);
        assertTrue(items.get(102L).getJsonArray("notes").toString().contains("gone.png"), "a missing file is reported");

        JsonObject article = ok(admin.get("/api/articles/" + first.getJsonNumber("articleId").longValue()));
        assertEquals(title, article.getString("title"), "Chinese round-trips exactly");
        assertEquals("DRAFT", article.getString("state"), "nothing is live before this site's review");
        assertFalse(article.getBoolean("live"));
        assertEquals("针刺改善睡眠的要点。", article.getString("summary"), "the excerpt is the lead");
        assertEquals("acupuncture-insomnia-" + run, article.getString("slug"), "the slug kept where free");
        assertEquals("王医生", article.getString("byline"), "the WordPress display name is the byline");
        assertEquals("editor", article.getString("author"), "mapped by login");
        String body = article.getString("body");
        assertFalse(body.contains("wp:") || body.contains("[caption") || body.contains("[contact"), body);
        assertTrue(body.contains("<p>针刺可以改善入睡困难。</p>"), body);
        assertTrue(body.matches("(?s).*<img src=\"/media/\\d+/needle\\.png\" alt=\"针灸针特写\".*"), "the library's copy with WordPress's alt: " + body);
        assertTrue(body.contains("一次性针灸针"), "the caption kept: " + body);
        assertTrue(body.contains("第二段，据称可以根治失眠。<br"), "wpautop: a line break inside a paragraph: " + body);
        assertTrue(body.contains("/moxa.png"), "the featured image above the text: " + body);

        JsonObject second = ok(admin.get("/api/articles/" + items.get(102L).getJsonNumber("articleId").longValue()));
        assertEquals("admin", second.getString("author"), "an author without an account goes to the chosen one");
        assertEquals("老王", second.getString("byline"));
        assertEquals("艾灸前请咨询医生。", second.getString("summary"), "no excerpt: the first paragraph");

        String tree = admin.get("/api/categories").body();
        assertTrue(tree.contains("\"acu-" + run + "\"") && tree.contains("\"tcm-" + run + "\""), tree);

        String audit = admin.get("/api/audit?action=wordpress-import&size=50").body();
        assertTrue(audit.contains("export-" + run + ".xml") && audit.contains("2 created"), audit);
    }

    @Test
    void theSameFileTwiceCreatesNothingNewAndSaysSo() throws Exception {
        Path wxr = export()
                .item(201, "post", "publish", "康复训练第一周 " + run, "rehab-week-" + run, "editor",
                        "<p>从轻柔的活动开始。</p><p><img class=\"wp-image-501\" src=\"" + site
                                + "/wp-content/uploads/2021/03/needle.png\" alt=\"\"></p>", "", WRITTEN,
                        List.of("acu-" + run), List.of(), 0)
                .write(dir.resolve("export.xml"));
        JsonObject once = report(upload(admin, wxr, zip(), Map.of(), "?wait=60"));
        assertEquals(1, count(once, "created"), once.toString());
        long articleId = items(once).get(201L).getJsonNumber("articleId").longValue();
        String mediaBefore = ok(admin.get("/api/articles/" + articleId)).getString("body");

        JsonObject twice = report(upload(admin, wxr, zip(), Map.of(), "?wait=60"));
        assertEquals(0, count(twice, "created"), twice.toString());
        assertEquals(1, count(twice, "alreadyImported"), twice.toString());
        assertEquals(0, count(twice, "categoriesCreated"), "the categories are found again: " + twice);
        assertEquals(0, count(twice, "imagesImported") + count(twice, "imagesMissing"), twice.toString());
        JsonObject line = items(twice).get(201L);
        assertEquals("already_imported", line.getString("outcome"));
        assertEquals(articleId, line.getJsonNumber("articleId").longValue(), "pointing at the article it became");
        assertEquals(mediaBefore, ok(admin.get("/api/articles/" + articleId)).getString("body"));
    }

    @Test
    void aMalformedFileIsRefusedWithWhereAndImportsNothing() throws Exception {
        String xml = export().item(301, "post", "publish", "截断的文件 " + run, "cut-" + run, "editor",
                "<p>正文</p>", "", WRITTEN, List.of(), List.of(), 0).xml();
        Path cut = Files.writeString(dir.resolve("cut.xml"), xml.substring(0, xml.indexOf("截断的文件") + 20),
                StandardCharsets.UTF_8);
        Api.Response r = upload(admin, cut, null, Map.of(), "?wait=60");
        assertEquals(400, r.status(), r.toString());
        JsonObject error = r.json();
        assertTrue(error.getInt("line") > 0 && error.getInt("column") > 0, error.toString());
        assertTrue(error.getString("error").contains("not well-formed"), error.toString());

        Path page = Files.writeString(dir.resolve("page.xml"), "<html><body>不是导出文件</body></html>");
        Api.Response notWxr = upload(admin, page, null, Map.of(), "?wait=60");
        assertEquals(400, notWxr.status(), notWxr.toString());
        assertTrue(notWxr.json().getString("error").contains("not a WordPress export"), notWxr.toString());

        String tree = admin.get("/api/categories").body();
        assertFalse(tree.contains("tcm-" + run), "nothing of the refused file was written: " + tree);
        assertFalse(admin.get("/api/articles?q=" + java.net.URLEncoder.encode("截断的文件 " + run, StandardCharsets.UTF_8))
                .body().contains(run));
    }

    @Test
    void onlyAdminsImport() throws Exception {
        Path wxr = export().write(dir.resolve("export.xml"));
        Api.Response r = upload(Api.as("editor"), wxr, null, Map.of(), "");
        assertEquals(403, r.status(), r.toString());
        assertEquals(403, Api.as("editor").get(IMPORT).status());
    }

    @Test
    void aLongImportAnswersWithAJobToPoll() throws Exception {
        Path wxr = export().item(401, "post", "publish", "异步导入 " + run, "async-" + run, "editor", "<p>正文</p>",
                "", WRITTEN, List.of("tcm-" + run), List.of(), 0).write(dir.resolve("export.xml"));
        Api.Response started = upload(admin, wxr, null, Map.of("submit", "true"), "?wait=0");
        assertEquals(202, started.status(), started.toString());
        String location = started.header("Location");
        assertNotNull(location);
        JsonObject job = started.json();
        assertTrue(List.of("queued", "running", "done").contains(job.getString("status")), job.toString());
        assertTrue(location.endsWith(IMPORT + "/" + job.getJsonNumber("id").longValue()), location);

        JsonObject ended = ok(admin.get(java.net.URI.create(location).getPath() + "?wait=60"));
        assertEquals("done", ended.getString("status"), ended.toString());
        assertEquals(100, ended.getInt("percent"));
        assertEquals("submit", ended.getString("options"));
        JsonObject line = items(ended.getJsonObject("report")).get(401L);
        JsonObject article = ok(admin.get("/api/articles/" + line.getJsonNumber("articleId").longValue()));
        // WordPress has no target audience or references: review's rules hold for an import too, and say why.
        assertEquals("DRAFT", article.getString("state"), line.toString());
        assertTrue(line.getJsonArray("notes").toString().contains("not submitted")
                && line.getJsonArray("notes").toString().contains("audience"), line.toString());
    }

    @Test
    void oldAddressesRedirectOncePublishedAndAreGoneOnceWithdrawn() throws Exception {
        String slug = "tuina-" + run;
        Path wxr = export().item(601, "post", "publish", "推拿与颈椎 " + run, slug, "editor", "<p>推拿缓解颈部僵硬。</p>",
                "推拿要点。", WRITTEN, List.of("acu-" + run), List.of(), 0).write(dir.resolve("export.xml"));
        JsonObject report = report(upload(admin, wxr, null, Map.of(), "?wait=60"));
        long id = items(report).get(601L).getJsonNumber("articleId").longValue();
        String dated = "/2021/03/04/" + slug + "/";

        assertEquals(404, anonymous.get(dated).status(), "a draft's old address leads nowhere yet");
        assertEquals(200, anonymous.get("/?p=601").status(), "the home page, while nothing is public");

        JsonObject draft = ok(admin.get("/api/articles/" + id));
        Api editor = Api.as("editor");
        ok(editor.put("/api/articles/" + id, Articles.json(draft.getString("title"), draft.getString("summary"),
                draft.getString("body"), draft.getJsonNumber("categoryId").longValue(),
                draft.getJsonNumber("version").longValue()).toString()));
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "approve"));
        JsonObject live = ok(transition("editor", id, "publish"));
        String target = "/articles/" + live.getString("slug");
        // The home page stored (asked for twice) must not answer the old address in its place.
        anonymous.get("/");
        assertEquals(200, anonymous.get("/").status());

        for (String old : List.of("/?p=601", dated, "/" + slug + "/", "/" + slug, "/2021/03/04/" + slug.toUpperCase())) {
            Api.Response r = anonymous.get(old);
            assertEquals(301, r.status(), old);
            assertTrue(String.valueOf(r.header("Location")).endsWith(target), old + " → " + r.header("Location"));
        }
        Api.Response category = anonymous.get("/category/tcm-" + run + "/acu-" + run + "/");
        assertEquals(301, category.status());
        assertTrue(String.valueOf(category.header("Location")).endsWith("/categories/acu-" + run), category.toString());
        Api.Response page = anonymous.get(target);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("article:published_time\" content=\"2021-03-04"),
                "the original publish date is the page's");

        ok(transition("editor", id, "unpublish"));
        assertEquals(410, anonymous.get(dated).status(), "withdrawn: gone at its old address too");
    }

    @Test
    void imagesComeFromTheOldSiteWhenChosenWithinTheLimitsAndFromItsHostOnly() throws Exception {
        com.sun.net.httpserver.HttpServer old = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] png = WxrExports.png(50, 40, Color.GREEN);
        old.createContext("/wp-content/uploads/2023/01/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceAll(".*/", "");
            byte[] body = switch (name) {
                case "leaf.png" -> png;
                case "huge.png" -> new byte[6 * 1024 * 1024];
                default -> null;
            };
            if ("slow.png".equals(name)) {
                // An old site that hangs: the import waits its timeout (2 s on the tests' server), not for ever.
                try {
                    Thread.sleep(6_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body = png;
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        old.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        old.start();
        try {
            String oldSite = "http://127.0.0.1:" + old.getAddress().getPort() + "/" + run;
            String uploads = "http://127.0.0.1:" + old.getAddress().getPort() + "/wp-content/uploads/2023/01/";
            Path wxr = WxrExports.site(oldSite).author("editor", "王医生").category("fetch-" + run, "取图", "")
                    .item(801, "post", "publish", "从原站取图 " + run, "fetch-" + run, "editor",
                            "<p>叶子：</p><img src=\"" + uploads + "leaf.png\" alt=\"绿叶\">"
                                    + "<img src=\"" + uploads + "huge.png\" alt=\"大图\">"
                                    + "<img src=\"" + uploads + "slow.png\" alt=\"慢图\">"
                                    + "<img src=\"http://elsewhere.example.cn/wp-content/uploads/2023/01/leaf.png\" alt=\"别处\">",
                            "", WRITTEN, List.of("fetch-" + run), List.of(), 0)
                    .write(dir.resolve("export.xml"));
            JsonObject report = report(upload(admin, wxr, null, Map.of("fetchImages", "true"), "?wait=60"));
            assertEquals(1, count(report, "imagesImported"), report.toString());
            assertEquals(3, count(report, "imagesMissing"), report.toString());
            String notes = report.getJsonArray("notes").toString();
            assertTrue(notes.contains("huge.png not imported: larger than 5 MB"), notes);
            assertTrue(notes.contains("slow.png not imported"), notes);
            assertTrue(notes.contains("elsewhere.example.cn") && notes.contains("not fetched"), notes);
            JsonObject article = ok(admin.get("/api/articles/" + items(report).get(801L).getJsonNumber("articleId").longValue()));
            assertTrue(article.getString("body").matches("(?s).*<img src=\"/media/\\d+/leaf\\.png\" alt=\"绿叶\".*"),
                    article.getString("body"));

            JsonObject unchosen = report(upload(admin, WxrExports.site(oldSite + "-2").author("editor", "王医生")
                    .item(802, "post", "publish", "不取图 " + run, "nofetch-" + run, "editor",
                            "<p>图：</p><img src=\"" + uploads + "leaf.png\" alt=\"绿叶\">", "", WRITTEN,
                            List.of(), List.of(), 0).write(dir.resolve("export2.xml")), null, Map.of(), "?wait=60"));
            assertEquals(1, count(unchosen, "imagesMissing"), "nothing is fetched unless chosen: " + unchosen);
            assertTrue(unchosen.getJsonArray("notes").toString().contains("no uploads zip was given"), unchosen.toString());
        } finally {
            old.stop(0);
        }
    }
}
