package org.healthportal.cms.content.boundary.web;

import org.healthportal.cms.content.entity.ReviewComment;
import org.healthportal.cms.platform.web.Pages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.compliance.entity.ClaimMarks;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.control.HtmlSanitizer;
import org.healthportal.cms.content.control.Sources;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.platform.TextDiff;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.control.ArticleDraft;
import org.healthportal.cms.content.control.ArticlePermissions;
import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.WorkflowAction;
import org.primefaces.PrimeFaces;

/**
 * The article editor. It holds the form between requests and calls the services; what may change and who may
 * do what is decided there. A save that lost a race keeps the editor's text and shows the other version beside
 * it, so nothing is lost either way.
 */
@Named
@ViewScoped
public class EditArticleBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ArticleService articles;

    @Inject
    ArticleChanges changes;

    @Inject
    ArticlePermissions permissions;


    @Inject
    CurrentUser currentUser;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    @Inject
    ClaimsService claims;

    @Inject
    DisclaimerService disclaimers;

    private Long id;
    private String title;
    private String slug;
    private String summary;
    private String body;
    private Long categoryId;
    private String source;
    private String byline;
    private String audience;
    private List<ReferenceRow> references = new java.util.ArrayList<>();
    private long version;
    private RevisionState state;
    private int revisionNumber;
    private boolean live;
    private boolean everPublished;
    private boolean approvalValid;
    private Instant scheduledFor;
    private String liveSlugPath;
    private String savedFingerprint;
    private Instant autosavedAt;
    private LocalDateTime publishAt;
    private String reason;
    private String notice;
    private String currentCorrection;

    private transient List<org.healthportal.cms.content.entity.ReviewComment> comments;
    private transient Disclaimer previewDisclaimer;
    private List<ClaimsCheck.Finding> findings;
    private final java.util.Map<String, String> justifications = new java.util.HashMap<>();
    private Snapshot theirs;
    private Snapshot mine;

    /** Loads the article named by the {@code id} parameter, or starts a new one. */
    public void load() {
        if (id != null) {
            try {
                reload(articles.get(id));
            } catch (CmsException.NotFound missing) {
                org.healthportal.cms.platform.web.Pages.notFound();
            }
        } else {
            state = null;
            references.add(new ReferenceRow());
            savedFingerprint = fingerprint();
        }
    }

    private void reload(Article article) {
        Revision latest = article.getLatestRevision();
        id = article.getId();
        title = latest.getTitle();
        slug = article.getSlug();
        summary = latest.getSummary();
        body = latest.getBody();
        categoryId = latest.getCategory().getId();
        source = latest.getSource();
        byline = latest.getByline();
        audience = latest.getAudience();
        references = new java.util.ArrayList<>(latest.references().stream().map(ReferenceRow::of).toList());
        version = article.getVersion();
        state = latest.getState();
        revisionNumber = latest.getNumber();
        live = article.isLive();
        everPublished = article.isWasPublished();
        approvalValid = latest.hasValidApproval();
        scheduledFor = latest.getPublishAt();
        liveSlugPath = article.isLive() ? "/articles/" + article.getSlug() : null;
        currentCorrection = article.getCorrectionNotice();
        allowed = permissions.allowedActions(me(), article).stream().filter(ArticlePermissions.Permission::allowed)
                .map(ArticlePermissions.Permission::action).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        savedFingerprint = fingerprint();
        comments = null;
    }

    /** Save draft. */
    public void save() {
        boolean created = id == null;
        if (store()) {
            Feedback.info("edit.saved");
            if (created) {
                Feedback.keepForRedirect();
                redirectToSelf();
            }
        }
    }

    /** Saves quietly when the text changed since the last save; called every few seconds by the page. */
    public void autosave() {
        if (theirs != null || !isEditable() || fingerprint().equals(savedFingerprint) || !isComplete()) {
            return;
        }
        try {
            persist();
            autosavedAt = clock.instant();
        } catch (CmsException.Stale lost) {
            conflict();
        } catch (CmsException refused) {
            // Other refusals (a field too long, say) wait for an explicit save, which shows them.
        }
    }

    private boolean store() {
        try {
            persist();
            return true;
        } catch (CmsException.Stale lost) {
            conflict();
            return false;
        } catch (CmsException refused) {
            Feedback.error(refused);
            return false;
        }
    }

    private void persist() {
        ArticleDraft draft = new ArticleDraft(title, summary, body, categoryId, blankToNull(slug), sources());
        // One transaction: a refused address leaves the text unsaved too, and the version stays the user's.
        reload(id == null ? changes.create(draft) : changes.save(id, version, draft));
    }

    private void conflict() {
        mine = new Snapshot(title, summary, body, version);
        Article current = articles.get(id);
        Revision latest = current.getLatestRevision();
        theirs = new Snapshot(latest.getTitle(), latest.getSummary(), latest.getBody(), current.getVersion());
        Feedback.warn("edit.conflict");
    }

    /** After a conflict: save my text over theirs, knowingly. */
    public void keepMine() {
        version = theirs.version();
        theirs = null;
        mine = null;
        save();
    }

    /** After a conflict: continue from their text; mine stays on screen to copy from. */
    public void takeTheirs() {
        Snapshot kept = mine;
        reload(articles.get(id));
        theirs = null;
        mine = kept;
    }

    public void dismissMine() {
        mine = null;
    }

    public void submit() {
        if (!fingerprint().equals(savedFingerprint) && !store()) {
            return;
        }
        try {
            reload(changes.apply(id, WorkflowAction.SUBMIT, null, null, justifications));
            findings = null;
            Feedback.info("edit.submitted");
        } catch (CmsException refused) {
            Feedback.error(refused);
            checkClaims();
        }
    }

    /** Runs the claims check on the text as it stands in the form. */
    public void checkClaims() {
        findings = claims.check(title, summary, HtmlSanitizer.sanitize(body));
        if (findings.isEmpty()) {
            Feedback.info("claims.none");
        }
    }

    public List<ClaimsCheck.Finding> getFindings() {
        return findings;
    }

    /** The excerpt of a finding with the term marked. */
    public String marked(ClaimsCheck.Finding finding) {
        String escaped = org.healthportal.cms.platform.Html.escapeText(finding.excerpt());
        return ClaimMarks.mark(escaped, List.of(finding.term()));
    }

    public java.util.Map<String, String> getJustifications() {
        return justifications;
    }

    public void publish() {
        transition(WorkflowAction.PUBLISH, null, null, "edit.published");
    }

    public void schedule() {
        Instant at = zones.instant(publishAt);
        if (at == null || !at.isAfter(clock.instant())) {
            Feedback.error(new CmsException.InvalidInput("publishAt must be in the future").withKey("edit.scheduleFuture"));
            return;
        }
        transition(WorkflowAction.PUBLISH, null, at, "edit.scheduled");
    }

    public void unpublish() {
        transition(WorkflowAction.UNPUBLISH, reason, null, "edit.unpublished");
    }

    public void takeDown() {
        transition(WorkflowAction.TAKEDOWN, reason, null, "edit.takenDown");
    }

    public void correct() {
        transition(WorkflowAction.CORRECT, notice, null, "edit.corrected");
    }

    public void archive() {
        transition(WorkflowAction.ARCHIVE, reason, null, "edit.archived");
    }

    private void transition(WorkflowAction action, String comment, Instant at, String successKey) {
        try {
            reload(changes.apply(id, action, comment, at));
            reason = null;
            notice = null;
            Feedback.info(successKey);
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    private void redirectToSelf() {
        try {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/admin/articles/edit.xhtml?id=" + id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sources sources() {
        return new Sources(source, byline, audience, references.stream().filter(r -> !r.isBlank())
                .map(ReferenceRow::toReference).toList());
    }

    /**
     * Tells the page after each ajax request whether the fields the server holds are the stored ones, so the page
     * can warn before it is left with changes no save has stored (admin.js, cms.unsaved).
     */
    public void reportStored() {
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().addCallbackParam("stored",
                    id != null && theirs == null && fingerprint().equals(savedFingerprint));
        }
    }

    private String fingerprint() {
        return String.join("\u0000", String.valueOf(title), String.valueOf(summary), String.valueOf(body),
                String.valueOf(categoryId), String.valueOf(slug), String.valueOf(source), String.valueOf(byline),
                String.valueOf(audience), references.toString());
    }

    public void addReference() {
        references.add(new ReferenceRow());
    }

    public void removeReference(ReferenceRow row) {
        references.remove(row);
    }

    public List<ReferenceRow> getReferences() {
        return references;
    }

    /** A reference as the form edits it. */
    public static class ReferenceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String title;
        private String publisher;
        private Integer year;
        private String link;

        static ReferenceRow of(org.healthportal.cms.content.entity.Reference r) {
            ReferenceRow row = new ReferenceRow();
            row.title = r.getTitle();
            row.publisher = r.getPublisher();
            row.year = r.getYear();
            row.link = r.getLink();
            return row;
        }

        boolean isBlank() {
            return (title == null || title.isBlank()) && (publisher == null || publisher.isBlank()) && year == null
                    && (link == null || link.isBlank());
        }

        org.healthportal.cms.content.entity.Reference toReference() {
            return new org.healthportal.cms.content.entity.Reference(title, publisher, year, link);
        }

        @Override
        public String toString() {
            return title + "|" + publisher + "|" + year + "|" + link;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getPublisher() {
            return publisher;
        }

        public void setPublisher(String publisher) {
            this.publisher = publisher;
        }

        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }

        public String getLink() {
            return link;
        }

        public void setLink(String link) {
            this.link = link;
        }
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getByline() {
        return byline;
    }

    public void setByline(String byline) {
        this.byline = byline;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    private boolean isComplete() {
        return title != null && !title.isBlank() && summary != null && !summary.isBlank() && body != null
                && !body.isBlank() && categoryId != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Account me() {
        return currentUser.require();
    }

    private EnumSet<Role> roles;

    /**
     * The caller's roles, read once per view: a role change ends the session, and with it the view. Kept so that
     * the form still draws, with what was typed, when the database goes away between two clicks.
     */
    private Set<Role> roles() {
        if (roles == null) {
            roles = EnumSet.noneOf(Role.class);
            roles.addAll(me().getRoles());
        }
        return roles;
    }

    // What the article allows this account now, as the change path will decide it (ArticlePermissions).
    private Set<String> allowed = Set.of();

    private boolean allows(WorkflowAction action) {
        return id != null && allowed.contains(action.wireName());
    }

    public boolean isEditable() {
        return id == null ? roles().contains(Role.EDITOR) : allowed.contains(ArticlePermissions.EDIT);
    }

    public boolean isCanSubmit() {
        return allows(WorkflowAction.SUBMIT);
    }

    public boolean isCanPublish() {
        return allows(WorkflowAction.PUBLISH);
    }

    public boolean isCanUnpublish() {
        return allows(WorkflowAction.UNPUBLISH);
    }

    public boolean isCanTakeDown() {
        return allows(WorkflowAction.TAKEDOWN);
    }

    public boolean isCanCorrect() {
        return allows(WorkflowAction.CORRECT);
    }

    public boolean isCanArchive() {
        return allows(WorkflowAction.ARCHIVE);
    }

    /** A reviewer's decision waits on the review screen. */
    public boolean isCanReview() {
        return allows(WorkflowAction.REQUEST_CHANGES);
    }

    /** Once public, a new slug keeps the old address redirecting to the new one. */
    public boolean isEverPublished() {
        return everPublished;
    }

    /** The reviewers' comments on this article, newest last; the editor acts on them. */
    public List<org.healthportal.cms.content.entity.ReviewComment> getComments() {
        if (id == null) {
            return List.of();
        }
        if (comments == null) {
            comments = changes.comments(id);
        }
        return comments;
    }

    /**
     * The disclaimer a publication now would show beneath the article, as it was when the page opened: read once
     * per view, so every ajax answer (a save the database could not take among them) draws without it.
     */
    public Disclaimer getPreviewDisclaimer() {
        if (previewDisclaimer == null) {
            previewDisclaimer = disclaimers.current();
        }
        return previewDisclaimer;
    }

    /** The references as the public page lists them: those with a title. */
    public List<ReferenceRow> getPreviewReferences() {
        return references.stream().filter(r -> r.getTitle() != null && !r.getTitle().isBlank()).toList();
    }

    /** The body as the public page will show it: sanitized the same way a save does. */
    public String getPreviewBody() {
        return HtmlSanitizer.sanitize(body);
    }

    public String getConflictTitleDiff() {
        return theirs == null ? "" : TextDiff.inline(theirs.title(), mine.title());
    }

    public String getConflictSummaryDiff() {
        return theirs == null ? "" : TextDiff.inline(theirs.summary(), mine.summary());
    }

    public String getConflictBodyDiff() {
        return theirs == null ? "" : TextDiff.html(theirs.body(), mine.body(), Feedback.text("diff.tooLarge"));
    }

    public String getAutosavedAt() {
        return zones.format(autosavedAt);
    }

    public String getScheduledFor() {
        return zones.format(scheduledFor);
    }

    /** A version of the text held aside during a conflict. */
    public record Snapshot(String title, String summary, String body, long version) implements Serializable {
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public long getVersion() {
        return version;
    }

    public RevisionState getState() {
        return state;
    }

    public int getRevisionNumber() {
        return revisionNumber;
    }

    public boolean isLive() {
        return live;
    }

    public String getLiveSlugPath() {
        return liveSlugPath;
    }

    public LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNotice() {
        return notice;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }

    public String getCurrentCorrection() {
        return currentCorrection;
    }

    public Snapshot getTheirs() {
        return theirs;
    }

    public Snapshot getMine() {
        return mine;
    }
}
