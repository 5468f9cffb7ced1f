package org.healthportal.cms.content.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the workflow that need more than the state table, on the entities alone. */
class ArticleWorkflowTest {

    private final Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
    private final Category acupuncture = new Category(null, "zhenci", "针刺疗法", "Acupuncture", 0);
    private final Account editor = account("editor", Role.EDITOR);
    private final Account otherEditor = account("editor2", Role.EDITOR);
    private final Account reviewer = account("reviewer", Role.REVIEWER);
    private final Account doctor = account("doctor", Role.EDITOR, Role.REVIEWER);
    private final Disclaimer disclaimer = new Disclaimer(1, "免责声明", "Disclaimer", t0, "system");

    private Article article;

    @BeforeEach
    void draft() {
        article = new Article("zhenjiu", t0);
        article.startFirstRevision(content("针灸与神经恢复"), editor, t0);
    }

    @Test
    void aNewArticleIsADraftNobodyCanRead() {
        assertEquals(RevisionState.DRAFT, article.state());
        assertFalse(article.isLive());
        assertNull(article.getLiveRevision());
        assertEquals(1, article.getLatestRevision().getNumber());
    }

    @Test
    void theHappyPathEndsLive() {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        List<Transition> published = article.publish(disclaimer, at(3));
        assertEquals(RevisionState.PUBLISHED, article.state());
        assertTrue(article.isLive());
        assertSame(article.getLatestRevision(), article.getLiveRevision());
        assertSame(disclaimer, article.getLiveRevision().getDisclaimer());
        assertEquals(at(3), article.getLiveRevision().getPublishedAt());
        assertEquals(reviewer, article.getLiveRevision().getApprovedBy());
        assertEquals(AuditAction.PUBLISH, published.get(published.size() - 1).action());
        assertTrue(article.isWasPublished());
    }

    @Test
    void nobodyApprovesTheirOwnRevision() {
        Article own = new Article("own", t0);
        own.startFirstRevision(content("自己写的"), doctor, t0);
        own.submit(at(1));
        CmsException.Forbidden e = assertThrows(CmsException.Forbidden.class, () -> own.approve(doctor, at(2)));
        assertTrue(e.getMessage().contains("you wrote"));
        assertEquals(RevisionState.IN_REVIEW, own.state());
        own.approve(reviewer, at(3));
        assertEquals(RevisionState.APPROVED, own.state());
    }

    @Test
    void whoeverEditedADraftCannotApproveIt() {
        article.edit(content("医生改过的标题"), doctor, at(1));
        article.submit(at(2));
        assertThrows(CmsException.Forbidden.class, () -> article.approve(doctor, at(3)));
        assertEquals(java.util.Set.of("editor", "doctor"), article.getLatestRevision().contributorNames());
    }

    @Test
    void reviewNeedsSourceAuthorAudienceAndAReference() {
        Article bare = new Article("bare", t0);
        bare.startFirstRevision(new ArticleContent("只有正文", "摘要", "<p>正文</p>", acupuncture), editor, t0);
        CmsException e = assertThrows(CmsException.InvalidInput.class, () -> bare.submit(at(1)));
        assertTrue(e.getMessage().contains("source, byline, audience, references"), e.getMessage());
        assertEquals(RevisionState.DRAFT, bare.state());
        assertThrows(CmsException.InvalidInput.class, () -> new Reference("", "出版社", 2020, null));
        assertThrows(CmsException.InvalidInput.class, () -> new Reference("标题", "出版社", 1800, null));
        assertThrows(CmsException.InvalidInput.class, () -> new Reference("标题", "出版社", 2020, "javascript:x"));
        assertEquals("https://doi.org/10.1000/xyz", new Reference("标题", "期刊", 2020, "10.1000/xyz").url());
    }

    @Test
    void referencesArePartOfWhatIsApproved() {
        ArticleContent one = content("标题");
        ArticleContent other = new ArticleContent("标题", one.summary(), one.body(), acupuncture, one.source(),
                one.byline(), one.audience(), List.of(new Reference("另一本书", "人民卫生出版社", 2021, null)));
        assertFalse(one.hash().equals(other.hash()));
    }

