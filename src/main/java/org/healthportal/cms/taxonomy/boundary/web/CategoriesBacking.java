package org.healthportal.cms.taxonomy.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.taxonomy.entity.CategoryTree;
import org.healthportal.cms.taxonomy.control.ReviewPolicy;
import org.healthportal.cms.taxonomy.control.ReviewSettings;

/** Managing the category tree: add, rename, move, order. */
@Named
@ViewScoped
public class CategoriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CategoryService categories;

    @Inject
    ReviewPolicy reviewPolicy;

    /** Read again after every change, so the list and the pickers show the tree as it now is. */
    private transient CategoryTree tree;
    private Long parentId;
    private String slug;
    private String nameZh;
    private String nameEn;

    private Long editedId;
    private long editedVersion;
    private String editedZh;
    private String editedEn;
    private Long editedParentId;
    private String editedSpecialties;
    private Integer editedInterval;

    public CategoryTree getTree() {
        if (tree == null) {
            tree = categories.tree();
        }
        return tree;
    }

    public void add() {
        if (act(() -> categories.add(parentId, slug, nameZh, nameEn), "categories.added")) {
            slug = null;
            nameZh = null;
            nameEn = null;
        }
    }

    public void edit(Category c) {
        editedId = c.getId();
        editedVersion = c.getVersion();
        editedZh = c.getNameZh();
        editedEn = c.getNameEn();
        editedParentId = c.getParent() == null ? null : c.getParent().getId();
        editedSpecialties = c.getOwnReviewSpecialties();
        editedInterval = c.getOwnReviewIntervalMonths();
    }

    public void saveEdit() {
        if (act(() -> categories.edit(editedId, editedVersion, editedZh, editedEn, editedSpecialties, editedInterval,
                editedParentId), "categories.saved")) {
            editedId = null;
        }
    }

    public void cancelEdit() {
        editedId = null;
    }

    public void up(Category c) {
        act(() -> categories.shift(c.getId(), -1), "categories.moved");
    }

    public void down(Category c) {
        act(() -> categories.shift(c.getId(), 1), "categories.moved");
    }

    @Inject
    ReviewSettings reviewSettings;

    private ReviewPolicy.Overdue overduePolicy;

    public ReviewPolicy.Overdue getOverduePolicy() {
        if (overduePolicy == null) {
            overduePolicy = reviewPolicy.overdue();
        }
        return overduePolicy;
    }

    public void setOverduePolicy(ReviewPolicy.Overdue overduePolicy) {
        this.overduePolicy = overduePolicy;
    }

    public ReviewPolicy.Overdue[] getOverduePolicies() {
        return ReviewPolicy.Overdue.values();
    }

    public void saveOverduePolicy() {
        Feedback.attempt(() -> reviewSettings.choose(overduePolicy), "policy.saved");
    }

    private boolean act(Runnable action, String successKey) {
        boolean done = Feedback.attempt(action, successKey);
        tree = null;
        return done;
    }

    /** What a category's review rules come to, its own or inherited, for the list. */
    public String rules(Category c) {
        String specialties = String.join("、", c.reviewSpecialties());
        return (specialties.isEmpty() ? "—" : specialties) + " · " + c.reviewIntervalMonths(reviewPolicy.defaultMonths());
    }

    public String getEditedSpecialties() {
        return editedSpecialties;
    }

    public void setEditedSpecialties(String editedSpecialties) {
        this.editedSpecialties = editedSpecialties;
    }

    public Integer getEditedInterval() {
        return editedInterval;
    }

    public void setEditedInterval(Integer editedInterval) {
        this.editedInterval = editedInterval;
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public Long getEditedId() {
        return editedId;
    }

    public String getEditedZh() {
        return editedZh;
    }

    public void setEditedZh(String editedZh) {
        this.editedZh = editedZh;
    }

    public String getEditedEn() {
        return editedEn;
    }

    public void setEditedEn(String editedEn) {
        this.editedEn = editedEn;
    }

    public Long getEditedParentId() {
        return editedParentId;
    }

    public void setEditedParentId(Long editedParentId) {
        this.editedParentId = editedParentId;
    }
}
