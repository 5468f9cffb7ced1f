package org.healthportal.cms.workflow.boundary.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.junit.jupiter.api.Test;

/** Slug changes and the review policy in the audit chain: actor, target or article, and what changed. */
class AdministrationAuditIT {

    @Test
    void aSlugChangeIsAnArticleEventSayingFromWhatToWhat() {
        JsonObject live = Articles.published(Articles.uniqueTitle("改网址"));
        long id = Articles.id(live);
        String old = live.getString("slug");
        String moved = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject body = Articles.json(live.getString("title"), live.getString("summary"), live.getString("body"),
                live.getJsonNumber("categoryId").longValue(), live.getJsonNumber("version").longValue());
        String withSlug = body.toString().replaceFirst("\\}$", ",\"slug\":\"" + moved + "\"}");
        assertEquals(moved, Articles.ok(Api.as("editor").put("/api/articles/" + id, withSlug)).getString("slug"));

        List<JsonObject> audit = Api.as("editor").get("/api/articles/" + id + "/audit").array().stream()
                .map(v -> v.asJsonObject()).toList();
        JsonObject change = audit.get(audit.size() - 1);
        assertEquals("slug-change", change.getString("action"));
        assertEquals("editor", change.getString("actor"));
        assertEquals(old + " → " + moved, change.getString("comment"));
        assertEquals(1, Api.as("admin").get("/api/audit?action=slug-change&articleId=" + id).json()
                .getJsonNumber("total").longValue());
    }

    @Test
    void choosingTheReviewPolicyIsAuditedOnceForEachRealChange() {
        Api admin = Api.as("admin");
        long before = admin.get("/api/audit?action=review-policy").json().getJsonNumber("total").longValue();
        try {
            Articles.ok(admin.put("/api/review-policy", "{\"overdue\":\"noindex\"}"));
            Articles.ok(admin.put("/api/review-policy", "{\"overdue\":\"noindex\"}"));
        } finally {
            Articles.ok(admin.put("/api/review-policy", "{\"overdue\":\"banner\"}"));
        }
        JsonObject page = admin.get("/api/audit?action=review-policy&size=2").json();
        assertEquals(before + 2, page.getJsonNumber("total").longValue(), "the repeated choice changed nothing: " + page);
        JsonObject back = page.getJsonArray("items").getJsonObject(0);
        JsonObject noindex = page.getJsonArray("items").getJsonObject(1);
        assertEquals("review-policy", noindex.getString("target"));
        assertEquals("admin", noindex.getString("actor"));
        assertTrue(noindex.getString("comment").endsWith("→ NOINDEX"), noindex.toString());
        assertEquals("overdue: NOINDEX → BANNER", back.getString("comment"));
        assertEquals(403, Api.as("editor").put("/api/review-policy", "{\"overdue\":\"noindex\"}").status());
    }
}