    @Test
    void requestingChangesNeedsAComment() {
        article.submit(at(1));
        assertThrows(CmsException.InvalidInput.class, () -> article.requestChanges(null, at(2)));
        assertThrows(CmsException.InvalidInput.class, () -> article.requestChanges("   ", at(2)));
        assertEquals(RevisionState.IN_REVIEW, article.state());
        Transition t = article.requestChanges("  请补充参考文献  ", at(2));
        assertEquals("请补充参考文献", t.comment());
        assertEquals(RevisionState.CHANGES_REQUESTED, article.state());
    }

    @Test
    void aRevisionInReviewIsFrozen() {
        article.submit(at(1));
        assertThrows(CmsException.Conflict.class, () -> article.edit(content("偷偷修改"), editor, at(2)));
        assertEquals("针灸与神经恢复", article.getLatestRevision().getTitle());
    }

    @Test
    void editingAfterChangesRequestedStartsANewRevisionAndKeepsTheReviewedOne() {
        article.submit(at(1));
        article.requestChanges("请修改", at(2));
        Revision reviewed = article.getLatestRevision();
        Transition saved = article.edit(content("修改后的标题"), editor, at(3)).orElseThrow();
        assertEquals(2, saved.revision().getNumber());
        assertEquals(RevisionState.DRAFT, article.state());
        assertEquals(RevisionState.CHANGES_REQUESTED, reviewed.getState());
        assertEquals("针灸与神经恢复", reviewed.getTitle());
        article.submit(at(4));
        article.approve(reviewer, at(5));
        assertEquals(RevisionState.APPROVED, article.state());
    }

    @Test
    void resubmittingUnchangedAfterChangesRequestedIsAllowed() {
        article.submit(at(1));
        article.requestChanges("请确认", at(2));
        article.submit(at(3));
        assertEquals(RevisionState.IN_REVIEW, article.state());
        assertEquals(1, article.getLatestRevision().getNumber());
    }

    @Test
    void editingAPublishedArticleKeepsTheLiveRevisionUntilTheNewOneIsPublished() {
        publish();
        Revision live = article.getLiveRevision();
        article.edit(content("新版标题"), editor, at(10));
        assertEquals(RevisionState.DRAFT, article.state());
        assertSame(live, article.getLiveRevision());
        assertEquals(RevisionState.PUBLISHED, live.getState());
        assertEquals("针灸与神经恢复", article.getLiveRevision().getTitle());

        article.submit(at(11));
        assertThrows(CmsException.Conflict.class, () -> article.publish(disclaimer, at(12)),
                "an unapproved revision is never published");
        assertSame(live, article.getLiveRevision());
        article.approve(reviewer, at(12));
        List<Transition> transitions = article.publish(disclaimer, at(13));

        assertEquals("新版标题", article.getLiveRevision().getTitle());
        assertEquals(RevisionState.UNPUBLISHED, live.getState());
        assertEquals(AuditAction.SUPERSEDE, transitions.get(0).action());
        assertSame(live, transitions.get(0).revision());
    }

    @Test
    void savingUnchangedContentChangesNothing() {
        assertTrue(article.edit(content("针灸与神经恢复"), editor, at(1)).isEmpty());
        publish();
        assertTrue(article.edit(content("针灸与神经恢复"), editor, at(20)).isEmpty());
        assertEquals(1, article.getLatestRevision().getNumber());
    }

    @Test
    void approvalIsBoundToTheExactText() throws Exception {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        Revision approved = article.getLatestRevision();
        assertTrue(approved.hasValidApproval());
        // As if the row were changed behind the application's back.
        Field body = Revision.class.getDeclaredField("body");
        body.setAccessible(true);
        body.set(approved, "<p>被篡改的正文</p>");
        assertFalse(approved.hasValidApproval());
        CmsException.Conflict e = assertThrows(CmsException.Conflict.class, () -> article.publish(disclaimer, at(3)));
        assertTrue(e.getMessage().contains("needs a new review"));
        assertFalse(article.isLive());
    }

    @Test
    void schedulingKeepsTheRevisionApprovedWithATime() {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        Instant later = at(48);
        article.schedule(later, at(3));
        assertEquals(RevisionState.APPROVED, article.state());
        assertEquals(later, article.getLatestRevision().getPublishAt());
        article.publish(article.getLatestRevision(), disclaimer, later);
        assertNull(article.getLatestRevision().getPublishAt());
        assertTrue(article.isLive());
    }

