package org.healthportal.cms.content.boundary.rest;

import static org.healthportal.cms.testsupport.Articles.categoryId;
import static org.healthportal.cms.testsupport.Articles.create;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.json;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.junit.jupiter.api.Test;

/** The article API contract over real HTTP against the running server. */
class ArticleApiIT {

    private final Api editor = Api.as("editor");

    @Test
    void categoriesFormATreeAtLeastThreeDeep() {
        Api.Response r = editor.get("/api/categories");
        assertEquals(200, r.status());
        JsonObject acupuncture = r.array().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals("zhenci-liaofa")).findFirst().orElseThrow();
        assertEquals("针刺疗法", acupuncture.getString("nameZh"));
        assertEquals("Acupuncture", acupuncture.getString("nameEn"));
        assertEquals(3, acupuncture.getJsonArray("path").size());
        assertFalse(acupuncture.isNull("parentId"));
    }

    @Test
    void createAnswers201WithLocationAndTheDraft() {
        String title = uniqueTitle("针灸促进神经损伤后功能恢复");
        Api.Response r = editor.post("/api/articles", json(title, "摘要", "<p>正文</p>", categoryId(), null).toString());
        assertEquals(201, r.status(), r.toString());
        JsonObject a = r.json();
        assertTrue(r.header("Location").endsWith("/api/articles/" + id(a)), r.header("Location"));
        assertEquals("DRAFT", a.getString("state"));
        assertTrue(a.getJsonNumber("version").longValue() >= 0);
        assertFalse(a.getBoolean("live"));
        assertFalse(a.containsKey("publicUrl"));

        JsonObject read = editor.get(r.header("Location")).json();
        assertEquals(Set.of("id", "slug", "title", "summary", "body", "categoryId", "state", "version", "live"),
                intersect(read.keySet(), Set.of("id", "slug", "title", "summary", "body", "categoryId", "state",
                        "version", "live")));
        assertEquals(title, read.getString("title"));
        assertEquals(categoryId(), read.getJsonNumber("categoryId").longValue());
    }

    @Test
    void chineseTextRoundTripsExactly() {
        String title = uniqueTitle("中医针灸，促进神经损伤后功能恢复——《指南》“解读”");
        String summary = "针灸治疗可以促进神经损伤后的功能恢复：改善循环、调节神经；减轻炎症！😀";
        String body = "<h2>1、改善局部微循环</h2><p>针灸通过刺激穴位（合谷、足三里）可扩张毛细血管，增加血流量。</p>";
        Api.Response created = editor.post("/api/articles", json(title, summary, body, categoryId(), null).toString());
        assertEquals(201, created.status(), created.toString());
        JsonObject read = editor.get("/api/articles/" + id(created.json())).json();
        assertEquals(title, read.getString("title"));
        assertEquals(summary, read.getString("summary"));
        assertEquals(body, read.getString("body"));
    }

    @Test
    void theBodyIsSanitizedOnSave() {
        Api.Response r = editor.post("/api/articles", json(uniqueTitle("XSS"), "摘要",
                "<p onclick=\"steal()\">正文<script>alert('x')</script><a href=\"javascript:alert(1)\">链接</a></p>",
                categoryId(), null).toString());
        String body = r.json().getString("body");
        assertFalse(body.contains("script"), body);
        assertFalse(body.contains("onclick"), body);
        assertFalse(body.contains("javascript:"), body);
        assertTrue(body.contains("正文"), body);
    }

    @Test
    void updateSavesAndMovesTheVersion() {
        JsonObject a = create(uniqueTitle("更新"));
        long version = a.getJsonNumber("version").longValue();
        Api.Response r = editor.put("/api/articles/" + id(a),
                json("改过的标题", "新摘要", "<p>新正文</p>", categoryId(), version).toString());
        assertEquals(200, r.status(), r.toString());
        assertEquals("改过的标题", r.json().getString("title"));
        assertTrue(r.json().getJsonNumber("version").longValue() > version);
        assertEquals("DRAFT", r.json().getString("state"));
        assertEquals(1, r.json().getInt("revision"), "a draft changes in place");
    }

    @Test
    void aChineseTitleGetsAPinyinAddressThatLaterTitlesNeverMove() {
        JsonObject first = create("针刺疗法与康复");
        JsonObject second = create("针刺疗法与康复");
        assertTrue(first.getString("slug").matches("zhenci-liaofa-yu-kangfu(-\\d+)?"), first.getString("slug"));
        assertTrue(second.getString("slug").matches("zhenci-liaofa-yu-kangfu-\\d+"), "the same title, a free address: "
                + second.getString("slug"));
        long id = id(first);
        Articles.ok(Articles.transition("editor", id, "submit"));
        Articles.ok(Articles.transition("reviewer", id, "approve"));
        JsonObject live = Articles.ok(Articles.transition("editor", id, "publish"));
        assertEquals(200, Api.anonymous().get("/articles/" + first.getString("slug")).status());
        JsonObject retitled = Articles.ok(editor.put("/api/articles/" + id, json("艾灸入门", "摘要", "<p>新</p>", categoryId(),
                live.getJsonNumber("version").longValue()).toString()));
        assertEquals(first.getString("slug"), retitled.getString("slug"), "a public article keeps its address");
        assertEquals(200, Api.anonymous().get("/articles/" + first.getString("slug")).status());
    }

    @Test
    void aTakenSlugRefusesTheWholeSaveAndKeepsTheVersion() {
        JsonObject other = create(uniqueTitle("占用地址"));
        JsonObject a = create(uniqueTitle("改地址"));
        long version = a.getJsonNumber("version").longValue();
        Api.Response refused = editor.put("/api/articles/" + id(a), Json.createObjectBuilder(
                json("不该保存的标题", "摘要", "<p>不该保存</p>", categoryId(), version)).add("slug", other.getString("slug"))
                .build().toString());
        assertError(refused, 409, "already used");
        JsonObject stored = editor.get("/api/articles/" + id(a)).json();
        assertEquals(a.getString("title"), stored.getString("title"), "the text was not saved either");
        assertEquals(a.getString("slug"), stored.getString("slug"));
        assertEquals(version, stored.getJsonNumber("version").longValue(), "the caller's version is still current");
        Api.Response saved = editor.put("/api/articles/" + id(a), Json.createObjectBuilder(
                json("新标题与新地址", "摘要", "<p>新</p>", categoryId(), version)).add("slug", "slug-" + id(a) + "-new")
                .build().toString());
        assertEquals(200, saved.status(), "the same version saves text and address together: " + saved);
        assertEquals("新标题与新地址", saved.json().getString("title"));
        assertEquals("slug-" + id(a) + "-new", saved.json().getString("slug"));
        long audited = editor.get("/api/articles/" + id(a) + "/audit").array().stream()
                .map(e -> e.asJsonObject().getString("action")).filter(x -> x.equals("save") || x.equals("slug-change"))
                .count();
        assertEquals(2, audited, "one save and one address change audited");
    }

    @Test
    void theArticleSaysWhatTheCallerMayDoAndWhyNot() {
        JsonObject a = create(uniqueTitle("权限"));
        java.util.Map<String, JsonObject> asEditor = allowed(editor.get("/api/articles/" + id(a)).json());
        assertTrue(asEditor.get("edit").getBoolean("allowed"));
        assertTrue(asEditor.get("submit").getBoolean("allowed"));
        assertEquals("ROLE", asEditor.get("approve").getString("reason"));
        assertEquals("STATE", asEditor.get("publish").getString("reason"));
        assertTrue(asEditor.get("publish").getString("message").contains("Cannot publish"));
        assertEquals(200, Articles.transition("editor", id(a), "submit").status());
        java.util.Map<String, JsonObject> asReviewer = allowed(Api.as("reviewer").get("/api/articles/" + id(a)).json());
        assertTrue(asReviewer.get("approve").getBoolean("allowed"), asReviewer.toString());
        assertTrue(asReviewer.get("request-changes").getBoolean("allowed"));
        assertEquals("ROLE", asReviewer.get("edit").getString("reason"));
        java.util.Map<String, JsonObject> asAuthor = allowed(editor.get("/api/articles/" + id(a)).json());
        assertEquals("STATE", asAuthor.get("edit").getString("reason"), "frozen while in review");
    }

    private static java.util.Map<String, JsonObject> allowed(JsonObject article) {
        java.util.Map<String, JsonObject> byAction = new java.util.HashMap<>();
        article.getJsonArray("allowedActions").forEach(v -> byAction.put(v.asJsonObject().getString("action"),
                v.asJsonObject()));
        return byAction;
    }

    @Test
    void aStaleVersionIsAConflictAndOverwritesNothing() {
        JsonObject a = create(uniqueTitle("冲突"));
        long version = a.getJsonNumber("version").longValue();
        assertEquals(200, editor.put("/api/articles/" + id(a),
                json("第一个人的修改", "摘要", "<p>一</p>", categoryId(), version).toString()).status());
        Api.Response stale = Api.as("doctor").put("/api/articles/" + id(a),
                json("第二个人的修改", "摘要", "<p>二</p>", categoryId(), version).toString());
        assertEquals(409, stale.status(), stale.toString());
        assertTrue(stale.json().getString("error").contains("changed by someone else"));
        assertEquals("第一个人的修改", editor.get("/api/articles/" + id(a)).json().getString("title"));
    }

    @Test
    void concurrentSavesOfTheSameVersionLetExactlyOneWin() {
        JsonObject a = create(uniqueTitle("并发"));
        long version = a.getJsonNumber("version").longValue();
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> editor.put("/api/articles/" + id(a),
                json("并发一", "摘要", "<p>一</p>", categoryId(), version).toString()));
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() -> Api.as("doctor").put(
                "/api/articles/" + id(a), json("并发二", "摘要", "<p>二</p>", categoryId(), version).toString()));
        Set<Integer> statuses = Set.of(first.join().status(), second.join().status());
        assertEquals(Set.of(200, 409), statuses, first.join() + " / " + second.join());
        String title = editor.get("/api/articles/" + id(a)).json().getString("title");
        assertTrue(title.equals("并发一") || title.equals("并发二"), title);
    }

    @Test
    void badInputIsA400WithAMessageAndChangesNothing() {
        JsonObject a = create(uniqueTitle("坏输入"));
        long version = a.getJsonNumber("version").longValue();
        String path = "/api/articles/" + id(a);

        assertError(editor.put(path, json("t".repeat(201), "s", "b", categoryId(), version).toString()), 400, "title is too long");
        assertError(editor.put(path, json("t", "s", "b", categoryId(), null).toString()), 400, "version is required");
        assertError(editor.put(path, json("t", "s", "b", 999_999, version).toString()), 400, "No category");
        assertError(editor.put(path, "{\"title\": "), 400, "Malformed JSON");
        assertError(editor.put(path, "{\"title\":\"t\",\"summary\":\"s\",\"body\":\"b\",\"categoryId\":\"abc\",\"version\":1}"),
                400, null);
        assertError(editor.post("/api/articles", json("", "s", "b", categoryId(), null).toString()), 400, "title is required");
        assertError(editor.post("/api/articles", json("t", "s", "b".repeat(200_001), categoryId(), null).toString()),
                400, "body is too long");
        assertError(editor.post("/api/articles", ""), 400, null);

        JsonObject after = editor.get(path).json();
        assertEquals(a.getString("title"), after.getString("title"));
        assertEquals(version, after.getJsonNumber("version").longValue());
    }

    @Test
    void unknownArticleIs404Json() {
        Api.Response r = editor.get("/api/articles/987654321");
        assertError(r, 404, "No article");
        assertError(editor.get("/api/articles/not-a-number"), 404, null);
    }

    @Test
    void revisionsAndAuditAreListed() {
        JsonObject a = create(uniqueTitle("历史"));
        Api.Response revisions = editor.get("/api/articles/" + id(a) + "/revisions");
        assertEquals(200, revisions.status());
        assertEquals(1, revisions.array().size());
        JsonObject first = revisions.array().getJsonObject(0);
        assertEquals("DRAFT", first.getString("state"));
        assertEquals("editor", first.getString("author"));
        assertEquals(64, first.getString("contentHash").length());

        Api.Response one = editor.get("/api/articles/" + id(a) + "/revisions/1");
        assertTrue(one.json().getString("body").contains("微循环"));
        assertError(editor.get("/api/articles/" + id(a) + "/revisions/9"), 404, "no revision 9");

        Api.Response audit = editor.get("/api/articles/" + id(a) + "/audit");
        assertEquals("create", audit.array().getJsonObject(0).getString("action"));
        assertEquals("editor", audit.array().getJsonObject(0).getString("actor"));
    }

    @Test
    void listIsPagedAndFiltered() {
        JsonObject a = create(uniqueTitle("列表查找"));
        Api.Response r = editor.get("/api/articles?state=DRAFT&size=5&page=0");
        assertEquals(200, r.status(), r.toString());
        JsonObject page = r.json();
        assertTrue(page.getJsonArray("items").size() <= 5);
        assertTrue(page.getJsonNumber("total").longValue() >= 1);
        page.getJsonArray("items").forEach(v -> assertEquals("DRAFT", v.asJsonObject().getString("state")));

        String word = a.getString("title").substring(a.getString("title").length() - 8);
        JsonObject found = editor.get("/api/articles?q=" + word).json();
        assertEquals(1, found.getJsonNumber("total").longValue(), found.toString());
        assertEquals(id(a), found.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());

        assertError(editor.get("/api/articles?state=NOPE"), 400, "Unknown state");
        assertError(editor.get("/api/articles?size=1000"), 400, "size");
    }

    /** The list reads the article row's copy of its latest revision: every change must reach that copy. */
    @Test
    void listFollowsEveryChangeOfTheLatestRevision() {
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonObject a = create("列表旧题 " + token);
        long id = id(a);
        assertEquals(1, total("q=" + token + "&state=DRAFT&author=editor"));

        String renamed = "列表新题 " + token;
        Api.Response saved = editor.put("/api/articles/" + id, json(renamed, "摘要", "<p>正文</p>", categoryId(),
                a.getJsonNumber("version").longValue()).toString());
        assertEquals(200, saved.status(), saved.toString());
        assertEquals(0, total("q=" + java.net.URLEncoder.encode("列表旧题 " + token, java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(1, total("q=" + java.net.URLEncoder.encode(renamed, java.nio.charset.StandardCharsets.UTF_8)));

        org.healthportal.cms.testsupport.Articles.ok(org.healthportal.cms.testsupport.Articles.transition("editor", id, "submit"));
        assertEquals(0, total("q=" + token + "&state=DRAFT"));
        assertEquals(1, total("q=" + token + "&state=IN_REVIEW"));
        org.healthportal.cms.testsupport.Articles.ok(org.healthportal.cms.testsupport.Articles.transition("reviewer", id, "approve"));
        org.healthportal.cms.testsupport.Articles.ok(org.healthportal.cms.testsupport.Articles.transition("editor", id, "publish"));
        assertEquals(1, total("q=" + token + "&state=PUBLISHED&categoryId=" + categoryId()));
        assertEquals(id, editor.get("/api/articles?size=1&sort=published").json().getJsonArray("items")
                .getJsonObject(0).getJsonNumber("id").longValue(), "the newest publication comes first");

        assertEquals(0, total("q=" + token + "&author=reviewer"));
        assertEquals(0, total("author=nobody-" + token));
    }

    @Test
    void listSortsInTheDatabaseBothWays() {
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        for (String letter : new String[]{"B", "C", "A"}) {
            create(letter + " 排序 " + token);
        }
        assertEquals(java.util.List.of("A", "B", "C"), firstLetters("q=" + token + "&sort=title&dir=asc"));
        assertEquals(java.util.List.of("C", "B", "A"), firstLetters("q=" + token + "&sort=title&dir=desc"));
        assertEquals(java.util.List.of("A", "C", "B"), firstLetters("q=" + token), "newest change first by default");
        assertError(editor.get("/api/articles?sort=colour"), 400, "Unknown sort");
        assertError(editor.get("/api/articles?dir=up"), 400, "Unknown dir");
    }

    @Test
    void aCategoryFilterHoldsEverythingBelowIt() {
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        long leaf = categoryId();
        jakarta.json.JsonArray all = editor.get("/api/categories").array();
        java.util.function.LongFunction<jakarta.json.JsonObject> byId = id -> all.stream().map(v -> v.asJsonObject())
                .filter(c -> c.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        jakarta.json.JsonObject parent = byId.apply(leaf);
        long middle = parent.getJsonNumber("parentId").longValue();
        long top = byId.apply(middle).getJsonNumber("parentId").longValue();
        long sibling = all.stream().map(v -> v.asJsonObject())
                .filter(c -> (!c.containsKey("parentId") || c.isNull("parentId")) && c.getJsonNumber("id").longValue() != top).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        assertEquals(201, editor.post("/api/articles", json("分类筛选 " + token, "摘要", "<p>正文</p>", leaf, null)
                .toString()).status());

        assertEquals(1, total("q=" + token + "&categoryId=" + leaf));
        assertEquals(1, total("q=" + token + "&categoryId=" + middle), "a parent holds its children's articles");
        assertEquals(1, total("q=" + token + "&categoryId=" + top), "and its grandchildren's");
        assertEquals(0, total("q=" + token + "&categoryId=" + sibling), "another branch does not");
        assertEquals(0, total("categoryId=999999999"), "an unknown category holds nothing");
    }

    private long total(String query) {
        Api.Response r = editor.get("/api/articles?" + query);
        assertEquals(200, r.status(), r.toString());
        return r.json().getJsonNumber("total").longValue();
    }

    private java.util.List<String> firstLetters(String query) {
        return editor.get("/api/articles?" + query).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("title").substring(0, 1)).toList();
    }

    @Test
    void theDemoContentCoversEveryState() {
        for (String state : new String[]{"DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED",
                "UNPUBLISHED", "ARCHIVED"}) {
            JsonObject page = editor.get("/api/articles?size=1&state=" + state).json();
            assertTrue(page.getJsonNumber("total").longValue() >= 1, state + " has no article");
        }
        assertTrue(editor.get("/api/articles?size=1").json().getJsonNumber("total").longValue() >= 12);
    }

    static void assertError(Api.Response r, int status, String fragment) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        String error = r.json().getString("error");
        assertNotNull(error);
        assertFalse(r.body().contains("at org."), "no stack traces: " + r.body());
        if (fragment != null) {
            assertTrue(error.contains(fragment), "expected '" + fragment + "' in: " + error);
        }
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(java.util.stream.Collectors.toSet());
    }
}
