package org.healthportal.cms.workflow.control;

import org.healthportal.cms.compliance.control.ClaimsService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.content.control.ArticleChanges;

/**
 * One article's compliance record: every revision with its hash, approval and the approver's credentials as they
 * were, the disclaimer each publication showed, the claims findings and their justifications, the reviewers'
 * comments and every audited transition with its chain hash. Exported as JSON and as a printable page.
 */
@Stateless
public class ComplianceRecord {

    @Inject
    ArticleService articles;

    @Inject
    AuditTrail audit;

    @Inject
    ArticleChanges workflow;

    @Inject
    java.time.Clock clock;

    @Inject
    ClaimsService claims;

    @Inject
    CurrentUser currentUser;

    public Record of(Long articleId) {
        currentUser.require();
        Article a = articles.get(articleId);
        List<RevisionRecord> revisions = articles.revisions(articleId).stream().map(this::revision).toList();
        List<EventRecord> events = audit.forArticle(articleId).stream().map(e -> new EventRecord(e.getId(),
                e.getOccurredAt(), e.getActor(), e.getAction().wireName(), e.getRevisionNumber(),
                e.getFromState(),
                e.getToState(), e.getComment(), e.getPrevHash(), e.getHash()))
                .toList();
        List<CommentRecord> comments = workflow.comments(articleId).stream().map(c -> new CommentRecord(
                c.getRevision().getNumber(), c.getAuthor().getUsername(), c.getCreatedAt(), c.getBody())).toList();
        return new Record(a.getId(), a.getSlug(), a.state().name(), a.isLive(),
                a.getLiveRevision() == null ? null : a.getLiveRevision().getNumber(), a.getLastReviewedAt(),
                a.getNextReviewDue(), a.getCorrectionNotice(), a.getCorrectedAt(), clock.instant(),
                currentUser.require().getUsername(), revisions, comments, events);
    }

    private RevisionRecord revision(Revision r) {
        List<FindingRecord> findings = claims.recorded(r).stream().map(f -> new FindingRecord(f.getTerm(),
                f.getKind().name(), f.getOccurrences(), f.getExcerpt(), f.getJustification(), f.getCheckedBy(),
                f.getCheckedAt())).toList();
        return new RevisionRecord(r.getNumber(), r.getState().name(), r.getTitle(), r.getCategory().getSlug(),
                r.getAuthor().getUsername(), List.copyOf(r.contributorNames()), r.getCreatedAt(), r.getContentHash(),
                r.getSubmittedAt(), r.getApprovedBy() == null ? null : r.getApprovedBy().getUsername(),
                r.getApprovedAt(), r.getApprovedHash(), r.getApprovalCredentials(), r.getPublishedAt(),
                r.getDisclaimer() == null ? null : r.getDisclaimer().getVersionNumber(),
                r.getDisclaimer() == null ? null : r.getDisclaimer().getTextZh(), findings);
    }

    /** The whole record. */
    public record Record(Long articleId, String slug, String state, boolean live, Integer liveRevision,
                         Instant lastReviewedAt, Instant nextReviewDue, String correctionNotice, Instant correctedAt,
                         Instant exportedAt, String exportedBy, List<RevisionRecord> revisions,
                         List<CommentRecord> comments, List<EventRecord> events) {
    }

    /** One revision and its review. */
    public record RevisionRecord(int number, String state, String title, String category, String author,
                                 List<String> contributors, Instant createdAt, String contentHash, Instant submittedAt,
                                 String approvedBy, Instant approvedAt, String approvedHash, String approverCredentials,
                                 Instant publishedAt, Integer disclaimerVersion, String disclaimerText,
                                 List<FindingRecord> claimsFindings) {
    }

    /** A claims finding with its justification. */
    public record FindingRecord(String term, String kind, int occurrences, String excerpt, String justification,
                                String justifiedBy, Instant checkedAt) {
    }

    /** A reviewer's comment. */
    public record CommentRecord(int revision, String author, Instant at, String text) {
    }

    /** An audited transition with its place in the hash chain. */
    public record EventRecord(Long id, Instant at, String actor, String action, Integer revision, String fromState,
                              String toState, String comment, String prevHash, String hash) {
    }
}
