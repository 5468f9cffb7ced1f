package org.healthportal.cms.content.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.content.entity.RevisionState;

/**
 * One version of an article's text. A draft changes in place; once submitted it is frozen, so what a reviewer
 * approved is exactly what goes live. State changes go through {@link Article}, which knows the whole story.
 */
@Entity
@Table(name = "revision")
@NamedQuery(name = "Revision.byArticle",
        query = "SELECT r FROM Revision r WHERE r.article.id = :articleId ORDER BY r.number")
@NamedQuery(name = "Revision.dueForPublication",
        query = "SELECT r.id FROM Revision r WHERE r.publishAt IS NOT NULL AND r.publishAt <= :now ORDER BY r.publishAt")
public class Revision implements org.healthportal.cms.compliance.entity.CheckedText {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    private Article article;

    @Column(nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RevisionState state;

    @Column(nullable = false, length = ArticleContent.TITLE_MAX)
    private String title;

    @Column(nullable = false, length = ArticleContent.SUMMARY_MAX)
    private String summary;

    @Column(nullable = false)
    private String body;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private Category category;

    /** 来源: who publishes it, e.g. the portal's editorial office or a hospital department. */
    @Column(length = ArticleContent.META_MAX)
    private String source;

    /** 作者: the byline shown to readers. */
    @Column(length = ArticleContent.META_MAX)
    private String byline;

    /** 适用人群. */
    @Column(length = ArticleContent.META_MAX)
    private String audience;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "revision_reference", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    private List<Reference> references = new ArrayList<>();

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Account author;

    /** Usernames of everyone who wrote into this revision: none of them may approve it. */
    @Column(nullable = false, length = 1000)
    private String contributors;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @ManyToOne
    @JoinColumn(name = "approved_by_id")
    private Account approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_hash", length = 64)
    private String approvedHash;

    /** The approver's credentials as they were when approving. */
    @Column(name = "approval_credentials", length = 1000)
    private String approvalCredentials;

    /** When the scheduler is to publish this revision; null when nothing is scheduled. */
    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** How many claims-dictionary findings the text had when last written (the editor's list shows them). */
    @Column(name = "claims_findings", nullable = false)
    private int claimsFindings;

    /** The disclaimer version shown with this publication. */
    @ManyToOne
    @JoinColumn(name = "disclaimer_id")
    private Disclaimer disclaimer;

    @Version
    private long version;

    protected Revision() {
    }

    Revision(Article article, int number, ArticleContent content, Account author, Instant now) {
        this.article = article;
        this.number = number;
        this.state = RevisionState.DRAFT;
        this.author = author;
        this.contributors = author.getUsername();
        this.createdAt = now;
        apply(content, now);
    }

    void replaceContent(ArticleContent content, Account editor, Instant now) {
        if (!state.isEditableInPlace()) {
            throw new CmsException.Conflict("Revision " + number + " is " + state + " and can no longer change");
        }
        Set<String> names = contributorNames();
        names.add(editor.getUsername());
        contributors = String.join(",", names);
        apply(content, now);
    }

    private void apply(ArticleContent content, Instant now) {
        this.title = content.title();
        this.summary = content.summary();
        this.body = content.body();
        this.category = content.category();
        this.source = content.source();
        this.byline = content.byline();
        this.audience = content.audience();
        this.references = new ArrayList<>(content.references());
        this.contentHash = content.hash();
        this.updatedAt = now;
    }

    /** The hash of what the revision holds now, computed afresh rather than trusted from the column. */
    public String currentHash() {
        return ArticleContent.hash(title, summary, body, category.getId(), source, byline, audience, references());
    }

    public ArticleContent content() {
        return new ArticleContent(title, summary, body, category, source, byline, audience, references());
    }

    public String getSource() {
        return source;
    }

    public String getByline() {
        return byline;
    }

    public String getAudience() {
        return audience;
    }

    public List<Reference> references() {
        return references == null ? List.of() : List.copyOf(references);
    }

    public List<Reference> getReferences() {
        return references();
    }

    public Set<String> contributorNames() {
        return new LinkedHashSet<>(Arrays.asList(contributors.split(",")));
    }

    public boolean isContributor(Account account) {
        return contributorNames().contains(account.getUsername());
    }

    /** True while an approval exists and still matches the text, byte for byte. */
    public boolean hasValidApproval() {
        return approvedHash != null && approvedHash.equals(currentHash());
    }

    void moveTo(RevisionState next, Instant now) {
        this.state = next;
        this.updatedAt = now;
    }

    void markSubmitted(Instant now) {
        this.submittedAt = now;
    }

    void markApproved(Account reviewer, String credentials, Instant now) {
        this.approvedBy = reviewer;
        this.approvedAt = now;
        this.approvedHash = currentHash();
        this.approvalCredentials = credentials;
    }

    public String getApprovalCredentials() {
        return approvalCredentials;
    }

    void markPublished(Instant now, Disclaimer shown) {
        this.publishedAt = now;
        this.disclaimer = shown;
        this.publishAt = null;
    }

    void scheduleAt(Instant at) {
        this.publishAt = at;
    }

    void cancelSchedule() {
        this.publishAt = null;
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public int getNumber() {
        return number;
    }

    public RevisionState getState() {
        return state;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getBody() {
        return body;
    }

    public Category getCategory() {
        return category;
    }

    public Account getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getClaimsFindings() {
        return claimsFindings;
    }

    /** The claims check's count for the text as it now stands. */
    public void claimsChecked(int findings) {
        this.claimsFindings = findings;
    }

    public String getContentHash() {
        return contentHash;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Account getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovedHash() {
        return approvedHash;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Disclaimer getDisclaimer() {
        return disclaimer;
    }

    public long getVersion() {
        return version;
    }
}
