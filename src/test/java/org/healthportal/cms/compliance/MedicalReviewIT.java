package org.healthportal.cms.compliance;

import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.healthportal.cms.testsupport.Poll.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.junit.jupiter.api.Test;

/** The credential gate, takedown and correction over the API. */
class MedicalReviewIT {

    @Test
    void aReviewerWhoseVerificationLapsedCannotApprove() {
        long id = id(Articles.create(uniqueTitle("资质过期")));
        ok(transition("editor", id, "submit"));
        Api.Response refused = transition("retired", id, "approve");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.json().getString("error").contains("verified until"), refused.toString());
        assertEquals("IN_REVIEW", Api.as("editor").get("/api/articles/" + id).json().getString("state"));
        ok(transition("reviewer", id, "approve"));
    }

    @Test
    void aReviewerOutsideTheCategorysSpecialtiesCannotApprove() {
        long neurology = category("naoxueguanbing");
        Api.Response created = Api.as("editor").post("/api/articles", Articles.json(uniqueTitle("脑卒中的早期识别"),
                "识别卒中早期信号。", "<p>正文</p>", neurology, null).toString());
        long id = id(created.json());
        ok(transition("editor", id, "submit"));
        Api.Response refused = transition("doctor", id, "approve");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.json().getString("error").contains("specialty"), refused.toString());
        JsonObject approved = ok(transition("reviewer", id, "approve"));
        assertEquals("APPROVED", approved.getString("state"));
    }

    @Test
    void theApprovalKeepsTheCredentialsAsTheyWere() {
        JsonObject live = Articles.published(uniqueTitle("资质快照"));
        JsonObject revision = Api.as("admin").get("/api/articles/" + id(live) + "/revisions").array().getJsonObject(0);
        String snapshot = revision.getString("approvalCredentials");
        assertTrue(snapshot.contains("王医生") && snapshot.contains("主任医师") && snapshot.contains("110000000000001")
                && snapshot.contains("verified until"), snapshot);
        String forEditors = Api.as("editor").get("/api/articles/" + id(live) + "/revisions").array().getJsonObject(0)
                .getString("approvalCredentials");
        assertEquals(snapshot.replace(" | licence 110000000000001", ""), forEditors, "editors read it without the licence");
    }

    @Test
    void submittingNeedsSourceAuthorAudienceAndAReference() {
        Api.Response created = Api.as("editor").post("/api/articles", "{\"title\":\"" + uniqueTitle("缺少来源")
                + "\",\"summary\":\"摘要\",\"body\":\"<p>正文</p>\",\"categoryId\":" + Articles.categoryId() + "}");
        long id = id(created.json());
        Api.Response refused = transition("editor", id, "submit");
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().getString("error").contains("references"), refused.toString());
        Api.Response badReference = Api.as("editor").put("/api/articles/" + id, "{\"title\":\"t\",\"summary\":\"s\","
                + "\"body\":\"<p>b</p>\",\"categoryId\":" + Articles.categoryId() + ",\"version\":"
                + created.json().getJsonNumber("version") + ",\"references\":[{\"title\":\"书\",\"publisher\":\"社\","
                + "\"link\":\"javascript:alert(1)\"}]}");
        assertEquals(400, badReference.status(), badReference.toString());
        JsonObject live = Articles.published(uniqueTitle("来源齐全"));
        String page = Api.anonymous().get(live.getString("publicUrl")).body();
        assertTrue(page.contains("测试编辑部") && page.contains("成年读者") && page.contains("人民卫生出版社"),
                "source, audience and references are on the public page");
        assertTrue(page.contains("\"citation\"") && page.contains("\"audience\""), "and in the JSON-LD");
    }

    @Test
    void aTakedownNeedsAReasonAndIsAudited() {
        JsonObject live = Articles.published(uniqueTitle("紧急下线"));
        long id = id(live);
        Api.Response noReason = transition("reviewer", id, "takedown");
        assertEquals(400, noReason.status(), noReason.toString());
        assertTrue(Api.anonymous().get(live.getString("publicUrl")).status() == 200);

        JsonObject down = ok(transition("reviewer", id, "takedown", "发现剂量错误，立即下线"));
        assertFalse(down.getBoolean("live"));
        assertEquals(410, Api.anonymous().get(live.getString("publicUrl")).status());
        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        JsonObject last = audit.getJsonObject(audit.size() - 1);
        assertEquals("takedown", last.getString("action"));
        assertEquals("reviewer", last.getString("actor"));
        assertEquals("发现剂量错误，立即下线", last.getString("comment"));
    }

    @Test
    void aCorrectionNoticeIsPublishedOnTheLiveArticle() {
        JsonObject live = Articles.published(uniqueTitle("更正说明"));
        long id = id(live);
        assertEquals(400, transition("editor", id, "correct").status());
        assertEquals(403, transition("reviewer", id, "correct", "审核员不能直接发布更正").status());
        assertEquals(200, Api.anonymous().get(live.getString("publicUrl")).status(), "the page is stored before the notice");
        String notice = "第2节中“每日三次”应为“每日两次”，特此更正。";
        JsonObject corrected = ok(transition("editor", id, "correct", notice));
        assertEquals(notice, corrected.getString("correctionNotice"));
        assertEquals("PUBLISHED", corrected.getString("state"));
        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        assertEquals("correct", audit.getJsonObject(audit.size() - 1).getString("action"));
        assertEquals(notice, audit.getJsonObject(audit.size() - 1).getString("comment"));
        assertTrue(Api.anonymous().get(live.getString("publicUrl")).body().contains("特此更正"),
                "the stored page was dropped and the notice shows");
    }

    @Test
    void flaggedWordingBlocksSubmissionUntilJustifiedAndTheReviewerSeesWhy() {
        Api.Response created = Api.as("editor").post("/api/articles", Articles.json(uniqueTitle("针灸可以根治面瘫吗"),
                "针灸是面瘫最常用的辅助治疗之一。", "<p>研究报道的有效率并不能代表个人结果。</p>", Articles.categoryId(),
                null).toString());
        long id = id(created.json());
        Api.Response refused = transition("editor", id, "submit");
        assertEquals(400, refused.status(), refused.toString());
        String error = refused.json().getString("error");
        assertTrue(error.contains("根治") && error.contains("最") && error.contains("有效率"), error);
        assertEquals("DRAFT", Api.as("editor").get("/api/articles/" + id).json().getString("state"));

        JsonObject claims = Api.as("editor").get("/api/articles/" + id + "/claims").json();
        assertEquals(3, claims.getJsonArray("current").size(), claims.toString());

        Api.Response partly = Api.as("editor").post("/api/articles/" + id + "/transitions",
                "{\"action\":\"submit\",\"justifications\":{\"根治\":\"标题为设问，正文说明不能根治\"}}");
        assertEquals(400, partly.status(), partly.toString());
        assertFalse(partly.json().getString("error").contains("根治"), partly.toString());

        ok(Api.as("editor").post("/api/articles/" + id + "/transitions", "{\"action\":\"submit\",\"justifications\":"
                + "{\"根治\":\"标题为设问，正文说明不能根治\",\"最\":\"引用指南原文\",\"有效率\":\"说明研究数据的局限\"}}"));
        JsonArray recorded = Api.as("reviewer").get("/api/articles/" + id + "/claims").json().getJsonArray("recorded");
        assertEquals(3, recorded.size());
        assertTrue(recorded.toString().contains("标题为设问，正文说明不能根治"), recorded.toString());
        ok(transition("reviewer", id, "approve"));
    }

    @Test
    void aReReviewWithoutChangesRecordsAFreshReviewDate() {
        JsonObject live = Articles.published(uniqueTitle("复审"));
        long id = id(live);
        String due = live.getString("nextReviewDue");
        assertTrue(live.containsKey("lastReviewedAt"), live.toString());
        assertEquals(403, transition("editor", id, "confirm-review").status());
        assertEquals(403, transition("retired", id, "confirm-review").status());
        JsonObject confirmed = ok(transition("reviewer", id, "confirm-review", "数据仍然准确"));
        // MySQL keeps whole seconds: a re-review in the same second as the approval keeps the same date.
        assertTrue(!java.time.Instant.parse(confirmed.getString("nextReviewDue")).isBefore(java.time.Instant.parse(due)),
                confirmed + " vs " + due);
        assertTrue(!java.time.Instant.parse(confirmed.getString("lastReviewedAt"))
                .isBefore(java.time.Instant.parse(live.getString("lastReviewedAt"))));
        assertEquals(1, confirmed.getInt("revision"));
        JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
        JsonObject last = audit.getJsonObject(audit.size() - 1);
        assertEquals("confirm-review", last.getString("action"));
        assertTrue(last.getString("comment").contains("主任医师"), "the credentials are recorded: " + last);
        String page = Api.anonymous().get(live.getString("publicUrl")).body();
        assertTrue(page.contains("审核记录") && page.contains("复审确认") && page.contains("经医学审核后发布"),
                "the public review history");
    }

    @Test
    void anOverdueReviewPutsANoticeOnThePublicPage() throws Exception {
        JsonObject live = Articles.published(uniqueTitle("复审逾期"));
        long id = id(live);
        assertFalse(Api.anonymous().get(live.getString("publicUrl")).body().contains("超过计划复审日期"));
        makeOverdue(id);
        // The review cycle runs with the scheduler (every second in tests); poll the trail for its event.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        boolean handled = false;
        while (!handled && java.time.Instant.now().isBefore(deadline)) {
            pause();
            handled = Api.as("editor").get("/api/articles/" + id + "/audit").body().contains("review-overdue");
        }
        assertTrue(handled, "the overdue policy ran");
        // The page cache is dropped as the scheduler's transaction commits, a moment after the audit is visible.
        boolean banner = false;
        while (!banner && java.time.Instant.now().isBefore(deadline)) {
            pause();
            banner = Api.anonymous().get(live.getString("publicUrl")).body().contains("超过计划复审日期");
        }
        assertTrue(banner, "the public page says the review is overdue");
        assertTrue(Api.as("editor").get("/api/articles/" + id).json().getBoolean("live"), "banner policy keeps it online");
    }

    @Test
    void theNoindexPolicyKeepsAnOverduePageOutOfSearchEngines() throws Exception {
        JsonObject live = Articles.published(uniqueTitle("复审逾期不收录"));
        JsonObject other = Articles.published(uniqueTitle("复审未逾期"));
        choosePolicy("noindex");
        try {
            makeOverdue(id(live));
            awaitAudit(id(live), "review-overdue");
            String url = live.getString("publicUrl");
            await(() -> Api.anonymous().get(url).body().contains("超过计划复审日期"), "the notice on the page");
            String page = Api.anonymous().get(url).body();
            assertTrue(page.contains("<meta name=\"robots\" content=\"noindex\""), "robots noindex on the page");
            String sitemap = Api.anonymous().get("/sitemap.xml").body();
            assertFalse(sitemap.contains("/articles/" + live.getString("slug") + "<"), "left out of the sitemap");
            assertTrue(sitemap.contains("/articles/" + other.getString("slug") + "<"), "others stay in the sitemap");
            assertFalse(Api.anonymous().get(other.getString("publicUrl")).body().contains("content=\"noindex\""));
            assertTrue(Api.as("editor").get("/api/articles/" + id(live)).json().getBoolean("live"), "still online");
        } finally {
            choosePolicy("banner");
        }
        assertFalse(Api.anonymous().get(live.getString("publicUrl")).body().contains("content=\"noindex\""),
                "back to the banner policy, the page is indexable again");
    }

    @Test
    void switchingToTheUnpublishPolicyTakesOverdueArticlesOffline() throws Exception {
        JsonObject live = Articles.published(uniqueTitle("复审逾期下线"));
        long id = id(live);
        makeOverdue(id);
        awaitAudit(id, "review-overdue");
        assertTrue(Api.as("editor").get("/api/articles/" + id).json().getBoolean("live"), "banner keeps it online");
        choosePolicy("unpublish");
        try {
            await(() -> !Api.as("editor").get("/api/articles/" + id).json().getBoolean("live"), "taken offline");
            JsonArray audit = Api.as("editor").get("/api/articles/" + id + "/audit").array();
            assertTrue(audit.stream().map(e -> e.asJsonObject())
                    .anyMatch(e -> e.getString("action").equals("unpublish")
                            && e.getString("actor").equals("system:review-cycle")), audit.toString());
            await(() -> Api.anonymous().get(live.getString("publicUrl")).status() == 410, "the public page answers 410");
            // A fresh re-review brings it back: approve a new revision and publish.
            assertEquals("UNPUBLISHED", Api.as("editor").get("/api/articles/" + id).json().getString("state"));
        } finally {
            choosePolicy("banner");
        }
    }

    @Test
    void onlyAdminsChooseThePolicyAndOnlyAKnownOne() {
        Api.Response read = Api.as("editor").get("/api/review-policy");
        assertEquals(200, read.status(), read.toString());
        assertEquals("banner", read.json().getString("configured"));
        assertEquals(36, read.json().getInt("defaultIntervalMonths"));
        Api.Response refused = Api.as("editor").put("/api/review-policy", "{\"overdue\":\"unpublish\"}");
        assertEquals(403, refused.status(), refused.toString());
        Api.Response unknown = Api.as("admin").put("/api/review-policy", "{\"overdue\":\"delete\"}");
        assertEquals(400, unknown.status(), unknown.toString());
        assertTrue(unknown.json().getString("error").contains("Unknown policy"), unknown.toString());
        assertEquals(400, Api.as("admin").put("/api/review-policy", "{}").status());
        assertEquals("banner", Api.as("editor").get("/api/review-policy").json().getString("overdue"), "unchanged");
    }

    private static void choosePolicy(String policy) {
        Api.Response r = Api.as("admin").put("/api/review-policy", "{\"overdue\":\"" + policy + "\"}");
        assertEquals(200, r.status(), r.toString());
        assertEquals(policy, r.json().getString("overdue"));
        assertEquals("admin", r.json().getString("updatedBy"));
    }

    private static void makeOverdue(long id) throws java.sql.SQLException {
        try (java.sql.Connection db = org.healthportal.cms.testsupport.CmsServer.database();
             java.sql.PreparedStatement past = db.prepareStatement(
                     "UPDATE article SET next_review_due = ? WHERE id = ?")) {
            past.setTimestamp(1, java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));
            past.setLong(2, id);
            assertEquals(1, past.executeUpdate());
        }
    }

    private static void awaitAudit(long id, String action) {
        await(() -> Api.as("editor").get("/api/articles/" + id + "/audit").body().contains(action),
                "the audit trail shows " + action);
    }

    /** Polls over HTTP (the review cycle runs with the scheduler, every second in tests) for up to a minute. */
    private static void await(java.util.function.BooleanSupplier condition, String what) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause();
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static long category(String slug) {
        return Api.as("editor").get("/api/categories").array().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals(slug)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }
}
