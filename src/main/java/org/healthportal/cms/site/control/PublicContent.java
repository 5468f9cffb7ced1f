package org.healthportal.cms.site.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;

/** What the public may read: only live revisions, never a draft, whatever the latest revision is. */
@Stateless
public class PublicContent {

    @PersistenceContext
    EntityManager em;

    /** The live revision of the article with this slug. */
    public Optional<Revision> findLive(String slug) {
        return em.createQuery("SELECT r FROM Article a JOIN a.liveRevision r WHERE a.slug = :slug", Revision.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** True when the slug names an article that was public once and is not now (410 rather than 404). */
    public boolean wasPublic(String slug) {
        return em.createNamedQuery("Article.bySlug", Article.class).setParameter("slug", slug)
                .getResultStream().anyMatch(a -> a.isWasPublished() && !a.isLive());
    }

    public Optional<ReviewerProfile> reviewerOf(Revision revision) {
        if (revision.getApprovedBy() == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM ReviewerProfile p WHERE p.account = :account", ReviewerProfile.class)
                .setParameter("account", revision.getApprovedBy())
                .getResultStream().findFirst();
    }
}
