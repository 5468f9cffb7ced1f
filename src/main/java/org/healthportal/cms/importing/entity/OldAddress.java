package org.healthportal.cms.importing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address of the old site, in {@code OldAddresses}' normal form, and the article or category it became. */
@Entity
@Table(name = "old_address")
public class OldAddress {

    public static final int PATH_MAX = 500;

    @Id
    @Column(length = PATH_MAX)
    private String path;

    @Column(name = "article_id")
    private Long articleId;

    @Column(name = "category_id")
    private Long categoryId;

    protected OldAddress() {
    }

    public static OldAddress ofArticle(String path, Long articleId) {
        OldAddress a = new OldAddress();
        a.path = path;
        a.articleId = articleId;
        return a;
    }

    public static OldAddress ofCategory(String path, Long categoryId) {
        OldAddress a = new OldAddress();
        a.path = path;
        a.categoryId = categoryId;
        return a;
    }

    public String getPath() {
        return path;
    }

    public Long getArticleId() {
        return articleId;
    }

    public Long getCategoryId() {
        return categoryId;
    }
}
