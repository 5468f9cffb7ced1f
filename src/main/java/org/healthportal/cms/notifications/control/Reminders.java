package org.healthportal.cms.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.notifications.entity.NotificationKind;
import org.healthportal.cms.platform.Zones;

/**
 * What falls due without anyone acting: a medical review due within 30 days, credentials that lapse within 30
 * days. Each is said once per date (the notification's once-key), however often and on however many nodes the
 * scan runs; a node that loses the race to write it rolls back only that one reminder.
 */
@Stateless
public class Reminders {

    static final Duration AHEAD = Duration.ofDays(30);

    @PersistenceContext(unitName = "cms")
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Inject
    Zones zones;

    /** A live article's next review date. */
    public record DueReview(Long articleId, Instant due) {
    }

    /**
     * Live articles whose next review falls within the coming 30 days (not yet overdue), in due order after the
     * given one ({@code null} for the first page): the scan walks the whole window page by page.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<DueReview> reviewsDueSoon(DueReview after, int max) {
        Instant now = clock.instant();
        String query = "SELECT a.id, a.nextReviewDue FROM Article a WHERE a.liveRevision IS NOT NULL"
                + " AND a.nextReviewDue > :now AND a.nextReviewDue <= :ahead"
                + (after == null ? "" : " AND (a.nextReviewDue > :afterDue OR (a.nextReviewDue = :afterDue"
                + " AND a.id > :afterId))")
                + " ORDER BY a.nextReviewDue, a.id";
        var q = em.createQuery(query, Object[].class).setParameter("now", now).setParameter("ahead", now.plus(AHEAD));
        if (after != null) {
            q.setParameter("afterDue", after.due()).setParameter("afterId", after.articleId());
        }
        return q.setMaxResults(max).getResultList().stream()
                .map(row -> new DueReview((Long) row[0], (Instant) row[1])).toList();
    }

    /** Reviewers whose verification runs out within 30 days, today included. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> credentialsLapsingSoon(int max) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zone());
        return em.createQuery("SELECT p.id FROM ReviewerProfile p WHERE p.verifiedUntil >= :today"
                        + " AND p.verifiedUntil <= :ahead AND p.account.enabled = TRUE ORDER BY p.verifiedUntil",
                        Long.class)
                .setParameter("today", today).setParameter("ahead", today.plusDays(AHEAD.toDays()))
                .setMaxResults(max).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int remindReviewDue(Long articleId) {
        Article article = em.find(Article.class, articleId);
        if (article == null || article.getLiveRevision() == null || article.getNextReviewDue() == null) {
            return 0;
        }
        LocalDate due = LocalDate.ofInstant(article.getNextReviewDue(), zones.zone());
        String once = "review-due:" + articleId + ":" + due;
        int told = 0;
        for (var person : notifier.reviewTeam(article)) {
            told += notifier.tell(person, NotificationKind.REVIEW_DUE, articleId,
                    article.getLiveRevision().getTitle(), ArticleChanges.REVIEW_CYCLE, due.toString(),
                    Notifier.linkFor(NotificationKind.REVIEW_DUE, articleId), once).isPresent() ? 1 : 0;
        }
        return told;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int remindCredentials(Long profileId) {
        ReviewerProfile profile = em.find(ReviewerProfile.class, profileId);
        if (profile == null || profile.getVerifiedUntil() == null) {
            return 0;
        }
        var account = profile.getAccount();
        return notifier.tell(account, NotificationKind.CREDENTIALS_LAPSING, null, account.getDisplayName(),
                "system:credentials", profile.getVerifiedUntil().toString(), "/admin/index.xhtml",
                "credentials:" + profile.getVerifiedUntil()).isPresent() ? 1 : 0;
    }
}
