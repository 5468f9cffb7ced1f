package org.healthportal.cms.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.AccountNotice;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.CredentialGate;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.notifications.entity.Delivery;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.notifications.entity.NotificationKind;
import org.healthportal.cms.notifications.entity.NotificationPreference;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.platform.audit.AuditAction;

/**
 * Who hears what. Called inside the change's own transaction (see {@link NotificationEvents}): the notifications,
 * and the e-mails they queue in the outbox, commit with the change or not at all. Nobody is told of their own
 * action, and disabled accounts hear nothing.
 */
@Stateless
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());

    @PersistenceContext(unitName = "cms")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    MailOutbox outbox;

    @Inject
    Clock clock;

    @Inject
    Zones zones;

    /** The article's audited steps, each told to the people it concerns. */
    public void articleChanged(ArticleChanged changed) {
        Article article = em.find(Article.class, changed.articleId());
        if (article == null) {
            return;
        }
        for (ArticleChanged.Step step : changed.steps()) {
            Optional<NotificationKind> kind = kindOf(step.action());
            if (kind.isEmpty()) {
                continue;
            }
            Revision revision = revision(article, step.revision());
            Collection<Account> recipients = recipients(kind.get(), article, revision);
            String detail = kind.get() == NotificationKind.REVIEW_OVERDUE
                    ? String.valueOf(dueDate(article)) : step.comment();
            for (Account recipient : recipients) {
                tell(recipient, kind.get(), article.getId(), revision.getTitle(), changed.actor(), detail,
                        linkFor(kind.get(), article.getId()), null);
            }
        }
    }

    /** A change someone else made to an account: its holder is told. */
    public void accountNotice(AccountNotice notice) {
        Account account = em.find(Account.class, notice.accountId());
        if (account == null) {
            return;
        }
        NotificationKind kind = notice.kind() == AccountNotice.Kind.PASSWORD_RESET
                ? NotificationKind.PASSWORD_RESET : NotificationKind.ROLES_CHANGED;
        String link = kind == NotificationKind.PASSWORD_RESET ? "/admin/password.xhtml" : "/admin/index.xhtml";
        tell(account, kind, null, account.getDisplayName(), notice.actor(), notice.detail(), link, null);
    }

    /**
     * Tells one person, once: with a {@code onceKey} (a due date, say) a second call for the same person and key
     * does nothing. Returns the notification, or empty when nothing was said (own action, disabled, said before).
     */
    public Optional<Notification> tell(Account recipient, NotificationKind kind, Long articleId, String subject,
                                       String actor, String detail, String link, String onceKey) {
        if (!recipient.isEnabled() || recipient.getUsername().equals(actor)) {
            return Optional.empty();
        }
        if (onceKey != null && em.createNamedQuery("Notification.onceExists", Long.class)
                .setParameter("recipient", recipient).setParameter("onceKey", onceKey).getSingleResult() > 0) {
            return Optional.empty();
        }
        Notification n = new Notification(recipient, kind, articleId, subject, actor, actorName(actor), detail,
                link, deliveryFor(recipient, kind), clock.instant(), onceKey);
        em.persist(n);
        if (n.getDelivery() == Delivery.EMAIL) {
            outbox.enqueue(n);
        }
        return Optional.of(n);
    }

    /** The person's choice for the kind; e-mail at once unless they chose otherwise. */
    public Delivery deliveryFor(Account account, NotificationKind kind) {
        NotificationPreference chosen = em.find(NotificationPreference.class,
                new NotificationPreference.Key(account.getId(), kind));
        return chosen == null ? NotificationPreference.DEFAULT : chosen.getDelivery();
    }

    static Optional<NotificationKind> kindOf(AuditAction action) {
        return Optional.ofNullable(switch (action) {
            case SUBMIT -> NotificationKind.SUBMITTED;
            case REQUEST_CHANGES -> NotificationKind.CHANGES_REQUESTED;
            case APPROVE -> NotificationKind.APPROVED;
            case PUBLISH -> NotificationKind.PUBLISHED;
            case SCHEDULE_FAILED -> NotificationKind.SCHEDULE_FAILED;
            case TAKEDOWN -> NotificationKind.TAKEDOWN;
            case CORRECT -> NotificationKind.CORRECTED;
            case REVIEW_OVERDUE -> NotificationKind.REVIEW_OVERDUE;
            default -> null;
        });
    }

    /** Where to act on it: the review screen for a submission, the history for a takedown, else the editor. */
    static String linkFor(NotificationKind kind, Long articleId) {
        String screen = switch (kind) {
            case SUBMITTED -> "review";
            case TAKEDOWN -> "history";
            default -> "edit";
        };
        return "/admin/articles/" + screen + ".xhtml?id=" + articleId;
    }

    Collection<Account> recipients(NotificationKind kind, Article article, Revision revision) {
        Map<Long, Account> people = new LinkedHashMap<>();
        switch (kind) {
            case SUBMITTED -> reviewersFor(revision).forEach(a -> people.put(a.getId(), a));
            case CHANGES_REQUESTED -> authors(revision).forEach(a -> people.put(a.getId(), a));
            case APPROVED, PUBLISHED, SCHEDULE_FAILED -> {
                authors(revision).forEach(a -> people.put(a.getId(), a));
                approver(revision).ifPresent(a -> people.put(a.getId(), a));
            }
            case TAKEDOWN, CORRECTED -> {
                authors(revision).forEach(a -> people.put(a.getId(), a));
                approver(revision).ifPresent(a -> people.put(a.getId(), a));
                withRole(Role.ADMIN).forEach(a -> people.put(a.getId(), a));
            }
            case REVIEW_DUE, REVIEW_OVERDUE -> reviewTeam(article).forEach(a -> people.put(a.getId(), a));
            default -> {
            }
        }
        return people.values();
    }

    /**
     * The last reviewers (whoever approved the live text) and the category's editors: those who wrote in its
     * category, who include the article's own authors.
     */
    public List<Account> reviewTeam(Article article) {
        Revision live = article.getLiveRevision() != null ? article.getLiveRevision() : article.getLatestRevision();
        List<Account> team = new ArrayList<>();
        approver(live).ifPresent(team::add);
        List<Account> writers = em.createQuery("SELECT DISTINCT r.author FROM Revision r WHERE r.category = :category"
                        + " AND r.author.enabled = TRUE", Account.class)
                .setParameter("category", live.getCategory()).setMaxResults(200).getResultList();
        writers.stream().filter(a -> a.has(Role.EDITOR)).forEach(team::add);
        authors(live).stream().filter(a -> team.stream().noneMatch(t -> t.getId().equals(a.getId())))
                .forEach(team::add);
        return team;
    }

    /** Reviewers whose credentials pass the gate for the revision's category today, none of its writers. */
    List<Account> reviewersFor(Revision revision) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zone());
        return withRole(Role.REVIEWER).stream()
                .filter(r -> !revision.isContributor(r))
                .filter(r -> passesGate(r, revision, today))
                .toList();
    }

    private boolean passesGate(Account reviewer, Revision revision, LocalDate today) {
        try {
            CredentialGate.check(accounts.findReviewerProfile(reviewer), revision.getCategory(), today);
            return true;
        } catch (CmsException refused) {
            return false;
        }
    }

    /** The people who wrote the revision. */
    List<Account> authors(Revision revision) {
        List<Account> found = new ArrayList<>();
        for (String name : revision.contributorNames()) {
            accounts.findByUsername(name).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Account> approver(Revision revision) {
        return Optional.ofNullable(revision == null ? null : revision.getApprovedBy());
    }

    /** Enabled staff with the role: a handful of people, never the readers (who have no accounts). */
    @SuppressWarnings("unchecked")
    List<Account> withRole(Role role) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM account WHERE enabled = TRUE AND roles LIKE ?1")
                .setParameter(1, "%" + role.name() + "%").setMaxResults(500).getResultList();
        return ids.stream().map(id -> em.find(Account.class, id.longValue()))
                .filter(a -> a != null && a.has(role)).toList();
    }

    private Revision revision(Article article, int number) {
        return em.createQuery("SELECT r FROM Revision r WHERE r.article = :article AND r.number = :number",
                        Revision.class)
                .setParameter("article", article).setParameter("number", number)
                .getResultStream().findFirst().orElse(article.getLatestRevision());
    }

    private LocalDate dueDate(Article article) {
        return article.getNextReviewDue() == null ? null
                : LocalDate.ofInstant(article.getNextReviewDue(), zones.zone());
    }

    private String actorName(String actor) {
        if (actor.startsWith("system:")) {
            return actor;
        }
        return accounts.findByUsername(actor).map(Account::getDisplayName).orElse(actor);
    }
}