    @Test
    void schedulingAnUnapprovedRevisionIsRefused() {
        assertThrows(CmsException.Conflict.class, () -> article.schedule(at(48), at(1)));
        assertNull(article.getLatestRevision().getPublishAt());
    }

    @Test
    void aScheduledRevisionStillGoesOutWhileANewerDraftIsWorkedOn() {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        Revision scheduled = article.getLatestRevision();
        article.schedule(at(48), at(3));
        article.edit(content("又改了"), otherEditor, at(4));
        assertEquals(at(48), scheduled.getPublishAt());
        article.publish(scheduled, disclaimer, at(48));
        assertSame(scheduled, article.getLiveRevision());
        assertEquals(RevisionState.DRAFT, article.state());
    }

    @Test
    void anOlderRevisionNeverReplacesANewerLiveOne() {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        Revision first = article.getLatestRevision();
        article.schedule(at(48), at(3));
        article.edit(content("第二版"), editor, at(4));
        article.submit(at(5));
        article.approve(reviewer, at(6));
        article.publish(disclaimer, at(7));
        assertThrows(CmsException.Conflict.class, () -> article.publish(first, disclaimer, at(48)));
        assertEquals("第二版", article.getLiveRevision().getTitle());
    }

    @Test
    void unpublishTakesTheArticleOfflineAndItCanComeBack() {
        publish();
        Transition t = article.unpublish("内容待更新", at(20));
        assertEquals(RevisionState.UNPUBLISHED, t.to());
        assertFalse(article.isLive());
        assertTrue(article.isWasPublished());
        assertThrows(CmsException.Conflict.class, () -> article.unpublish(null, at(21)));
        article.publish(disclaimer, at(22));
        assertTrue(article.isLive());
    }

    @Test
    void unpublishingWhileANewDraftExistsLeavesTheDraftAlone() {
        publish();
        article.edit(content("草稿"), editor, at(10));
        article.unpublish(null, at(11));
        assertFalse(article.isLive());
        assertEquals(RevisionState.DRAFT, article.state());
    }

    @Test
    void archiveTakesEverythingOfflineAndEndsEditing() {
        publish();
        article.edit(content("草稿"), editor, at(10));
        List<Transition> transitions = article.archive("过时", at(11));
        assertEquals(List.of(AuditAction.UNPUBLISH, AuditAction.ARCHIVE), transitions.stream().map(Transition::action).toList());
        assertEquals(RevisionState.ARCHIVED, article.state());
        assertFalse(article.isLive());
        assertThrows(CmsException.Conflict.class, () -> article.edit(content("还想改"), editor, at(12)));
        assertThrows(CmsException.Conflict.class, () -> article.archive(null, at(13)));
        assertThrows(CmsException.Conflict.class, () -> article.submit(at(13)));
    }

    @Test
    void archivingTheLiveRevisionItself() {
        publish();
        List<Transition> transitions = article.archive(null, at(11));
        assertEquals(1, transitions.size());
        assertEquals(RevisionState.PUBLISHED, transitions.get(0).from());
        assertFalse(article.isLive());
    }

    @Test
    void aTakedownNeedsAReasonAndTakesTheArticleOffline() {
        publish();
        assertThrows(CmsException.InvalidInput.class, () -> article.takeDown("  ", at(10)));
        assertTrue(article.isLive());
        Transition t = article.takeDown("发现用药剂量错误", at(10));
        assertEquals(AuditAction.TAKEDOWN, t.action());
        assertEquals("发现用药剂量错误", t.comment());
        assertFalse(article.isLive());
        assertThrows(CmsException.Conflict.class, () -> article.takeDown("再次", at(11)));
    }

    @Test
    void aCorrectionNoticeGoesOnTheLiveArticleOnly() {
        assertThrows(CmsException.Conflict.class, () -> article.correct("更正", at(1)));
        publish();
        assertThrows(CmsException.InvalidInput.class, () -> article.correct("", at(10)));
        Transition t = article.correct("第2节中“每日三次”应为“每日两次”。", at(10));
        assertEquals(AuditAction.CORRECT, t.action());
        assertEquals("第2节中“每日三次”应为“每日两次”。", article.getCorrectionNotice());
        assertEquals(at(10), article.getCorrectedAt());
        assertEquals(RevisionState.PUBLISHED, article.getLiveRevision().getState());
    }

