package org.healthportal.cms.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * What the back-office lists filter and sort on, copied onto the article row so a list reads that table alone:
 * derived whole from the latest and the live revision after every change, never edited field by field.
 */
@Embeddable
public class Listing {

    @Column(name = "state", length = 20)
    @Enumerated(EnumType.STRING)
    private RevisionState state;

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "summary", length = 1000)
    private String summary;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    private Account author;

    /**
     * The id of the live revision's category, which the public lists it in; null while nothing is live. An id, not a
     * relation: the public lists order by it, and a relation's id in an ORDER BY joins the category table, which
     * keeps H2 from walking the index in order.
     */
    @Column(name = "live_category_id")
    private Long liveCategoryId;

    /** When the live revision was published; null while nothing is live. */
    @Column(name = "published_at")
    private Instant publishedAt;

    protected Listing() {
    }

    /** The listing of an article whose latest revision is {@code latest} and whose live one is {@code live}. */
    public static Listing derivedFrom(Revision latest, Revision live) {
        Listing listing = new Listing();
        listing.state = latest.getState();
        listing.title = latest.getTitle();
        listing.summary = latest.getSummary();
        listing.category = latest.getCategory();
        listing.author = latest.getAuthor();
        listing.liveCategoryId = live == null ? null : live.getCategory().getId();
        listing.publishedAt = live == null ? null : live.getPublishedAt();
        return listing;
    }

    public RevisionState getState() {
        return state;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public Category getCategory() {
        return category;
    }

    public Account getAuthor() {
        return author;
    }

    public Long getLiveCategoryId() {
        return liveCategoryId;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
