package org.healthportal.cms.taxonomy.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;

/** Reads and grows the category tree. The tree is small (hundreds of nodes), so it is read whole. */
@Stateless
public class CategoryService {

    @PersistenceContext
    EntityManager em;

    public List<Category> all() {
        return em.createNamedQuery("Category.all", Category.class).getResultList();
    }

    public Optional<Category> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Category.class, id));
    }

    public Category get(Long id) {
        if (id == null) {
            throw new CmsException.InvalidInput("categoryId is required");
        }
        return find(id).orElseThrow(() -> new CmsException.InvalidInput("No category with id " + id));
    }

    public Optional<Category> findBySlug(String slug) {
        return em.createNamedQuery("Category.bySlug", Category.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    public Category create(Category parent, String slug, String nameZh, String nameEn, int sortOrder) {
        Category category = new Category(parent, slug, nameZh, nameEn, sortOrder);
        em.persist(category);
        return category;
    }

    public long count() {
        return em.createNamedQuery("Category.count", Long.class).getSingleResult();
    }
}
