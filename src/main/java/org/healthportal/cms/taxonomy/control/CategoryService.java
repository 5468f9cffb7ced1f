package org.healthportal.cms.taxonomy.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.Slugs;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.CategoryChanged;
import org.healthportal.cms.taxonomy.entity.Specialties;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.taxonomy.entity.CategoryTree;

/** Reads and grows the category tree. The tree is small (hundreds of nodes), so it is read whole. */
@Stateless
public class CategoryService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Event<CategoryChanged> changed;

    public List<Category> all() {
        return em.createNamedQuery("Category.all", Category.class).getResultList();
    }

    /** Every category in reading order, with depths: for pickers, indented lists and "in this category". */
    public CategoryTree tree() {
        return new CategoryTree(all());
    }

    public Optional<Category> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Category.class, id));
    }

    public Category get(Long id) {
        if (id == null) {
            throw new CmsException.InvalidInput("categoryId is required").withKey("error.required.category");
        }
        return find(id).orElseThrow(() -> new CmsException.InvalidInput("No category with id " + id).withKey("error.noCategory"));
    }

    public Optional<Category> findBySlug(String slug) {
        return em.createNamedQuery("Category.bySlug", Category.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** For seeding: no role check. */
    public Category create(Category parent, String slug, String nameZh, String nameEn, int sortOrder) {
        Category category = new Category(parent, slug, nameZh, nameEn, sortOrder);
        em.persist(category);
        changed.fire(new CategoryChanged(null));
        return category;
    }

    /** Adds a category at the end of its parent's children. */
    public Category add(Long parentId, String slug, String nameZh, String nameEn) {
        requireManager();
        Category parent = parentId == null ? null : get(parentId);
        String s = Slugs.requireValid(slug);
        if (findBySlug(s).isPresent()) {
            throw new CmsException.Conflict("The slug " + s + " is already used by another category")
                    .withKey("error.slugTaken", s);
        }
        Category category = new Category(parent, s, Category.requireName(nameZh), Category.requireName(nameEn),
                children(parent).size());
        em.persist(category);
        changed.fire(new CategoryChanged(null));
        return category;
    }

    /**
     * Renames, sets who may review articles here and how often (blank or null: as the parent category says) and
     * moves under another parent (null: top level) at the end of its new siblings, in one step: all or nothing.
     */
    public Category edit(Long id, long expectedVersion, String nameZh, String nameEn, String specialties,
            Integer intervalMonths, Long parentId) {
        requireManager();
        Category category = current(id, expectedVersion);
        category.rename(nameZh, nameEn);
        category.requireSpecialties(Specialties.parse(specialties));
        category.reviewEvery(intervalMonths);
        Long currentParent = category.getParent() == null ? null : category.getParent().getId();
        if (!java.util.Objects.equals(currentParent, parentId)) {
            Category parent = parentId == null ? null : get(parentId);
            category.moveTo(parent, children(parent).size());
        }
        changed.fire(new CategoryChanged(id));
        return category;
    }

    /** Swaps a category with its previous (-1) or next (+1) sibling. */
    public void shift(Long id, int direction) {
        requireManager();
        Category category = get(id);
        List<Category> siblings = children(category.getParent());
        int at = siblings.indexOf(category);
        int to = at + Integer.signum(direction);
        if (at < 0 || to < 0 || to >= siblings.size()) {
            return;
        }
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).placeAt(i);
        }
        siblings.get(at).placeAt(to);
        siblings.get(to).placeAt(at);
        changed.fire(new CategoryChanged(id));
    }

    public List<Category> children(Category parent) {
        return (parent == null
                ? em.createQuery("SELECT c FROM Category c WHERE c.parent IS NULL ORDER BY c.sortOrder, c.id", Category.class)
                : em.createQuery("SELECT c FROM Category c WHERE c.parent = :p ORDER BY c.sortOrder, c.id", Category.class)
                        .setParameter("p", parent))
                .getResultList();
    }

    private Category current(Long id, long expectedVersion) {
        Category category = get(id);
        if (category.getVersion() != expectedVersion) {
            throw new CmsException.Conflict("The category was changed by someone else; reload it").withKey("error.staleCategory");
        }
        return category;
    }

    private void requireManager() {
        if (!currentUser.require().has(Role.ADMIN)) {
            throw new CmsException.Forbidden("Only admins manage categories").withKey("error.adminOnly");
        }
    }

    public long count() {
        return em.createNamedQuery("Category.count", Long.class).getSingleResult();
    }
}
