package org.healthportal.cms.workflow.boundary.web;

import org.healthportal.cms.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.healthportal.cms.content.control.ArticleChanges;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditEvent;

/** An article's revisions, with "restore as new draft", and its audit trail. */
@Named
@ViewScoped
public class HistoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ArticleService articles;

    @Inject
    ArticleChanges changes;

    @Inject
    AuditTrail audit;

    private Long id;
    private Article article;
    private List<Revision> revisions;

    public void load() {
        article = id == null ? null : articles.find(id).orElse(null);
        if (article == null) {
            org.healthportal.cms.platform.web.Pages.notFound();
            return;
        }
        revisions = new java.util.ArrayList<>(articles.revisions(id));
        java.util.Collections.reverse(revisions);
    }

    public void restore(int number) throws IOException {
        try {
            changes.restore(id, number, article.getVersion());
            Feedback.info("history.restored", number);
            Feedback.keepForRedirect();
            jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/admin/articles/edit.xhtml?id=" + id);
        } catch (CmsException refused) {
            Feedback.error(refused);
            load();
        }
    }

    public List<AuditEvent> getEvents() {
        return audit.forArticle(id);
    }

    public Article getArticle() {
        return article;
    }

    public List<Revision> getRevisions() {
        return revisions;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
