package org.healthportal.cms.taxonomy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.healthportal.cms.platform.CmsException;

/** A node of the category tree (中医 › 特色中医 › 针刺疗法). Children point to their parent; siblings are ordered. */
@Entity
@Table(name = "category")
@NamedQuery(name = "Category.all", query = "SELECT c FROM Category c ORDER BY c.sortOrder, c.id")
@NamedQuery(name = "Category.bySlug", query = "SELECT c FROM Category c WHERE c.slug = :slug")
@NamedQuery(name = "Category.count", query = "SELECT COUNT(c) FROM Category c")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Category parent;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    /** Specialties whose reviewers may approve articles here, comma-separated; null: as the parent says. */
    @Column(name = "review_specialties", length = 500)
    private String reviewSpecialties;

    /** Months between medical reviews of articles here; null: as the parent says. */
    @Column(name = "review_interval_months")
    private Integer reviewIntervalMonths;

    @Version
    private long version;

    protected Category() {
    }

    public Category(Category parent, String slug, String nameZh, String nameEn, int sortOrder) {
        this.parent = parent;
        this.slug = slug;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
    }

    public void rename(String zh, String en) {
        this.nameZh = requireName(zh);
        this.nameEn = requireName(en);
    }

    /** Moves under another parent (null: to the top); refuses to move under itself or its own descendants. */
    public void moveTo(Category newParent, int newSortOrder) {
        for (Category c = newParent; c != null; c = c.parent) {
            if (c == this) {
                throw new CmsException.Conflict("A category cannot move under itself or its own sub-categories")
                        .withKey("error.categoryCycle");
            }
        }
        this.parent = newParent;
        this.sortOrder = newSortOrder;
    }

    public void placeAt(int newSortOrder) {
        this.sortOrder = newSortOrder;
    }

    public static String requireName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new CmsException.InvalidInput("A category name of 1 to 100 characters is required")
                    .withKey("error.categoryName");
        }
        return n;
    }

    /** Sets who may review here; blank means "as the parent category". */
    public void requireSpecialties(Set<String> specialties) {
        reviewSpecialties = specialties == null || specialties.isEmpty() ? null : String.join(",", specialties);
    }

    /**
     * The specialties that may review articles in this category: its own, or the nearest ancestor's. Empty when
     * nobody up the tree says, and then any reviewer with valid credentials may.
     */
    public Set<String> reviewSpecialties() {
        for (Category c = this; c != null; c = c.parent) {
            if (c.reviewSpecialties != null && !c.reviewSpecialties.isBlank()) {
                return Specialties.parse(c.reviewSpecialties);
            }
        }
        return Set.of();
    }

    public void reviewEvery(Integer months) {
        if (months != null && (months < 1 || months > 120)) {
            throw new CmsException.InvalidInput("A review interval is 1 to 120 months").withKey("error.reviewInterval");
        }
        reviewIntervalMonths = months;
    }

    /** The review interval here: its own, the nearest ancestor's, or {@code siteDefault}. */
    public int reviewIntervalMonths(int siteDefault) {
        for (Category c = this; c != null; c = c.parent) {
            if (c.reviewIntervalMonths != null) {
                return c.reviewIntervalMonths;
            }
        }
        return siteDefault;
    }

    public Integer getOwnReviewIntervalMonths() {
        return reviewIntervalMonths;
    }

    public String getOwnReviewSpecialties() {
        return reviewSpecialties;
    }

    /** The categories from the root down to this one. */
    public List<Category> path() {
        List<Category> path = new ArrayList<>();
        for (Category c = this; c != null; c = c.parent) {
            path.add(c);
        }
        Collections.reverse(path);
        return path;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public Long getId() {
        return id;
    }

    public Category getParent() {
        return parent;
    }

    public String getSlug() {
        return slug;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public long getVersion() {
        return version;
    }
}