    @Test
    void publishingStartsTheReviewClockAtTheApproval() {
        publish();
        assertEquals(at(2), article.getLastReviewedAt());
        article.scheduleNextReview(36);
        assertEquals(Instant.parse("2029-11-01T10:00:00Z"), article.getNextReviewDue());
        assertFalse(article.isReviewOverdue(at(24)));
        assertTrue(article.isReviewOverdue(Instant.parse("2029-11-01T10:00:00Z")));
    }

    @Test
    void aReReviewWithoutChangesMovesTheReviewDate() {
        publish();
        article.scheduleNextReview(12);
        Instant later = Instant.parse("2027-11-02T08:00:00Z");
        assertTrue(article.isReviewOverdue(later));
        assertThrows(CmsException.Forbidden.class, () -> article.confirmReview(editor, null, later),
                "the author does not re-review their own text");
        Transition t = article.confirmReview(reviewer, "仍然准确", later);
        assertEquals(AuditAction.CONFIRM_REVIEW, t.action());
        assertEquals(later, article.getLastReviewedAt());
        article.scheduleNextReview(12);
        assertFalse(article.isReviewOverdue(later));
        assertEquals(1, article.getLatestRevision().getNumber(), "no new revision");
    }

    @Test
    void onlyALiveArticleIsReReviewed() {
        assertThrows(CmsException.Conflict.class, () -> article.confirmReview(reviewer, null, at(1)));
    }

    @Test
    void reviewIntervalsAreInherited() {
        Category tcm = new Category(null, "zhongyi", "中医", "TCM", 0);
        Category herbs = new Category(tcm, "zhongyao", "中药", "Herbs", 0);
        Category patent = new Category(herbs, "zhongchengyao", "中成药", "Patent medicine", 0);
        assertEquals(36, patent.reviewIntervalMonths(36));
        herbs.reviewEvery(12);
        assertEquals(12, patent.reviewIntervalMonths(36));
        assertThrows(CmsException.InvalidInput.class, () -> tcm.reviewEvery(0));
    }

    @Test
    void contentLimitsAreEnforced() {
        assertThrows(CmsException.InvalidInput.class, () -> new ArticleContent("", "s", "b", acupuncture));
        assertThrows(CmsException.InvalidInput.class, () -> new ArticleContent("t", null, "b", acupuncture));
        assertThrows(CmsException.InvalidInput.class, () -> new ArticleContent("t", "s", "b", null));
        assertThrows(CmsException.InvalidInput.class,
                () -> new ArticleContent("题".repeat(ArticleContent.TITLE_MAX + 1), "s", "b", acupuncture));
        assertEquals(ArticleContent.TITLE_MAX,
                new ArticleContent("题".repeat(ArticleContent.TITLE_MAX), "s", "b", acupuncture).title().length());
    }

    @Test
    void theHashCoversEveryPartAReviewerApproves() {
        ArticleContent base = new ArticleContent("t", "s", "b", acupuncture);
        assertEquals(base.hash(), new ArticleContent(" t ", "s", "b", acupuncture).hash());
        assertFalse(base.hash().equals(new ArticleContent("t2", "s", "b", acupuncture).hash()));
        assertFalse(base.hash().equals(new ArticleContent("t", "s2", "b", acupuncture).hash()));
        assertFalse(base.hash().equals(new ArticleContent("t", "s", "b2", acupuncture).hash()));
        assertFalse(ArticleContent.hash("ab", "c", "b", 1L).equals(ArticleContent.hash("a", "bc", "b", 1L)),
                "fields are separated, not concatenated");
    }

    private void publish() {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        article.publish(disclaimer, at(3));
    }

    private ArticleContent content(String title) {
        return new ArticleContent(title, "针灸可以辅助神经损伤后的功能恢复。", "<p>正文，内容。</p>", acupuncture,
                "编辑部", "李编辑", "成年读者", List.of(new Reference("针灸学", "人民卫生出版社", 2021, null)));
    }

    private Instant at(int hours) {
        return t0.plus(Duration.ofHours(hours));
    }

    private static Account account(String name, Role... roles) {
        return new Account(name, name, "hash", EnumSet.of(roles[0], roles), Instant.EPOCH);
    }
}
