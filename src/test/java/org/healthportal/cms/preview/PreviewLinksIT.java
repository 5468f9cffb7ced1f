package org.healthportal.cms.preview;

import static org.healthportal.cms.testsupport.Articles.categoryId;
import static org.healthportal.cms.testsupport.Articles.create;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.json;
import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Test;

/** Login-free preview links over real HTTP: what the recipient sees, and what they no longer see. */
class PreviewLinksIT {

    private static final String GONE = "此预览链接已过期或已撤销，请向发送者索取新链接";

    private final Api editor = Api.as("editor");
    private final Api reviewer = Api.as("reviewer");
    private final Api anonymous = Api.anonymous();

    private static String links(long articleId) {
        return "/api/articles/" + articleId + "/preview-links";
    }

    private JsonObject share(Api as, long articleId, String body) {
        Api.Response r = as.post(links(articleId), body);
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    /** The link's path on the test server (the url is built from cms.base-url, which names another port). */
    private static String path(JsonObject link) {
        return URI.create(link.getString("url")).getPath();
    }

    private static String token(JsonObject link) {
        String path = path(link);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void assertPrivate(Api.Response r) {
        assertEquals("noindex", r.header("X-Robots-Tag"), r.raw().headers().map().toString());
        assertEquals("private, no-store", r.header("Cache-Control"));
        assertEquals(List.of(), r.raw().headers().allValues("Set-Cookie"), "no cookie, no session");
    }

    @Test
    void anyoneWithTheLinkReadsThePinnedRevisionWithoutSigningIn() {
        String title = uniqueTitle("针灸与卒中康复（预览）");
        long id = id(create(title));
        Api.Response made = editor.post(links(id), "{\"hours\":2,\"note\":\"请重点看第二节的剂量说明。\"}");
        assertEquals(201, made.status(), made.toString());
        JsonObject link = made.json();
        assertTrue(made.header("Location").endsWith(links(id) + "/" + link.getJsonNumber("id").longValue()),
                made.header("Location"));
        assertTrue(link.getString("url").matches("https?://.+/preview/[A-Za-z0-9_-]{43}"), link.getString("url"));
        assertEquals(1, link.getInt("revision"));
        assertEquals("editor", link.getString("createdBy"));
        assertEquals("请重点看第二节的剂量说明。", link.getString("note"));
        Duration left = Duration.between(Instant.now(), Instant.parse(link.getString("expiresAt")));
        assertTrue(left.compareTo(Duration.ofMinutes(115)) > 0 && left.compareTo(Duration.ofMinutes(125)) < 0,
                "about two hours: " + left);

        Api.Response page = anonymous.get(path(link));
        assertEquals(200, page.status(), page.toString());
        assertPrivate(page);
        assertTrue(page.body().contains(title), "the title");
        assertTrue(page.body().contains("改善局部微循环"), "the body");
        assertTrue(page.body().contains("针灸学"), "the references");
        assertTrue(page.body().contains("预览 — 尚未发布"), "the banner");
        assertTrue(page.body().contains("审核状态：草稿"), "the review status");
        assertTrue(page.body().contains("请重点看第二节的剂量说明。"), "the note");
        assertTrue(page.body().contains("链接有效期至"), "the expiry");
        assertTrue(page.body().contains("免责声明"), "drawn like the public page, disclaimer included");
        assertFalse(page.body().contains("/admin/"), "nothing of the back office");
        assertFalse(page.body().contains("jakarta.faces.ViewState"), "a stateless page");

        Api.Response english = anonymous.send(anonymous.request(path(link)).header("Accept-Language", "en-US,en;q=0.8").GET());
        assertEquals(200, english.status());
        assertTrue(english.body().contains("Preview — not published"), english.body());
        assertTrue(english.body().contains("lang=\"en\""));
    }

    @Test
    void theLinkKeepsShowingTheTextItWasMadeForAfterLaterEdits() {
        String title = uniqueTitle("改动前的标题");
        JsonObject article = create(title);
        long id = id(article);
        JsonObject link = share(editor, id, "{}");

        String edited = uniqueTitle("改动后的标题");
        Api.Response saved = editor.put("/api/articles/" + id, json(edited, "新的导语。", "<p>新的正文，与分享时不同。</p>",
                categoryId(), article.getJsonNumber("version").longValue()).toString());
        assertEquals(200, saved.status(), saved.toString());

        Api.Response page = anonymous.get(path(link));
        assertEquals(200, page.status());
        assertTrue(page.body().contains(title), "the text as shared");
        assertTrue(page.body().contains("改善局部微循环"));
        assertFalse(page.body().contains(edited), "not the later edit");
        assertFalse(page.body().contains("新的正文"));

        JsonObject newer = share(editor, id, "{}");
        assertTrue(anonymous.get(path(newer)).body().contains(edited), "a new link shows the edit");
    }

    @Test
    void aRevokedLinkAnswers410AndAnUnknownOneTheSame() {
        long id = id(create(uniqueTitle("撤销预览")));
        JsonObject link = share(editor, id, "{\"hours\":24}");
        assertEquals(200, anonymous.get(path(link)).status());

        assertEquals(204, reviewer.delete(links(id) + "/" + link.getJsonNumber("id").longValue()).status());
        Api.Response gone = anonymous.get(path(link));
        assertEquals(410, gone.status());
        assertTrue(gone.body().contains(GONE), gone.body());
        assertPrivate(gone);
        assertEquals("revoked", only(id, link).getString("status"));
        assertEquals("reviewer", only(id, link).getString("revokedBy"));

        Api.Response unknown = anonymous.get("/preview/" + "A".repeat(43));
        assertEquals(410, unknown.status());
        assertEquals(gone.body().replaceAll("\\s+", ""), unknown.body().replaceAll("\\s+", ""),
                "an unknown token looks exactly like a revoked one");
        Api.Response malformed = anonymous.get("/preview/nonsense");
        assertEquals(410, malformed.status());
        assertPrivate(malformed);

        Api.Response english = anonymous.send(anonymous.request(path(link)).header("Accept-Language", "en").GET());
        assertEquals(410, english.status());
        assertTrue(english.body().contains("has expired or was revoked"), english.body());

        assertEquals(404, editor.delete(links(id) + "/999999999").status());
    }

    @Test
    void anExpiredLinkAnswers410() throws Exception {
        long id = id(create(uniqueTitle("过期预览")));
        JsonObject link = share(editor, id, "{\"hours\":1}");
        assertEquals(200, anonymous.get(path(link)).status());
        // The server's clock cannot be moved: the link's expiry is moved into the past behind its back.
        try (Connection db = CmsServer.database();
             PreparedStatement update = db.prepareStatement("UPDATE preview_link SET expires_at = ? WHERE id = ?")) {
            update.setObject(1, java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
            update.setLong(2, link.getJsonNumber("id").longValue());
            assertEquals(1, update.executeUpdate());
        }
        Api.Response gone = anonymous.get(path(link));
        assertEquals(410, gone.status());
        assertTrue(gone.body().contains(GONE));
        assertEquals("expired", only(id, link).getString("status"));
    }

    @Test
    void expiryIsFromOneHourToThirtyDays() {
        long id = id(create(uniqueTitle("有效期限制")));
        for (String hours : List.of("0", "-5", "721")) {
            Api.Response r = editor.post(links(id), "{\"hours\":" + hours + "}");
            assertEquals(400, r.status(), hours + ": " + r);
            assertTrue(r.json().getString("error").contains("hours must be from 1 to 720"), r.toString());
        }
        Api.Response tooLong = editor.post(links(id), Json.createObjectBuilder().add("note", "注".repeat(501)).build().toString());
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertTrue(tooLong.json().getString("error").contains("at most 500"), tooLong.toString());

        JsonObject longest = share(editor, id, "{\"hours\":720}");
        Duration left = Duration.between(Instant.now(), Instant.parse(longest.getString("expiresAt")));
        assertTrue(left.compareTo(Duration.ofDays(30).minusMinutes(5)) > 0, left.toString());
        JsonObject byDefault = share(editor, id, "{}");
        left = Duration.between(Instant.now(), Instant.parse(byDefault.getString("expiresAt")));
        assertTrue(left.compareTo(Duration.ofHours(47)) > 0 && left.compareTo(Duration.ofHours(49)) < 0, left.toString());
    }

    @Test
    void onlyEditorsAndReviewersShareListAndRevoke() {
        long id = id(create(uniqueTitle("谁可以分享")));
        JsonObject link = share(reviewer, id, "{}");
        Api admin = Api.as("admin");
        assertEquals(403, admin.post(links(id), "{}").status());
        assertEquals(403, admin.get(links(id)).status());
        assertEquals(403, admin.delete(links(id) + "/" + link.getJsonNumber("id").longValue()).status());
        assertEquals(401, anonymous.post(links(id), "{}").status());
        assertEquals(401, anonymous.get(links(id)).status());
        assertEquals(404, editor.post(links(999999999), "{}").status());
        assertEquals("active", only(id, link).getString("status"), "the refused revoke changed nothing");
    }

    @Test
    void theListNeverShowsATokenAndTheAuditHasCreateOneOpenAndRevoke() {
        long id = id(create(uniqueTitle("审计与列表")));
        JsonObject link = share(editor, id, "{\"note\":\"给外部专家\"}");
        long linkId = link.getJsonNumber("id").longValue();

        // Several first openings at once, then one more: the first opening is recorded once.
        List<CompletableFuture<Integer>> opens = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> anonymous.get(path(link)).status())).toList();
        opens.forEach(f -> assertEquals(200, f.join()));
        assertEquals(200, anonymous.get(path(link)).status());
        assertEquals(204, editor.delete(links(id) + "/" + linkId).status());
        assertEquals(204, editor.delete(links(id) + "/" + linkId).status(), "revoking twice is no error");

        Api.Response list = editor.get(links(id));
        assertEquals(200, list.status());
        assertFalse(list.body().contains(token(link)), "never the token");
        assertFalse(list.body().contains(org.healthportal.cms.platform.Hashing.sha256Hex(token(link))), "nor its hash");
        JsonObject listed = only(id, link);
        for (String key : List.of("id", "expiresAt", "createdBy", "createdAt", "revision", "note", "revokedAt",
                "firstOpenedAt", "status")) {
            assertTrue(listed.containsKey(key), key + " in " + listed);
        }
        assertFalse(listed.containsKey("url") || listed.containsKey("token"), listed.toString());
        assertEquals("revoked", listed.getString("status"));
        assertFalse(listed.isNull("firstOpenedAt"));
        assertEquals("给外部专家", listed.getString("note"));

        List<JsonObject> audit = editor.get("/api/articles/" + id + "/audit").array().stream()
                .map(v -> v.asJsonObject()).toList();
        assertEquals(1, count(audit, "preview-link-create"), audit.toString());
        assertEquals(1, count(audit, "preview-link-open"), audit.toString());
        assertEquals(1, count(audit, "preview-link-revoke"), audit.toString());
        JsonObject opened = audit.stream().filter(e -> e.getString("action").equals("preview-link-open")).findFirst()
                .orElseThrow();
        assertEquals("preview:" + linkId, opened.getString("actor"));
        assertEquals("editor", audit.stream().filter(e -> e.getString("action").equals("preview-link-create"))
                .findFirst().orElseThrow().getString("actor"));
        assertTrue(Api.as("admin").get("/api/audit/verify").json().getBoolean("intact"), "the chain still verifies");
    }

    @Test
    void aTakedownEndsTheArticlesLinks() {
        JsonObject article = Articles.published(uniqueTitle("紧急下线的预览"));
        long id = id(article);
        JsonObject link = share(editor, id, "{}");
        assertEquals(200, anonymous.get(path(link)).status());
        assertTrue(anonymous.get(path(link)).body().contains("审核状态：已发布"));

        ok(transition("reviewer", id, "takedown", "发现剂量错误"));
        Api.Response gone = anonymous.get(path(link));
        assertEquals(410, gone.status());
        assertTrue(gone.body().contains(GONE));
        JsonObject listed = only(id, link);
        assertEquals("revoked", listed.getString("status"));
        assertEquals("reviewer", listed.getString("revokedBy"));
        assertNotNull(listed.getString("revokedAt"));
    }

    private JsonObject only(long articleId, JsonObject link) {
        long linkId = link.getJsonNumber("id").longValue();
        return editor.get(links(articleId)).array().stream().map(v -> v.asJsonObject())
                .filter(l -> l.getJsonNumber("id").longValue() == linkId).findFirst().orElseThrow();
    }

    private static long count(List<JsonObject> audit, String action) {
        return audit.stream().filter(e -> e.getString("action").equals(action)).count();
    }
}
