package org.healthportal.cms.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.content.entity.Revision;

/** A reviewer's note kept with the revision it is about. */
@Entity
@Table(name = "review_comment")
@NamedQuery(name = "ReviewComment.byArticle",
        query = "SELECT c FROM ReviewComment c WHERE c.revision.article.id = :articleId ORDER BY c.createdAt, c.id")
public class ReviewComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "revision_id", nullable = false, updatable = false)
    private Revision revision;

    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Account author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String body;

    protected ReviewComment() {
    }

    public ReviewComment(Revision revision, Account author, Instant createdAt, String body) {
        this.revision = revision;
        this.author = author;
        this.createdAt = createdAt;
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public Revision getRevision() {
        return revision;
    }

    public Account getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getBody() {
        return body;
    }
}
