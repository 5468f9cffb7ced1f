package org.healthportal.cms.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address an article had while public: it redirects (301) to the article's current one, and stays its own. */
@Entity
@Table(name = "former_slug")
@NamedQuery(name = "FormerSlug.currentSlug", query = "SELECT f.article.slug FROM FormerSlug f WHERE f.slug = :slug")
public class FormerSlug {

    @Id
    @Column(length = 120)
    private String slug;

    @ManyToOne(optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    private Article article;

    @Column(name = "retired_at", nullable = false)
    private Instant retiredAt;

    protected FormerSlug() {
    }

    public FormerSlug(String slug, Article article, Instant retiredAt) {
        this.slug = slug;
        this.article = article;
        this.retiredAt = retiredAt;
    }

    public String getSlug() {
        return slug;
    }

    public Article getArticle() {
        return article;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
