package org.healthportal.cms.importing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.importing.entity.OldAddress;
import org.healthportal.cms.taxonomy.entity.Category;

/** Where an address of an imported site leads now: asked of the database each time, so every node agrees. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OldAddressLookup {

    /** A live article's or a category's path here; or gone, for an article that was public and is not now. */
    public record Answer(String path, boolean gone) {
    }

    @PersistenceContext
    EntityManager em;

    /** Empty when the address is none of an import's, or its article was never public here. */
    public Optional<Answer> find(String normalisedPath) {
        if (normalisedPath == null || normalisedPath.length() > OldAddress.PATH_MAX) {
            return Optional.empty();
        }
        OldAddress address = em.find(OldAddress.class, normalisedPath);
        if (address == null) {
            return Optional.empty();
        }
        if (address.getArticleId() != null) {
            Article article = em.find(Article.class, address.getArticleId());
            if (article == null) {
                return Optional.empty();
            }
            if (article.isLive()) {
                return Optional.of(new Answer("/articles/" + article.getSlug(), false));
            }
            return article.isWasPublished() ? Optional.of(new Answer(null, true)) : Optional.empty();
        }
        Category category = address.getCategoryId() == null ? null : em.find(Category.class, address.getCategoryId());
        return category == null ? Optional.empty() : Optional.of(new Answer("/categories/" + category.getSlug(), false));
    }
}
