package org.healthportal.cms.backoffice;

import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/**
 * Medical review in the browser: a reviewer whose verification lapsed cannot approve, an editor justifies a
 * flagged claim, and a reviewer with valid credentials sees the justification and approves.
 */
class MedicalReviewJourneyIT {

    @Test
    void lapsedReviewerIsStoppedEditorJustifiesAClaimValidReviewerApproves() {
        String title = uniqueTitle("针灸治疗面瘫");
        long id;
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            BackOffice.Editor editor = office.newArticle().title(title)
                    .summary("针灸不能根治所有面瘫，但可作为辅助治疗。").category("针刺疗法")
                    .body("<h2>1、适用情况</h2><p>周围性面瘫患者可在医生评估后接受针灸。</p>")
                    .sources("健康科普内容平台编辑部", "李编辑", "周围性面瘫患者", "针灸学", "人民卫生出版社");
            editor.save();
            id = editor.id();
            editor.submit();
            assertTrue(office.messages().contains("根治"), office.messages());
            assertTrue(editor.state().contains("state-DRAFT"), "not submitted while a claim is unjustified");
            assertTrue(editor.highlightsAClaim(), "the finding is highlighted");
            browser.screenshot("11-claims-flagged");
            editor.justifyClaim("原文为否定表述：不能根治。").submit();
            assertTrue(editor.state().contains("state-IN_REVIEW"), editor.state() + " " + office.messages());
            office.logout();

            office.login("retired");
            BackOffice.Review lapsed = office.review(id);
            assertFalse(lapsed.canApprove(), "no Approve for a lapsed reviewer");
            assertTrue(lapsed.gate().contains("已过期"), lapsed.gate());
            browser.screenshot("11-lapsed-reviewer");
            office.logout();

            office.login("reviewer");
            BackOffice.Review review = office.review(id);
            assertTrue(review.claims().contains("原文为否定表述"), "the reviewer sees the justification");
            assertTrue(review.marksAClaimInTheText(), "the term is marked in the text");
            browser.screenshot("11-review-with-justification");
            review.approve();
            assertTrue(review.state().contains("state-APPROVED"), review.state());
        }
        assertEquals(409, org.healthportal.cms.testsupport.Articles.transition("retired", id, "approve").status(),
                "already approved; the lapsed reviewer's own refusal is covered over the API");
        assertEquals("APPROVED", Api.as("editor").get("/api/articles/" + id).json().getString("state"));
    }
}
