package org.healthportal.cms.importing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.control.ArticleDraft;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.importing.entity.ImportJob;
import org.healthportal.cms.importing.entity.ImportedItem;
import org.healthportal.cms.importing.entity.OldAddress;
import org.healthportal.cms.media.control.MediaService;
import org.healthportal.cms.media.entity.MediaItem;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Slugs;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * The writes of an import, each item in its own transaction: one bad post fails alone, what was written stays
 * written, and a second import (or two at once: the unique key decides) finds each item rather than adding it again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportSteps {

    @PersistenceContext
    EntityManager em;

    @Inject
    ArticleChanges articles;

    @Inject
    CategoryService categories;

    @Inject
    MediaService media;

    @Inject
    AccountService accounts;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What a category of the export became, and whether it was made now. */
    public record CategoryResult(Long id, boolean created, String slug) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ImportedItem> find(String site, ImportedItem.Kind kind, long wordpressId) {
        return em.createNamedQuery("ImportedItem.find", ImportedItem.class).setParameter("site", site)
                .setParameter("kind", kind).setParameter("id", wordpressId).getResultStream().findFirst();
    }

    /**
     * The category a WordPress category becomes: the one made by an earlier import, else one here with the same
     * slug and name, else a new one under {@code parentId} with the slug where free ({@code -2}… where not).
     */
    public CategoryResult category(String site, long termId, String wantedSlug, String name, Long parentId,
                                   Long jobId, Collection<String> oldPaths) {
        Instant now = clock.instant();
        Optional<ImportedItem> known = termId > 0 ? find(site, ImportedItem.Kind.CATEGORY, termId) : Optional.empty();
        if (known.isPresent()) {
            Category c = categories.get(known.get().getCategoryId());
            return new CategoryResult(c.getId(), false, c.getSlug());
        }
        String label = name.length() > 100 ? name.substring(0, 100).strip() : name;
        String base = Slugs.fromTitle(wantedSlug);
        if (base.isEmpty()) {
            base = Slugs.fromTitle(label);
        }
        if (base.isEmpty()) {
            base = "category";
        }
        base = base.length() > 70 ? base.substring(0, 70).replaceAll("-+$", "") : base;
        Optional<Category> same = categories.findBySlug(base)
                .filter(c -> c.getNameZh().equals(label) || c.getNameEn().equals(label));
        Category category;
        boolean created;
        if (same.isPresent()) {
            category = same.get();
            created = false;
        } else {
            String slug = base;
            for (int n = 2; categories.findBySlug(slug).isPresent(); n++) {
                slug = base + "-" + n;
            }
            Category parent = parentId == null ? null : categories.get(parentId);
            category = categories.create(parent, slug, label, label, categories.children(parent).size());
            em.flush();
            created = true;
        }
        if (termId > 0) {
            em.persist(ImportedItem.category(site, termId, category.getId(), jobId, now));
        }
        claim(oldPaths, null, category.getId());
        em.flush();
        return new CategoryResult(category.getId(), created, category.getSlug());
    }

    /**
     * An image of the old site into the media library, recorded by its attachment id when it has one (an earlier
     * import's copy is used again); returns its public path.
     */
    public String image(String site, long attachmentId, String fileName, byte[] data, String alt, String uploader,
                        Long jobId) {
        if (attachmentId > 0) {
            Optional<ImportedItem> known = find(site, ImportedItem.Kind.ATTACHMENT, attachmentId);
            if (known.isPresent()) {
                Long id = known.get().getMediaId();
                // The name only: the image's bytes stay in the database.
                Optional<String> name = em.createQuery("SELECT m.fileName FROM MediaItem m WHERE m.id = :id",
                        String.class).setParameter("id", id).getResultStream().findFirst();
                if (name.isPresent()) {
                    return "/media/" + id + "/" + name.get();
                }
            }
        }
        MediaItem item = media.upload(fileName, data, alt, account(uploader));
        em.flush();
        if (attachmentId > 0) {
            em.persist(ImportedItem.image(site, attachmentId, item.getId(), jobId, clock.instant()));
            em.flush();
        }
        return item.path();
    }

    /**
     * One post as a draft: the article, the record that recognises it next time, and the old addresses no earlier
     * import claimed. A post imported meanwhile by another import fails here on the unique key, changing nothing.
     */
    public Long article(String site, ImportedItem.Kind kind, long wordpressId, ArticleDraft draft, String importer,
                        String author, Instant originallyPublished, Collection<String> oldPaths, Long jobId) {
        Instant now = clock.instant();
        Article article = articles.importDraft(draft, account(importer), account(author), originallyPublished);
        em.persist(ImportedItem.article(site, kind, wordpressId, article.getId(), jobId, now));
        em.flush();
        claim(oldPaths, article.getId(), null);
        em.flush();
        return article.getId();
    }

    /** Submits an imported draft in its author's name; a refusal leaves it a draft and says why. */
    public void submit(Long articleId, String author) {
        articles.submitImported(articleId, account(author));
    }

    private void claim(Collection<String> paths, Long articleId, Long categoryId) {
        for (String path : paths) {
            if (path != null && path.length() <= OldAddress.PATH_MAX && em.find(OldAddress.class, path) == null) {
                em.persist(articleId != null ? OldAddress.ofArticle(path, articleId)
                        : OldAddress.ofCategory(path, categoryId));
            }
        }
    }

    private Account account(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new CmsException.NotFound("No account " + username));
    }

    // The job's record, written by the node that runs it and read by any.

    public ImportJob createJob(String fileName, String siteUrl, String actor, String options, int total) {
        ImportJob job = new ImportJob(fileName, siteUrl, actor, options, total, clock.instant());
        em.persist(job);
        em.flush();
        return job;
    }

    public void running(Long jobId) {
        em.find(ImportJob.class, jobId).running(clock.instant());
    }

    public void progress(Long jobId, int done) {
        em.find(ImportJob.class, jobId).progress(done, clock.instant());
    }

    /** The end of a job, with its audit event in the same transaction. */
    public void finish(Long jobId, boolean ok, String error, String reportJson, String summary) {
        Instant now = clock.instant();
        ImportJob job = em.find(ImportJob.class, jobId);
        if (ok) {
            job.done(reportJson, now);
        } else {
            job.failed(error, reportJson, now);
        }
        audit.recordAdministration(job.getActor(), now, AuditAction.WORDPRESS_IMPORT, job.getFileName(),
                ok ? summary : "failed: " + error + (summary == null ? "" : "; " + summary));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ImportJob> job(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(ImportJob.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.List<ImportJob> recentJobs(int max) {
        return em.createQuery("SELECT j FROM ImportJob j ORDER BY j.createdAt DESC, j.id DESC", ImportJob.class)
                .setMaxResults(max).getResultList();
    }
}
