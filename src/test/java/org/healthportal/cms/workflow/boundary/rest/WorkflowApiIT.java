package org.healthportal.cms.workflow.boundary.rest;

import static org.healthportal.cms.testsupport.Articles.categoryId;
import static org.healthportal.cms.testsupport.Articles.create;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.json;
import static org.healthportal.cms.testsupport.Articles.makeScheduleDue;
import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.published;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.healthportal.cms.testsupport.Poll.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.healthportal.cms.testsupport.Api;
import org.junit.jupiter.api.Test;

/** The editorial workflow through the API: the walk, and every refusal with its status. */
class WorkflowApiIT {

    @Test
    void editorAndReviewerWalkAnArticleOnline() {
        String title = uniqueTitle("卒中后居家康复");
        JsonObject a = create(title);
        long id = id(a);
        assertEquals("IN_REVIEW", ok(transition("editor", id, "submit")).getString("state"));
        JsonObject approved = ok(transition("reviewer", id, "approve", "内容准确"));
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals("reviewer", approved.getString("approvedBy"));
        JsonObject live = ok(transition("editor", id, "publish"));
        assertEquals("PUBLISHED", live.getString("state"));
        assertTrue(live.getBoolean("live"));
        assertEquals("/articles/" + live.getString("slug"), live.getString("publicUrl"));

        Api.Response page = Api.anonymous().get(live.getString("publicUrl"));
        assertEquals(200, page.status());
        assertTrue(page.body().contains(title), "the public page shows the article");

        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("create", "submit", "approve", "publish"), actions);
        JsonObject approve = audit.getJsonObject(2);
        assertEquals("reviewer", approve.getString("actor"));
        assertEquals("IN_REVIEW", approve.getString("fromState"));
        assertEquals("APPROVED", approve.getString("toState"));
        assertEquals("内容准确", approve.getString("comment"));
        // The version in force when it was published (other tests publish new ones), and the one the page shows.
        int recorded = Api.as("editor").get("/api/articles/" + id + "/revisions").array().getJsonObject(0)
                .getInt("disclaimerVersion");
        assertTrue(recorded >= 1 && page.body().contains("声明版本 " + recorded), "disclaimer version " + recorded);
    }

    @Test
    void withoutCredentialsItIs401() {
        JsonObject a = create(uniqueTitle("401"));
        Api.Response r = Api.anonymous().post("/api/articles/" + id(a) + "/transitions", "{\"action\":\"submit\"}");
        assertEquals(401, r.status());
        assertNotNull(r.header("WWW-Authenticate"));
        assertTrue(r.json().getString("error").contains("Authentication"));
        assertEquals(401, Api.as("editor", "wrong-password").get("/api/articles/" + id(a)).status());
        assertEquals(401, Api.anonymous().get("/api/categories").status());
        assertEquals("DRAFT", Api.as("editor").get("/api/articles/" + id(a)).json().getString("state"));
    }

    @Test
    void rolesAreEnforcedWith403() {
        long id = id(create(uniqueTitle("403")));
        assertRefused(transition("editor", id, "approve"), 403, "may not approve");
        assertRefused(transition("reviewer", id, "submit"), 403, "may not submit");
        assertRefused(Api.as("reviewer").post("/api/articles",
                json("审核员不能写", "s", "b", categoryId(), null).toString()), 403, "Only editors");
        ok(transition("editor", id, "submit"));
        assertRefused(transition("editor", id, "request-changes", "不行"), 403, null);
        ok(transition("reviewer", id, "approve"));
        assertRefused(transition("reviewer", id, "publish"), 403, "may not publish");
        assertRefused(transition("editor", id, "archive"), 403, "may not archive");
        assertEquals("APPROVED", Api.as("editor").get("/api/articles/" + id).json().getString("state"));
    }

    @Test
    void nobodyApprovesTheirOwnArticleEvenWithBothRoles() {
        Api doctor = Api.as("doctor");
        Api.Response created = doctor.post("/api/articles", json(uniqueTitle("医生自己写的"), "摘要", "<p>正文</p>",
                categoryId(), null).toString());
        long id = id(created.json());
        ok(transition("doctor", id, "submit"));
        assertRefused(transition("doctor", id, "approve"), 403, "you wrote");
        assertEquals("IN_REVIEW", doctor.get("/api/articles/" + id).json().getString("state"));
        ok(transition("reviewer", id, "approve"));
    }

    @Test
    void theStateMustAllowTheActionOr409() {
        long id = id(create(uniqueTitle("409")));
        assertRefused(transition("reviewer", id, "approve"), 409, "DRAFT");
        assertRefused(transition("editor", id, "publish"), 409, null);
        assertRefused(transition("editor", id, "unpublish"), 409, "not online");
        ok(transition("editor", id, "submit"));
        assertRefused(transition("editor", id, "submit"), 409, "IN_REVIEW");
        JsonObject inReview = Api.as("editor").get("/api/articles/" + id).json();
        assertRefused(Api.as("editor").put("/api/articles/" + id, json("审核中不能改", "s", "b", categoryId(),
                inReview.getJsonNumber("version").longValue()).toString()), 409, "in review");
    }

    @Test
    void badTransitionInputIs400() {
        long id = id(create(uniqueTitle("400")));
        ok(transition("editor", id, "submit"));
        assertRefused(transition("reviewer", id, "request-changes"), 400, "comment is required");
        assertRefused(transition("reviewer", id, "request-changes", "  "), 400, "comment is required");
        assertRefused(transition("reviewer", id, "fly"), 400, "Unknown action");
        assertRefused(transition("reviewer", id, "request-changes", "长".repeat(4001)), 400, "too long");
        assertRefused(Api.as("reviewer").post("/api/articles/" + id + "/transitions", "{\"action\":"), 400, "Malformed JSON");
        assertRefused(Api.as("reviewer").post("/api/articles/" + id + "/transitions", "{}"), 400, "action is required");
        assertEquals("IN_REVIEW", Api.as("editor").get("/api/articles/" + id).json().getString("state"));
        ok(transition("reviewer", id, "approve"));
        assertRefused(Api.as("editor").post("/api/articles/" + id + "/transitions",
                "{\"action\":\"publish\",\"publishAt\":\"tomorrow\"}"), 400, "ISO-8601");
        assertRefused(transition("editor", 987654321L, "submit"), 404, null);
    }

    @Test
    void requestChangesKeepsTheCommentAndTheEditorResubmits() {
        long id = id(create(uniqueTitle("需修改")));
        ok(transition("editor", id, "submit"));
        JsonObject r = ok(transition("reviewer", id, "request-changes", "请补充参考文献并删除绝对化用语"));
        assertEquals("CHANGES_REQUESTED", r.getString("state"));
        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        assertEquals("请补充参考文献并删除绝对化用语", audit.getJsonObject(audit.size() - 1).getString("comment"));

        JsonObject revised = ok(Api.as("editor").put("/api/articles/" + id, json("已修改的标题", "摘要",
                "<p>补充了参考文献。</p>", categoryId(), r.getJsonNumber("version").longValue()).toString()));
        assertEquals("DRAFT", revised.getString("state"));
        assertEquals(2, revised.getInt("revision"), "the reviewed revision stays frozen as revision 1");
        ok(transition("editor", id, "submit"));
        assertEquals("APPROVED", ok(transition("reviewer", id, "approve")).getString("state"));
        JsonArray revisions = Api.as("editor").get("/api/articles/" + id + "/revisions").array();
        assertEquals("CHANGES_REQUESTED", revisions.getJsonObject(0).getString("state"));
    }

    @Test
    void thePublicKeepsTheLiveRevisionWhileANewDraftIsInReview() {
        String oldTitle = uniqueTitle("线上版本");
        JsonObject live = published(oldTitle);
        long id = id(live);
        String url = live.getString("publicUrl");
        String newTitle = uniqueTitle("新草稿版本");

        JsonObject draft = ok(Api.as("editor").put("/api/articles/" + id, json(newTitle, "新摘要", "<p>新的正文</p>",
                categoryId(), live.getJsonNumber("version").longValue()).toString()));
        assertEquals("DRAFT", draft.getString("state"));
        assertTrue(draft.getBoolean("live"));
        assertEquals(1, draft.getInt("liveRevision"));
        assertEquals(2, draft.getInt("revision"));
        assertPublicShows(url, oldTitle, newTitle);

        ok(transition("editor", id, "submit"));
        assertPublicShows(url, oldTitle, newTitle);
        ok(transition("reviewer", id, "approve"));
        assertPublicShows(url, oldTitle, newTitle);

        JsonObject republished = ok(transition("editor", id, "publish"));
        assertEquals(2, republished.getInt("liveRevision"));
        assertPublicShows(url, newTitle, oldTitle);
        JsonArray revisions = Api.as("editor").get("/api/articles/" + id + "/revisions").array();
        assertEquals("UNPUBLISHED", revisions.getJsonObject(0).getString("state"));
        assertEquals("PUBLISHED", revisions.getJsonObject(1).getString("state"));
    }

    @Test
    void unpublishTakesItOfflineAndArchiveEndsIt() {
        JsonObject live = published(uniqueTitle("下线"));
        long id = id(live);
        JsonObject offline = ok(transition("editor", id, "unpublish", "需要更新数据"));
        assertFalse(offline.getBoolean("live"));
        assertFalse(offline.containsKey("publicUrl"));
        assertEquals("UNPUBLISHED", offline.getString("state"));
        assertEquals(410, Api.anonymous().get(live.getString("publicUrl")).status());

        JsonObject back = ok(transition("admin", id, "publish"));
        assertTrue(back.getBoolean("live"));
        JsonObject archived = ok(transition("admin", id, "archive", "不再适用"));
        assertEquals("ARCHIVED", archived.getString("state"));
        assertFalse(archived.getBoolean("live"));
        assertRefused(Api.as("editor").put("/api/articles/" + id, json("归档后", "s", "b", categoryId(),
                archived.getJsonNumber("version").longValue()).toString()), 409, "ARCHIVED");
    }

    @Test
    void draftsAreNeverPublic() {
        JsonObject a = create(uniqueTitle("草稿不可见"));
        assertEquals(404, Api.anonymous().get("/articles/" + a.getString("slug")).status());
        ok(transition("editor", id(a), "submit"));
        ok(transition("reviewer", id(a), "approve"));
        assertEquals(404, Api.anonymous().get("/articles/" + a.getString("slug")).status());
    }

    @Test
    void aScheduledPublicationGoesLiveOnItsOwn() {
        JsonObject a = create(uniqueTitle("定时发布"));
        long id = id(a);
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "approve"));
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).toString();
        JsonObject scheduled = ok(Api.as("editor").post("/api/articles/" + id + "/transitions",
                Json.createObjectBuilder().add("action", "publish").add("publishAt", at).build().toString()));
        assertEquals("APPROVED", scheduled.getString("state"));
        assertFalse(scheduled.getBoolean("live"));
        assertNotNull(scheduled.getString("scheduledFor"));
        makeScheduleDue(id);

        // The scheduler ticks every second in tests; poll the article until it is live or a minute has passed.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject now = scheduled;
        while (!now.getBoolean("live") && Instant.now().isBefore(deadline)) {
            pause();
            now = Api.as("editor").get("/api/articles/" + id).json();
        }
        assertTrue(now.getBoolean("live"), "published by the scheduler: " + now);
        assertEquals("PUBLISHED", now.getString("state"));
        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(List.of("create", "submit", "approve", "schedule", "publish"), actions);
        assertEquals("system:scheduler", audit.getJsonObject(4).getString("actor"));
    }

    private static void assertPublicShows(String url, String shown, String hidden) {
        Api.Response page = Api.anonymous().get(url);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(shown), "public page should show " + shown);
        assertFalse(page.body().contains(hidden), "public page must not show " + hidden);
    }

    private static void assertRefused(Api.Response r, int status, String fragment) {
        assertEquals(status, r.status(), r.toString());
        String error = r.json().getString("error");
        assertFalse(r.body().contains("at org."), r.body());
        if (fragment != null) {
            assertTrue(error.contains(fragment), "expected '" + fragment + "' in: " + error);
        }
    }
}
