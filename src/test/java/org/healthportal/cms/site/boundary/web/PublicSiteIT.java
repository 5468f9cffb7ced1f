package org.healthportal.cms.site.boundary.web;

import static org.healthportal.cms.testsupport.Articles.categoryId;
import static org.healthportal.cms.testsupport.Articles.create;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.json;
import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.healthportal.cms.testsupport.QrImages;
import org.junit.jupiter.api.Test;

/** The public site over real HTTP: only live revisions, the page's parts, caching, search, feeds and errors. */
class PublicSiteIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** A published article with a unique Latin token in its body, so search and lists can find exactly it. */
    private record Live(long id, String slug, String title, String token, JsonObject json) {
    }

    private static Live publish(String titlePrefix, String summary, String bodyText) {
        String token = "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String title = uniqueTitle(titlePrefix);
        Api.Response r = Api.as("editor").post("/api/articles", json(title, summary,
                "<h2>1、原理</h2><p>" + bodyText + " " + token + "</p>", categoryId(), null).toString());
        assertEquals(201, r.status(), r.toString());
        long id = id(r.json());
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "approve"));
        JsonObject live = ok(transition("editor", id, "publish"));
        return new Live(id, live.getString("slug"), title, token, live);
    }

    @Test
    void theArticlePageHasBreadcrumbReviewerDisclaimerQrAndStructuredData() throws Exception {
        Live a = publish("针灸与神经康复", "针灸可以辅助神经损伤后的功能恢复。", "针刺可以改善局部血液循环。");
        HttpResponse<String> page = get("/articles/" + a.slug(), null);
        assertEquals(200, page.statusCode());
        String html = page.body();
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&gt;", ">");

        assertTrue(Pattern.compile("首页 > 中医 > 特色中医 > 针刺疗法 > 正文").matcher(text).find(), text);
        assertTrue(html.contains("<h1 class=\"title\">" + a.title() + "</h1>"));
        assertTrue(text.contains("发布时间："));
        int disclaimerVersion = lastRevision(a.id()).getInt("disclaimerVersion");
        assertTrue(text.contains("医学审核：王医生，主任医师，示例市中医医院，"), "reviewer line: " + text);
        assertTrue(text.contains("免责声明"));
        assertTrue(text.contains("声明版本 " + disclaimerVersion), "the disclaimer recorded for this publication");
        assertTrue(text.contains("用手机扫描二维码 在手机上继续观看"));
        assertTrue(html.contains("<p class=\"lead\">针灸可以辅助神经损伤后的功能恢复。</p>"));
        assertTrue(html.contains("<section class=\"related\""));
        assertTrue(html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">"));

        String url = CmsServer.get().base() + "articles/" + a.slug();
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + url + "\""));
        assertTrue(html.contains("<meta property=\"og:title\" content=\"" + a.title() + "\""));
        assertTrue(html.contains("<meta name=\"description\" content=\"针灸可以辅助神经损伤后的功能恢复。\""));

        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(ld.find(), "JSON-LD present");
        JsonObject data = Json.createReader(new StringReader(ld.group(1))).readObject();
        assertEquals("MedicalWebPage", data.getString("@type"));
        assertEquals(url, data.getString("url"));
        assertEquals(a.title(), data.getString("name"));
        assertEquals("王医生", data.getJsonObject("reviewedBy").getString("name"));
        assertEquals("主任医师", data.getJsonObject("reviewedBy").getString("jobTitle"));
        assertTrue(data.getString("lastReviewed").matches("\\d{4}-\\d{2}-\\d{2}"));
        assertTrue(data.getString("datePublished").matches("\\d{4}-\\d{2}-\\d{2}T.*\\+08:00"));
        assertNotNull(data.getString("dateModified"));

        HttpResponse<byte[]> qr = HTTP.send(HttpRequest.newBuilder(CmsServer.get().base().resolve("/qr/" + a.slug() + ".png"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, qr.statusCode());
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(""));
        assertTrue(html.contains("src=\"/qr/" + a.slug() + ".png\""));
        assertEquals(url, QrImages.decode(qr.body()));
    }

    @Test
    void aNewerDraftInReviewDoesNotLeakAnywhere() {
        Live a = publish("线上版本", "线上版本的摘要。", "线上版本的正文。");
        String draftToken = "dft" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String draftTitle = uniqueTitle("审核中的新版本");
        ok(Api.as("editor").put("/api/articles/" + a.id(), json(draftTitle, "新版本的摘要。",
                "<p>新版本的正文 " + draftToken + "</p>", categoryId(),
                a.json().getJsonNumber("version").longValue()).toString()));
        ok(transition("editor", a.id(), "submit"));

        String page = get("/articles/" + a.slug(), null).body();
        assertTrue(page.contains(a.title()));
        assertFalse(page.contains(draftTitle), "page");
        assertFalse(page.contains(draftToken), "page");
        assertTrue(search(a.token()).contains("共找到 1 篇文章"), "the live text is found");
        assertTrue(search(draftToken).contains("共找到 0 篇文章"), "search must not find the draft");
        String feed = get("/feed.xml", null).body();
        assertTrue(feed.contains(a.title()), "feed lists the live title");
        assertFalse(feed.contains(draftTitle), "feed");
        assertFalse(get("/", null).body().contains(draftTitle), "home");
        assertFalse(get("/categories/zhenci-liaofa", null).body().contains(draftTitle), "category");

        JsonObject neverPublic = create(uniqueTitle("从未发布"));
        ok(transition("editor", id(neverPublic), "submit"));
        String sitemap = get("/sitemap.xml", null).body();
        assertTrue(sitemap.contains("/articles/" + a.slug() + "</loc>"), "sitemap lists the live article");
        assertFalse(sitemap.contains("/articles/" + neverPublic.getString("slug") + "</loc>"), "sitemap");
        assertEquals(404, get("/articles/" + neverPublic.getString("slug"), null).statusCode());
        assertEquals(404, get("/qr/" + neverPublic.getString("slug") + ".png", null).statusCode());
    }

    @Test
    void publishingANewRevisionDropsTheStoredPageAtOnce() {
        Live a = publish("缓存页面", "缓存前的摘要。", "缓存前的正文。");
        String url = "/articles/" + a.slug();
        HttpResponse<String> first = get(url, null);
        HttpResponse<String> second = get(url, null);
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"), "served from the store");

        String newTitle = uniqueTitle("发布后的新标题");
        JsonObject current = Api.as("editor").get("/api/articles/" + a.id()).json();
        ok(Api.as("editor").put("/api/articles/" + a.id(), json(newTitle, "新的摘要。", "<p>新的正文。</p>",
                categoryId(), current.getJsonNumber("version").longValue()).toString()));
        ok(transition("editor", a.id(), "submit"));
        ok(transition("reviewer", a.id(), "approve"));
        assertTrue(get(url, null).body().contains(a.title()), "still the live revision before publishing");

        ok(transition("editor", a.id(), "publish"));
        HttpResponse<String> after = get(url, null);
        assertTrue(after.body().contains(newTitle), "the new revision at once");
        assertFalse(after.body().contains(a.title()));
        assertTrue(get("/", null).body().contains(newTitle), "the home page's list too");
        assertTrue(get("/feed.xml", null).body().contains(newTitle), "and the feed");
    }

    @Test
    void storedArticlePagesListAPublicationAtOnceAndForgetAWithdrawalAtOnce() {
        Live a = publish("列表所在页", "列表所在页的摘要。", "列表所在页的正文。");
        String url = "/articles/" + a.slug();
        get(url, null);
        HttpResponse<String> stored = get(url, null);
        assertEquals(stored.headers().firstValue("ETag"), get(url, null).headers().firstValue("ETag"), "stored");

        Live b = publish("刚发表的文章", "刚发表的摘要。", "刚发表的正文。");
        HttpResponse<String> after = get(url, null);
        assertTrue(section(after.body(), "latest").contains(b.title()), "the newest list of a stored page, at once");
        assertTrue(section(after.body(), "related").contains(b.title()), "and its related list (same category)");
        assertFalse(section(after.body(), "latest").contains(a.title()), "never the article itself");
        assertTrue(after.body().contains("<h1 class=\"title\">" + a.title() + "</h1>"), "its own content as before");
        assertFalse(after.body().contains("cms:hole"), "no hole left unfilled");
        assertTrue(List.of(after.headers().firstValue("xkey").orElse("").split(" ")).contains("a" + b.id()),
                "tagged with what its lists show: " + after.headers().firstValue("xkey"));
        assertFalse(stored.headers().firstValue("ETag").equals(after.headers().firstValue("ETag")), "a new ETag");

        ok(transition("editor", b.id(), "unpublish", "数据需要更新"));
        HttpResponse<String> withdrawn = get(url, null);
        assertFalse(withdrawn.body().contains(b.title()), "a withdrawn article leaves every list at once");
        assertFalse(List.of(withdrawn.headers().firstValue("xkey").orElse("").split(" ")).contains("a" + b.id()));
        assertEquals(410, get("/articles/" + b.slug(), null).statusCode());
    }

    @Test
    void aWithdrawalShiftsTheLaterPagesOfItsCategoryAtOnce() {
        // Twenty-one publications: the first of them is now the first article of the category's second page.
        List<Live> published = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            published.add(publish("分页文章" + i, "分页测试的摘要。", "分页测试的正文。"));
        }
        Live first = published.get(0);
        Live newest = published.get(20);
        String second = "/categories/zhenci-liaofa?page=2";
        assertTrue(get(second, null).body().contains(first.title()), "the oldest of them opens page 2");
        assertTrue(get(second, null).body().contains(first.title()), "stored");

        ok(transition("editor", newest.id(), "unpublish", "数据需要更新"));
        assertFalse(get(second, null).body().contains(first.title()),
                "page 2, which never showed the withdrawn article, moved on at once");
        assertTrue(get("/categories/zhenci-liaofa", null).body().contains(first.title()), "to page 1");
    }

    @Test
    void anArticleMovedToAnotherCategoryLeavesTheOldListsAndJoinsTheNewOnesAtOnce() {
        long sleep = Api.as("editor").get("/api/categories").array().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals("shuimian-zhangai")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        Live page = publish("同类文章页", "同类文章页的摘要。", "同类文章页的正文。");
        Live moved = publish("将要换类的文章", "换类前的摘要。", "换类前的正文。");
        String url = "/articles/" + page.slug();
        assertTrue(section(get(url, null).body(), "related").contains(moved.title()), "same category: related");
        assertTrue(section(get(url, null).body(), "related").contains(moved.title()), "stored");
        assertTrue(get("/categories/zhenci-liaofa", null).body().contains(moved.title()));

        JsonObject current = Api.as("editor").get("/api/articles/" + moved.id()).json();
        ok(Api.as("editor").put("/api/articles/" + moved.id(), json(moved.title(), "换类后的摘要。",
                "<p>换类后的正文。</p>", sleep, current.getJsonNumber("version").longValue()).toString()));
        ok(transition("editor", moved.id(), "submit"));
        ok(transition("reviewer", moved.id(), "approve"));
        assertTrue(section(get(url, null).body(), "related").contains(moved.title()), "the live revision's category");

        ok(transition("editor", moved.id(), "publish"));
        assertFalse(section(get(url, null).body(), "related").contains(moved.title()),
                "gone from the old category's related list at once");
        assertFalse(get("/categories/zhenci-liaofa", null).body().contains(moved.title()), "and from its pages");
        assertTrue(get("/categories/shuimian-zhangai", null).body().contains(moved.title()), "on the new one's");
        assertTrue(get("/categories/shenjing-neike", null).body().contains(moved.title()), "and its parent's");
        Live neighbour = publish("新类别的文章", "新类别的摘要。", "新类别的正文。");
        JsonObject n = Api.as("editor").get("/api/articles/" + neighbour.id()).json();
        ok(Api.as("editor").put("/api/articles/" + neighbour.id(), json(neighbour.title(), "新类别的摘要。",
                "<p>新类别的正文。</p>", sleep, n.getJsonNumber("version").longValue()).toString()));
        ok(transition("editor", neighbour.id(), "submit"));
        ok(transition("reviewer", neighbour.id(), "approve"));
        ok(transition("editor", neighbour.id(), "publish"));
        assertTrue(section(get("/articles/" + neighbour.slug(), null).body(), "related").contains(moved.title()),
                "in the related list of its new category's articles");
    }

    /** The markup of a page's section of this class (related, latest). */
    private static String section(String html, String name) {
        int start = html.indexOf("<section class=\"" + name + "\"");
        assertTrue(start >= 0, "no " + name + " section");
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void publicPagesAreStatelessAndRevalidate() throws Exception {
        Live a = publish("无状态页面", "摘要。", "正文。");
        for (String path : List.of("/", "/articles/" + a.slug(), "/categories/zhongyi", "/categories/zhenci-liaofa",
                "/search?q=" + URLEncoder.encode("针灸", StandardCharsets.UTF_8), "/sitemap.xml", "/feed.xml",
                "/robots.txt", "/articles/no-such-article", "/qr/" + a.slug() + ".png")) {
            HttpResponse<String> r = get(path, null);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + " " + r.statusCode());
            assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "no cookie on " + path);
            assertFalse(r.body().contains("jsessionid"), path);
            assertFalse(r.body().contains("ViewState"), "no view state on " + path);
        }

        HttpResponse<String> page = get("/articles/" + a.slug(), null);
        String etag = page.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(
                "no ETag: " + page.statusCode() + " " + page.headers().map()));
        assertNotNull(page.headers().firstValue("Last-Modified").orElse(null));
        HttpResponse<String> again = get("/articles/" + a.slug(), b -> b.header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(200, get("/articles/" + a.slug(), b -> b.header("If-None-Match", "\"stale\"")).statusCode());

        HttpResponse<byte[]> gz = HTTP.send(HttpRequest.newBuilder(CmsServer.get().base().resolve("/articles/" + a.slug()))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertArrayEquals(page.body().getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }

        HttpResponse<String> css = get(page.body().replaceAll("(?s).*href=\"(/assets/css/site\\.css\\?v=[^\"]+)\".*", "$1"), null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
    }

    @Test
    void searchFindsATwoCharacterChineseWordAndMarksIt() {
        Live a = publish("针灸治疗面瘫", "针灸在面神经麻痹恢复期的作用。", "面瘫患者可以在医生指导下配合针灸。");
        String all = search("针灸");
        assertTrue(all.contains("/articles/"), all);
        assertTrue(all.contains("<mark>针灸</mark>"), "the match is highlighted");
        String one = search("针灸 " + a.token());
        assertTrue(one.contains("共找到 1 篇文章"), one);
        assertTrue(one.contains("href=\"/articles/" + a.slug() + "\""));
        assertTrue(search("面瘫 " + a.token()).contains("共找到 1 篇文章"));
        assertTrue(search("骨折 " + a.token()).contains("共找到 0 篇文章"));
        assertTrue(get("/search", null).body().contains("请输入要搜索的词语"));
    }

    @Test
    void categoryPagesListLiveArticlesWithBreadcrumbAndSubcategories() {
        Live a = publish("栏目列表", "栏目列表的摘要。", "正文。");
        String leaf = get("/categories/zhenci-liaofa", null).body();
        String text = leaf.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&gt;", ">");
        assertTrue(text.contains("首页 > 中医 > 特色中医 > 针刺疗法"), text);
        assertTrue(leaf.contains("href=\"/articles/" + a.slug() + "\""));
        assertTrue(text.contains("[详细]"));
        String parent = get("/categories/zhongyi", null).body();
        assertTrue(parent.contains("href=\"/categories/tese-zhongyi\""), "sub-categories");
        assertTrue(parent.contains("href=\"/articles/" + a.slug() + "\""), "articles of sub-categories too");
        assertEquals(404, get("/categories/no-such-category", null).statusCode());
        assertEquals(404, get("/categories/zhenci-liaofa?page=999", null).statusCode());
    }

    @Test
    void aNewAddressKeepsTheOldOneRedirectingPermanently() {
        Live a = publish("换网址", "摘要。", "正文。");
        String old = a.slug();
        String fresh = "moved-" + a.id();
        assertEquals(200, moveTo(a, fresh).status());
        HttpResponse<String> redirect = get("/articles/" + old, null);
        assertEquals(301, redirect.statusCode());
        assertEquals("/articles/" + fresh, redirect.headers().firstValue("Location").orElse(""));
        HttpResponse<String> page = get("/articles/" + fresh, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<link rel=\"canonical\" href=\"" + CmsServer.get().base() + "articles/" + fresh + "\""),
                "the canonical link names the new address");
        String sitemap = get("/sitemap.xml", null).body();
        assertTrue(sitemap.contains("/articles/" + fresh + "<") && !sitemap.contains("/articles/" + old + "<"), "sitemap");
        assertTrue(search(a.token()).contains("/articles/" + fresh + "\""), "search links to the new address");

        Api.Response taken = Api.as("editor").post("/api/articles", jakarta.json.Json.createObjectBuilder(
                json(uniqueTitle("抢网址"), "摘要", "<p>正文</p>", categoryId(), null)).add("slug", old).build().toString());
        assertEquals(409, taken.status(), "an old address stays the article's own: " + taken);

        assertEquals(200, moveTo(a, old).status(), "taking back its old address");
        assertEquals(200, get("/articles/" + old, null).statusCode());
        assertEquals("/articles/" + old, get("/articles/" + fresh, null).headers().firstValue("Location").orElse(""));
    }

    private static Api.Response moveTo(Live a, String slug) {
        JsonObject current = Api.as("editor").get("/api/articles/" + a.id()).json();
        return Api.as("editor").put("/api/articles/" + a.id(), jakarta.json.Json.createObjectBuilder(json(
                current.getString("title"), current.getString("summary"), current.getString("body"), categoryId(),
                current.getJsonNumber("version").longValue())).add("slug", slug).build().toString());
    }

    @Test
    void offlineArticlesAnswer410AndUnknownOnes404InTheSiteLayout() {
        Live a = publish("即将下线", "摘要。", "正文。");
        ok(transition("editor", a.id(), "unpublish", "数据需要更新"));
        HttpResponse<String> gone = get("/articles/" + a.slug(), null);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("文章已下线"));
        assertTrue(gone.body().contains("class=\"site-header\""), "in the site's layout");
        assertTrue(search(a.token()).contains("共找到 0 篇文章"), "gone from search");
        assertFalse(get("/sitemap.xml", null).body().contains("/articles/" + a.slug() + "<"), "gone from the sitemap");

        HttpResponse<String> missing = get("/articles/no-such-article-" + a.id(), null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("页面不存在"));
        assertEquals(404, get("/articles/Bad%20Slug", null).statusCode());
        Live other = publish("只读页面", "摘要。", "正文。");
        assertEquals(405, HTTP_send("POST", "/articles/" + other.slug()));
    }

    @Test
    void robotsAndFeedAreWellFormed() {
        String robots = get("/robots.txt", null).body();
        assertTrue(robots.contains("Disallow: /admin/"));
        assertTrue(robots.contains("Sitemap: " + CmsServer.get().base() + "sitemap.xml"));
        Live a = publish("订阅源", "订阅源的摘要 <b>&</b>。", "正文。");
        String feed = get("/feed.xml", null).body();
        assertTrue(feed.startsWith("<?xml"));
        assertTrue(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assertTrue(feed.contains("<id>" + CmsServer.get().base() + "articles/" + a.slug() + "</id>"));
        assertTrue(feed.contains("订阅源的摘要 &lt;b&gt;&amp;&lt;/b&gt;。"), "summaries are escaped");
    }

    private static JsonObject lastRevision(long id) {
        JsonArray revisions = Api.as("editor").get("/api/articles/" + id + "/revisions").array();
        return revisions.getJsonObject(revisions.size() - 1);
    }

    private static String search(String q) {
        return get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null).body();
    }

    private static int HTTP_send(String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(CmsServer.get().base().resolve(path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path, java.util.function.UnaryOperator<HttpRequest.Builder> extra) {
        HttpRequest.Builder b = HttpRequest.newBuilder(CmsServer.get().base().resolve(path)).timeout(Duration.ofSeconds(30));
        if (extra != null) {
            b = extra.apply(b);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds or the deadline passes; for work another thread finishes. */
    static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            value = probe.get();
        }
        return value;
    }
}
