package org.healthportal.cms.taxonomy.control;

import org.healthportal.cms.platform.audit.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.taxonomy.entity.ReviewPolicyChanged;
import org.healthportal.cms.taxonomy.entity.ReviewSetting;

/** An admin's choice of what an overdue review does to the public article. */
@Stateless
public class ReviewSettings {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    ReviewPolicy policy;

    @Inject
    Event<ReviewPolicyChanged> changed;

    @Inject
    AuditTrail audit;

    public ReviewSetting current() {
        return em.find(ReviewSetting.class, ReviewSetting.ID);
    }

    /**
     * Sets the policy. Articles already overdue are handled again under the new policy by the next timer run, so
     * choosing "unpublish" takes them offline and the audit trail says which policy applied.
     */
    public void choose(ReviewPolicy.Overdue overdue) {
        Account admin = currentUser.require();
        if (!admin.has(Role.ADMIN)) {
            throw new CmsException.Forbidden("Only admins set the review policy").withKey("error.adminOnly");
        }
        if (overdue == null) {
            throw new CmsException.InvalidInput("A policy is required: banner, noindex or unpublish")
                    .withKey("error.policyRequired");
        }
        ReviewSetting setting = em.find(ReviewSetting.class, ReviewSetting.ID, LockModeType.PESSIMISTIC_WRITE);
        if (overdue.name().equals(setting.getOverduePolicy())) {
            return;
        }
        Instant now = clock.instant();
        String before = setting.getOverduePolicy() == null ? "default (" + policy.configured().name() + ")"
                : setting.getOverduePolicy();
        setting.choose(overdue.name(), admin.getUsername(), now);
        audit.recordAdministration(admin.getUsername(), now, AuditAction.REVIEW_POLICY, "review-policy",
                "overdue: " + before + " → " + overdue.name());
        em.createQuery("UPDATE Article a SET a.overdueHandled = FALSE WHERE a.liveRevision IS NOT NULL"
                + " AND a.nextReviewDue <= :now AND a.overdueHandled = TRUE").setParameter("now", now).executeUpdate();
        changed.fire(new ReviewPolicyChanged(overdue.name()));
    }
}
