package org.healthportal.cms.preview.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Hashing;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditEvent;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.preview.entity.PreviewLink;

/**
 * Preview links: made, listed and revoked by the people who work on the article (editors and reviewers), opened
 * by anyone holding a token. Making, first opening and revoking a link are audited as events of the article.
 * An article taken down or archived takes its links with it: they answer 410 from then on.
 */
@Stateless
public class PreviewLinks {

    /** 32 random bytes: 256 bits, 43 characters of URL-safe base64. */
    static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleService articles;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    DisclaimerService disclaimers;

    @Inject
    Clock clock;

    /** A link just made, with the only copy of its token. */
    public record Created(PreviewLink link, String token) {
    }

    /** What the recipient of an open link sees. */
    public record Opened(PreviewLink link, int revisionNumber, String reviewState, String categoryName,
                         String disclaimerText, Integer disclaimerVersion) {
    }

    /** A link to the article's latest revision (the one the editor and the review screen show). */
    public Created create(long articleId, Integer hours, String note) {
        Account me = requireMayShare();
        Article article = articles.get(articleId);
        Revision revision = article.getLatestRevision();
        String token = newToken();
        Instant now = clock.instant();
        PreviewLink link = PreviewLink.of(revision, Hashing.sha256Hex(token), hours, note, me.getUsername(), now);
        em.persist(link);
        em.flush();
        record(link, me.getUsername(), now, AuditAction.PREVIEW_LINK_CREATE,
                "preview link " + link.getId() + " until " + link.getExpiresAt());
        return new Created(link, token);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PreviewLink> list(long articleId) {
        requireMayShare();
        articles.get(articleId);
        return em.createNamedQuery("PreviewLink.byArticle", PreviewLink.class)
                .setParameter("articleId", articleId).getResultList();
    }

    /** Ends a link of this article at once; revoking one that was revoked already changes nothing. */
    public void revoke(long articleId, long linkId) {
        Account me = requireMayShare();
        PreviewLink link = Optional.ofNullable(em.find(PreviewLink.class, linkId))
                .filter(l -> l.getArticle().getId() == articleId)
                .orElseThrow(() -> new CmsException.NotFound("No preview link " + linkId + " for article " + articleId)
                        .withKey("error.previewLinkUnknown"));
        Instant now = clock.instant();
        if (link.revoke(me.getUsername(), now)) {
            record(link, me.getUsername(), now, AuditAction.PREVIEW_LINK_REVOKE, "preview link " + link.getId());
        }
    }

    /**
     * The revision behind a token while its link is active; empty for an unknown, expired or revoked token alike
     * (the answer must not tell which). The first opening is recorded once, however many open it at the same time.
     */
    public Optional<Opened> open(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<PreviewLink> found = em.createNamedQuery("PreviewLink.byTokenHash", PreviewLink.class)
                .setParameter("hash", Hashing.sha256Hex(token)).getResultStream().findFirst()
                .filter(l -> l.isActive(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PreviewLink link = found.get();
        int first = em.createNamedQuery("PreviewLink.markFirstOpened").setParameter("now", now)
                .setParameter("id", link.getId()).executeUpdate();
        if (first == 1) {
            record(link, "preview:" + link.getId(), now, AuditAction.PREVIEW_LINK_OPEN, "preview link " + link.getId());
        }
        Revision revision = link.getRevision();
        // A published revision shows the disclaimer it was published with; any other the one a publication now
        // would carry, as the editor's preview does.
        Disclaimer disclaimer = revision.getDisclaimer() != null ? revision.getDisclaimer() : disclaimers.current();
        return Optional.of(new Opened(link, revision.getNumber(), revision.getState().name(),
                revision.getCategory().getNameZh(), disclaimer == null ? null : disclaimer.getTextZh(),
                disclaimer == null ? null : disclaimer.getVersionNumber()));
    }

    /**
     * A takedown or an archive withdraws the article: its open links end with it, in the same transaction, by the
     * same actor. An ordinary unpublish leaves them (the text may be on its way back after changes).
     */
    public void withdrawn(@Observes ArticleChanged changed) {
        if (!changed.includes(AuditAction.TAKEDOWN) && !changed.includes(AuditAction.ARCHIVE)) {
            return;
        }
        Instant now = clock.instant();
        for (PreviewLink link : em.createNamedQuery("PreviewLink.openOfArticle", PreviewLink.class)
                .setParameter("articleId", changed.articleId()).setParameter("now", now).getResultList()) {
            if (link.revoke(changed.actor(), now)) {
                record(link, changed.actor(), now, AuditAction.PREVIEW_LINK_REVOKE,
                        "preview link " + link.getId() + ": article withdrawn");
            }
        }
    }

    /** Editors and reviewers: the people who work on articles. Admins alone do not share drafts. */
    private Account requireMayShare() {
        Account me = currentUser.require();
        if (!me.has(Role.EDITOR) && !me.has(Role.REVIEWER)) {
            throw new CmsException.Forbidden("Only editors and reviewers may share preview links")
                    .withKey("error.previewLinkRole");
        }
        return me;
    }

    private void record(PreviewLink link, String actor, Instant now, AuditAction action, String comment) {
        Revision revision = link.getRevision();
        audit.record(List.of(new AuditEvent(link.getArticle().getId(), revision.getId(), revision.getNumber(), actor,
                now, action, null, null, comment)));
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
