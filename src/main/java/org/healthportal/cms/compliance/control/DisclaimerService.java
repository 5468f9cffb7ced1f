package org.healthportal.cms.compliance.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditAction;

/**
 * The disclaimer versions. The newest is what the next publication records; a change is always a new version, so
 * what each live article showed stays provable.
 */
@Stateless
public class DisclaimerService {

    public static final int TEXT_MAX = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public Disclaimer current() {
        return em.createNamedQuery("Disclaimer.current", Disclaimer.class).setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No disclaimer: the V2 migration inserts the first one"));
    }

    /** Every version, newest first, each with how many live articles show it. */
    public List<VersionUse> versions() {
        return em.createQuery("SELECT d, (SELECT COUNT(a) FROM Article a WHERE a.liveRevision.disclaimer = d) "
                        + "FROM Disclaimer d ORDER BY d.versionNumber DESC", Object[].class)
                .getResultList().stream()
                .map(row -> new VersionUse((Disclaimer) row[0], ((Number) row[1]).longValue())).toList();
    }

    /** Live revisions that show the given version (at most 200, newest first). */
    public List<Shown> liveWith(Long disclaimerId) {
        return em.createQuery("SELECT NEW org.healthportal.cms.compliance.control.DisclaimerService.Shown(a.id,"
                        + " r.title, r.publishedAt) FROM Article a JOIN a.liveRevision r WHERE r.disclaimer.id = :d "
                        + "ORDER BY r.publishedAt DESC", Shown.class)
                .setParameter("d", disclaimerId).setMaxResults(200).getResultList();
    }

    /** A live article showing a disclaimer version, as the disclaimers screen lists it. */
    public record Shown(Long articleId, String title, java.time.Instant publishedAt) {
    }

    /** Writes a new version; articles published from now on record it. */
    public Disclaimer publishNewVersion(String textZh, String textEn) {
        Account admin = currentUser.require();
        if (!admin.has(Role.ADMIN)) {
            throw new CmsException.Forbidden("Only admins change the disclaimer").withKey("error.adminOnly");
        }
        String zh = required("Chinese text", textZh);
        String en = required("English text", textEn);
        Disclaimer latest = current();
        if (latest.getTextZh().equals(zh) && latest.getTextEn().equals(en)) {
            throw new CmsException.InvalidInput("The text is the same as version " + latest.getVersionNumber())
                    .withKey("error.disclaimerUnchanged", latest.getVersionNumber());
        }
        Disclaimer next = new Disclaimer(latest.getVersionNumber() + 1, zh, en, clock.instant(), admin.getUsername());
        em.persist(next);
        audit.recordAdministration(admin.getUsername(), next.getCreatedAt(), AuditAction.DISCLAIMER,
                "disclaimer:" + next.getVersionNumber(), "new version " + next.getVersionNumber() + " replaces "
                        + latest.getVersionNumber());
        return next;
    }

    private static String required(String what, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > TEXT_MAX) {
            throw new CmsException.InvalidInput("The " + what + " is required, at most " + TEXT_MAX + " characters")
                    .withKey("error.disclaimerText", TEXT_MAX);
        }
        return t;
    }

    /** A version and its use. */
    public record VersionUse(Disclaimer disclaimer, long liveArticles) {
    }

}
