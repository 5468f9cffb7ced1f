package org.healthportal.cms.content.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "May this account do this, and if not, why": the article's one answer, each reason in its order. */
class ArticleRefusalTest {

    private final Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
    private final Category acupuncture = new Category(null, "zhenci", "针刺疗法", "Acupuncture", 0);
    private final Account editor = account("editor", Role.EDITOR);
    private final Account reviewer = account("reviewer", Role.REVIEWER);
    private final Account doctor = account("doctor", Role.EDITOR, Role.REVIEWER);
    private final Account admin = account("admin", Role.ADMIN);
    private final Disclaimer disclaimer = new Disclaimer(1, "免责声明", "Disclaimer", t0, "system");

    private Article article;
    private Optional<CmsException> gate = Optional.empty();
    private List<String> unjustified = List.of();
    private final SignOffChecks checks = new SignOffChecks() {
        @Override
        public Optional<CmsException> credentialProblem(Account who, Category category) {
            return gate;
        }

        @Override
        public List<String> unjustifiedClaims(Revision revision) {
            return unjustified;
        }
    };

    @BeforeEach
    void draft() {
        article = new Article("zhenjiu", t0);
        article.startFirstRevision(new ArticleContent("针灸与神经恢复", "导语。", "<p>正文。</p>", acupuncture, "编辑部",
                "李编辑", "成年读者", List.of(new Reference("针灸学", "人民卫生出版社", 2021, null))), doctor, t0);
    }

    @Test
    void aRoleThatMayNotAskIsRefusedFirst() {
        Refusal refusal = article.refusal(WorkflowAction.APPROVE, editor, checks).orElseThrow();
        assertEquals(Refusal.Reason.ROLE, refusal.reason());
        assertInstanceOf(CmsException.Forbidden.class, refusal.failure());
        assertEquals("error.roleRefuses", refusal.failure().key());
    }

    @Test
    void theStateTableDecidesNext() {
        Refusal refusal = article.refusal(WorkflowAction.APPROVE, reviewer, checks).orElseThrow();
        assertEquals(Refusal.Reason.STATE, refusal.reason());
        assertEquals("error.stateRefuses", refusal.failure().key());
        assertEquals(Refusal.Reason.STATE, article.refusal(WorkflowAction.TAKEDOWN, admin, checks).orElseThrow().reason(),
                "nothing is online to take down");
        assertTrue(article.refusal(WorkflowAction.SUBMIT, editor, checks).isEmpty());
    }

    @Test
    void nobodySignsOffTheirOwnWork() {
        article.submit(at(1));
        Refusal refusal = article.refusal(WorkflowAction.APPROVE, doctor, checks).orElseThrow();
        assertEquals(Refusal.Reason.OWN_WORK, refusal.reason());
        assertEquals("error.selfApproval", refusal.failure().key());
        assertTrue(article.refusal(WorkflowAction.APPROVE, reviewer, checks).isEmpty());
    }

    @Test
    void credentialsThenClaimsGateTheApproval() {
        article.submit(at(1));
        gate = Optional.of(new CmsException.Forbidden("licence lapsed").withKey("error.credentialsExpired"));
        unjustified = List.of("根治");
        assertEquals(Refusal.Reason.CREDENTIALS, article.refusal(WorkflowAction.APPROVE, reviewer, checks).orElseThrow().reason());
        gate = Optional.empty();
        Refusal claims = article.refusal(WorkflowAction.APPROVE, reviewer, checks).orElseThrow();
        assertEquals(Refusal.Reason.CLAIMS, claims.reason());
        assertEquals("error.claimsAtApproval", claims.failure().key());
        assertEquals("根治", claims.failure().arguments()[0]);
        assertTrue(article.refusal(WorkflowAction.REQUEST_CHANGES, reviewer, checks).isEmpty(),
                "changes can be requested whatever the claims");
    }

    @Test
    void publishingNeedsAnApprovalOfTheExactText() {
        article.submit(at(1));
        article.approve(reviewer, at(2));
        assertTrue(article.refusal(WorkflowAction.PUBLISH, editor, checks).isEmpty());
        article.publish(disclaimer, at(3));
        assertTrue(article.refusal(WorkflowAction.CORRECT, editor, checks).isEmpty());
        assertEquals(Refusal.Reason.OWN_WORK,
                article.refusal(WorkflowAction.CONFIRM_REVIEW, doctor, checks).orElseThrow().reason());
        assertTrue(article.refusal(WorkflowAction.CONFIRM_REVIEW, reviewer, checks).isEmpty());
    }

    @Test
    void editingIsForEditorsOnTextThatIsNotFrozen() {
        assertTrue(article.refusalToEdit(editor).isEmpty());
        assertEquals(Refusal.Reason.ROLE, article.refusalToEdit(reviewer).orElseThrow().reason());
        article.submit(at(1));
        Refusal frozen = article.refusalToEdit(editor).orElseThrow();
        assertEquals(Refusal.Reason.STATE, frozen.reason());
        assertEquals("error.notEditable", frozen.failure().key());
    }

    @Test
    void theListCopyIsDerivedWholeAfterEachChange() {
        Listing draft = article.getListing();
        assertEquals(RevisionState.DRAFT, draft.getState());
        assertEquals("针灸与神经恢复", draft.getTitle());
        assertNull(draft.getPublishedAt());
        article.submit(at(1));
        article.approve(reviewer, at(2));
        article.publish(disclaimer, at(3));
        Listing live = article.getListing();
        assertEquals(RevisionState.PUBLISHED, live.getState());
        assertEquals(at(3), live.getPublishedAt());
        assertEquals(RevisionState.DRAFT, draft.getState(), "a listing is replaced, never changed");
        article.takeDown("错误信息", at(4));
        assertEquals(RevisionState.UNPUBLISHED, article.getListing().getState());
        assertNull(article.getListing().getPublishedAt());
    }

    private Instant at(int hours) {
        return t0.plus(Duration.ofHours(hours));
    }

    private static Account account(String name, Role... roles) {
        return new Account(name, name, "hash", EnumSet.of(roles[0], roles), Instant.EPOCH);
    }
}
