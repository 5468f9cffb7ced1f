package org.healthportal.cms.compliance.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.ClaimFinding;
import org.healthportal.cms.compliance.entity.ClaimTerm;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.compliance.entity.CheckedText;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditAction;

/**
 * The claims check: the dictionary admins maintain, the check of a revision's text against it, and the findings
 * with their justifications kept with the revision.
 */
@Stateless
public class ClaimsService {

    public static final int JUSTIFICATION_MAX = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public List<ClaimTerm> dictionary() {
        return em.createQuery("SELECT t FROM ClaimTerm t ORDER BY t.kind, t.term", ClaimTerm.class).getResultList();
    }

    public ClaimTerm addTerm(String term, ClaimTerm.Kind kind, String note) {
        String admin = requireAdmin();
        ClaimTerm entry = new ClaimTerm(term, kind, note);
        boolean exists = !em.createQuery("SELECT t FROM ClaimTerm t WHERE t.term = :term", ClaimTerm.class)
                .setParameter("term", entry.getTerm()).getResultList().isEmpty();
        if (exists) {
            throw new CmsException.Conflict("The term is already in the dictionary").withKey("error.termExists",
                    entry.getTerm());
        }
        em.persist(entry);
        audit.recordAdministration(admin, clock.instant(), AuditAction.CLAIM_TERM, target(entry),
                "added as " + entry.getKind() + (entry.getNote() == null ? "" : ": " + entry.getNote()));
        return entry;
    }

    public void removeTerm(Long id) {
        String admin = requireAdmin();
        ClaimTerm entry = id == null ? null : em.find(ClaimTerm.class, id);
        if (entry != null) {
            em.remove(entry);
            audit.recordAdministration(admin, clock.instant(), AuditAction.CLAIM_TERM, target(entry),
                    "removed (was " + entry.getKind() + ")");
        }
    }

    private static String target(ClaimTerm entry) {
        return "claim-term:" + entry.getTerm();
    }

    /** What the dictionary flags in the revision's text now. */
    public List<ClaimsCheck.Finding> check(CheckedText revision) {
        return check(revision.getTitle(), revision.getSummary(), revision.getBody());
    }

    public List<ClaimsCheck.Finding> check(String title, String summary, String body) {
        return ClaimsCheck.run(title, summary, body, dictionary());
    }

    /** The findings recorded with a revision at its submission. */
    public List<ClaimFinding> recorded(CheckedText revision) {
        return em.createNamedQuery("ClaimFinding.byRevision", ClaimFinding.class).setParameter("revisionId", revision.getId())
                .getResultList();
    }

    /**
     * Records the findings of a submission with their justifications, replacing earlier ones of the same
     * revision (a resubmission after changes requested checks again).
     *
     * @throws CmsException.InvalidInput when a finding has no justification
     */
    public List<ClaimsCheck.Finding> recordAtSubmission(CheckedText revision, Map<String, String> justifications,
                                                        String actor) {
        List<ClaimsCheck.Finding> findings = check(revision);
        List<String> missing = ClaimsCheck.unjustified(findings, justifications);
        if (!missing.isEmpty()) {
            throw new CmsException.InvalidInput("Flagged wording needs a justification before review: "
                    + String.join(", ", missing)).withKey("error.claimsUnjustified", String.join("、", missing));
        }
        for (ClaimsCheck.Finding f : findings) {
            if (justifications.get(f.term()).length() > JUSTIFICATION_MAX) {
                throw new CmsException.InvalidInput("A justification is too long").withKey("error.justificationTooLong",
                        JUSTIFICATION_MAX);
            }
        }
        recorded(revision).forEach(em::remove);
        for (ClaimsCheck.Finding f : findings) {
            em.persist(new ClaimFinding(revision, f, justifications.get(f.term()).strip(), clock.instant(), actor));
        }
        return findings;
    }

    /** The admin's username. */
    private String requireAdmin() {
        if (!currentUser.require().has(Role.ADMIN)) {
            throw new CmsException.Forbidden("Only admins maintain the dictionary").withKey("error.adminOnly");
        }
        return currentUser.require().getUsername();
    }
}
