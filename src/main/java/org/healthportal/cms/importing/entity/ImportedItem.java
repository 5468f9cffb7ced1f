package org.healthportal.cms.importing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What one item of a WordPress site became here: an article, a category or an image, by the old site's address and
 * the item's id there. The unique key makes a second import of the same file find it rather than make another.
 */
@Entity
@Table(name = "imported_item")
@NamedQuery(name = "ImportedItem.find", query = "SELECT i FROM ImportedItem i WHERE i.siteUrl = :site"
        + " AND i.kind = :kind AND i.wordpressId = :id")
@NamedQuery(name = "ImportedItem.ofArticle", query = "SELECT i FROM ImportedItem i WHERE i.articleId = :articleId")
public class ImportedItem {

    public enum Kind { POST, PAGE, CATEGORY, ATTACHMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_url", nullable = false, length = 255)
    private String siteUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(name = "wp_id", nullable = false)
    private long wordpressId;

    @Column(name = "article_id")
    private Long articleId;

    @Column(name = "category_id")
    private Long categoryId;

    @Column(name = "media_id")
    private Long mediaId;

    @Column(name = "job_id")
    private Long jobId;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected ImportedItem() {
    }

    private ImportedItem(String siteUrl, Kind kind, long wordpressId, Long jobId, Instant now) {
        this.siteUrl = siteUrl;
        this.kind = kind;
        this.wordpressId = wordpressId;
        this.jobId = jobId;
        this.importedAt = now;
    }

    public static ImportedItem article(String site, Kind kind, long wpId, Long articleId, Long jobId, Instant now) {
        ImportedItem item = new ImportedItem(site, kind, wpId, jobId, now);
        item.articleId = articleId;
        return item;
    }

    public static ImportedItem category(String site, long wpId, Long categoryId, Long jobId, Instant now) {
        ImportedItem item = new ImportedItem(site, Kind.CATEGORY, wpId, jobId, now);
        item.categoryId = categoryId;
        return item;
    }

    public static ImportedItem image(String site, long wpId, Long mediaId, Long jobId, Instant now) {
        ImportedItem item = new ImportedItem(site, Kind.ATTACHMENT, wpId, jobId, now);
        item.mediaId = mediaId;
        return item;
    }

    public Long getId() {
        return id;
    }

    public String getSiteUrl() {
        return siteUrl;
    }

    public Kind getKind() {
        return kind;
    }

    public long getWordpressId() {
        return wordpressId;
    }

    public Long getArticleId() {
        return articleId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public Long getMediaId() {
        return mediaId;
    }
}
