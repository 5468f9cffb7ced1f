package org.healthportal.cms.workflow.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.healthportal.cms.accounts.control.CurrentUser;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditVerifier;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The global audit trail, filtered by user, action, article, target and dates, paged in the database. Events of
 * what admins did name a target instead of an article.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail audit;

    @Inject
    Zones zones;

    @Inject
    AuditVerifier verifier;

    @Inject
    CurrentUser currentUser;

    private AuditVerifier.Result verification;

    private String actor;
    private AuditAction action;
    private Long articleId;
    private String target;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEvent> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) search(0, 1).total();
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            int size = Math.min(pageSize, Page.MAX_SIZE);
            Page<AuditEvent> page = search(first / size, size);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return String.valueOf(event.getId());
        }
    };

    private Page<AuditEvent> search(int page, int size) {
        return audit.search(actor, action, articleId, target,
                from == null ? null : from.atStartOfDay(zones.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zones.zone()).toInstant(), page, size);
    }

    /** Checks the hash chain of the whole trail and shows the result. */
    public void verify() {
        try {
            currentUser.requireAdmin("Only admins verify the audit chain");
            verification = verifier.verify();
            if (verification.intact()) {
                Feedback.info("audit.chainIntact", verification.checked());
            } else {
                Feedback.error(new CmsException.Conflict(verification.problem())
                        .withKey("audit.chainBroken", verification.firstBrokenId(), verification.problem()));
            }
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public AuditVerifier.Result getVerification() {
        return verification;
    }

    public LazyDataModel<AuditEvent> getModel() {
        return model;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target == null || target.isBlank() ? null : target.strip();
    }

    public Long getArticleId() {
        return articleId;
    }

    public void setArticleId(Long articleId) {
        this.articleId = articleId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
