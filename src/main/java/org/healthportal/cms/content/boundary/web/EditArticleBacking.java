package org.healthportal.cms.content.boundary.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.control.ArticleDraft;
import org.healthportal.cms.content.control.ArticlePermissions;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ReviewComment;
import org.healthportal.cms.content.entity.WorkflowAction;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.platform.web.Pages;
import org.primefaces.PrimeFaces;

/**
 * The article form: loads the article, holds what is typed between requests and saves it through
 * {@link ArticleChanges}. The other jobs of the editor screen live beside it in beans of the same view that read
 * this form: the conflict merge ({@link ArticleConflictBacking}), the claims check ({@link ArticleClaimsBacking}),
 * the preview ({@link ArticlePreviewBacking}) and the workflow actions ({@link ArticleActionsBacking}).
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
    ArticleConflictBacking conflict;

    private Long id;
    private ArticleForm form = ArticleForm.blank();
    private long version;
    private ArticleStatus status = ArticleStatus.NEW;
    private String savedFingerprint;
    private Instant autosavedAt;
    private transient List<ReviewComment> comments;
    // What the article allows this account now, as the change path will decide it (ArticlePermissions).
    private Set<String> allowed = Set.of();
    private EnumSet<Role> roles;

    /** Loads the article named by the {@code id} parameter, or starts a new one. */
    public void load() {
        if (id != null) {
            try {
                reload(articles.get(id));
            } catch (CmsException.NotFound missing) {
                Pages.notFound();
            }
        } else {
            savedFingerprint = form.fingerprint();
        }
    }

    /** Fills the form from the stored article, replacing whatever was typed. */
    public void reload(Article article) {
        id = article.getId();
        form = ArticleForm.of(article);
        version = article.getVersion();
        status = ArticleStatus.of(article);
        allowed = permissions.allowedActions(currentUser.require(), article).stream()
                .filter(ArticlePermissions.Permission::allowed).map(ArticlePermissions.Permission::action)
                .collect(Collectors.toCollection(HashSet::new));
        savedFingerprint = form.fingerprint();
        comments = null;
    }

    /** Reads the stored article again: the form shows what is stored now. */
    public void reloadStored() {
        reload(articles.get(id));
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
        if (conflict.isOpen() || !isEditable() || !isChanged() || !form.isComplete()) {
            return;
        }
        try {
            persist();
            autosavedAt = clock.instant();
        } catch (CmsException.Stale lost) {
            conflict.open();
        } catch (CmsException refused) {
            // Other refusals (a field too long, say) wait for an explicit save, which shows them.
        }
    }

    /** Stores the form if it changed since the last save; false when the save was refused (and said why). */
    public boolean storeIfChanged() {
        return !isChanged() || store();
    }

    /** Writes the next save over the version stored now: a conflict was settled for this text. */
    public void overwrite(long storedVersion) {
        version = storedVersion;
    }

    private boolean store() {
        try {
            persist();
            return true;
        } catch (CmsException.Stale lost) {
            conflict.open();
            return false;
        } catch (CmsException refused) {
            Feedback.error(refused);
            return false;
        }
    }

    private void persist() {
        ArticleDraft draft = form.draft();
        // One transaction: a refused address leaves the text unsaved too, and the version stays the user's.
        reload(id == null ? changes.create(draft) : changes.save(id, version, draft));
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

    /**
     * Tells the page after each ajax request whether the fields the server holds are the stored ones, so the page
     * can warn before it is left with changes no save has stored (admin.js, cms.unsaved).
     */
    public void reportStored() {
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().addCallbackParam("stored", id != null && !conflict.isOpen() && !isChanged());
        }
    }

    private boolean isChanged() {
        return !form.fingerprint().equals(savedFingerprint);
    }

    /** True when the stored article allows this account the action now; never for an article not yet saved. */
    public boolean allows(WorkflowAction action) {
        return id != null && allowed.contains(action.wireName());
    }

    public boolean isEditable() {
        return id == null ? roles().contains(Role.EDITOR) : allowed.contains(ArticlePermissions.EDIT);
    }

    /**
     * The caller's roles, read once per view: a role change ends the session, and with it the view. Kept so that
     * the form still draws, with what was typed, when the database goes away between two clicks.
     */
    private Set<Role> roles() {
        if (roles == null) {
            roles = EnumSet.noneOf(Role.class);
            roles.addAll(currentUser.require().getRoles());
        }
        return roles;
    }

    /** The reviewers' comments on this article, newest last; the editor acts on them. */
    public List<ReviewComment> getComments() {
        if (id == null) {
            return List.of();
        }
        if (comments == null) {
            comments = changes.comments(id);
        }
        return comments;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** What is typed, saved or not. */
    public ArticleForm getForm() {
        return form;
    }

    public long getVersion() {
        return version;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public String getAutosavedAt() {
        return zones.format(autosavedAt);
    }
}
