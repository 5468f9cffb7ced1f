package org.healthportal.cms.importing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.content.control.ArticleDraft;
import org.healthportal.cms.content.control.Sources;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.importing.entity.ImportJob;
import org.healthportal.cms.importing.entity.ImportedItem;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Html;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * Moves a WordPress site in. {@link #start} reads the export through once in the request (a malformed file is
 * refused there, nothing written) and queues a job; the job reads it again and writes each item in its own
 * transaction ({@link ImportSteps}), recording progress and, at the end, the report and the audit event. Everything
 * arrives as a draft, or submitted for review by choice: an import never publishes.
 */
@ApplicationScoped
public class WordPressImports {

    private static final Logger LOG = Logger.getLogger(WordPressImports.class.getName());
    /** Progress is written at most this often, so the job's row is not the import's bottleneck. */
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    @Inject
    ImportSteps steps;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    CategoryService categories;

    @Inject
    ClaimsService claims;

    @Inject
    Clock clock;

    @Inject
    Instance<RequestContextController> requestContexts;

    /** The jobs this node runs, each completed when it ends. */
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "cms.import.fetch-timeout", defaultValue = "PT10S")
    Duration fetchTimeout;

    @Inject
    @ConfigProperty(name = "cms.import.max-export-mb", defaultValue = "512")
    long maxExportMb;

    @Inject
    @ConfigProperty(name = "cms.import.max-uploads-mb", defaultValue = "4096")
    long maxUploadsMb;

    /** Whether images may be fetched from an old site on a private network (an intranet's, say). */
    @Inject
    @ConfigProperty(name = "cms.import.fetch-private-addresses", defaultValue = "false")
    boolean fetchPrivateAddresses;

    /** An upload waiting to be imported: the export, and the uploads zip when one came with it. */
    public record Upload(String fileName, Path wxr, Path uploadsZip) {
    }

    /**
     * Checks the export and queues its import, as the signed-in admin; the files are the job's from here on (it
     * deletes them when done). Refuses a file that is not a sound WordPress export, and an unknown author account.
     */
    public ImportJob start(Upload upload, ImportOptions options) {
        Account importer;
        ExportSurvey survey;
        String fallback;
        try {
            importer = currentUser.requireAdmin("Only admins import WordPress exports");
            survey = ExportSurvey.of(upload.wxr());
            fallback = options.authorAccount() == null ? importer.getUsername() : options.authorAccount();
            Account chosen = accounts.findByUsername(fallback).orElseThrow(() -> new CmsException.InvalidInput(
                    "No account " + fallback + " for the posts of authors without one here").withKey("import.noSuchAccount", fallback));
            if (!writes(chosen)) {
                throw new CmsException.InvalidInput("The account " + fallback + " cannot write articles (it needs"
                        + " the editor or admin role)").withKey("import.accountCannotWrite", fallback);
            }
            if (upload.uploadsZip() != null) {
                try (ZipFile ignored = new ZipFile(upload.uploadsZip().toFile())) {
                    // Opened once here so a broken zip is refused before anything is queued.
                } catch (ZipException e) {
                    throw new CmsException.InvalidInput("The uploads file is not a zip archive: " + e.getMessage())
                            .withKey("import.badZip");
                }
            }
        } catch (RuntimeException | IOException e) {
            delete(upload);
            if (e instanceof IOException io) {
                throw new CmsException.InvalidInput("The uploads zip could not be read: " + io.getMessage());
            }
            throw (RuntimeException) e;
        }
        ImportJob job = steps.createJob(upload.fileName(), survey.siteKey(), importer.getUsername(), options.describe(),
                survey.items());
        Long jobId = job.getId();
        String importerName = importer.getUsername();
        CompletableFuture<Void> end = new CompletableFuture<>();
        running.put(jobId, end);
        try {
            executor.submit(() -> {
                // No request here: a request context of its own for the beans that are request-scoped.
                RequestContextController context = requestContexts.get();
                context.activate();
                try {
                    run(jobId, upload, survey, options, importerName, fallback);
                } finally {
                    context.deactivate();
                    requestContexts.destroy(context);
                    running.remove(jobId);
                    end.complete(null);
                }
            });
        } catch (RuntimeException e) {
            running.remove(jobId);
            end.complete(null);
            steps.finish(jobId, false, "the import could not be started: " + e.getMessage(), null, null);
            delete(upload);
        }
        return job;
    }

    /** The export as it arrives, into a file of the job's, refused past {@code CMS_IMPORT_MAX_EXPORT_MB}. */
    public Path receiveExport(InputStream content) throws IOException {
        return UploadFiles.copy(content, ".xml", maxExportMb, "export", "CMS_IMPORT_MAX_EXPORT_MB");
    }

    /** The uploads zip as it arrives, refused past {@code CMS_IMPORT_MAX_UPLOADS_MB}. */
    public Path receiveUploads(InputStream content) throws IOException {
        return UploadFiles.copy(content, ".zip", maxUploadsMb, "uploads zip", "CMS_IMPORT_MAX_UPLOADS_MB");
    }

    public long maxUploadsMb() {
        return maxUploadsMb;
    }

    /**
     * Waits, at most {@code patience}, for a job this node runs to end; true when it has (a job of another node, or
     * one already ended, is not waited for).
     */
    public boolean awaitEnd(Long jobId, Duration patience) {
        CompletableFuture<Void> end = running.get(jobId);
        if (end == null || patience.isZero() || patience.isNegative()) {
            return end == null;
        }
        try {
            end.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    public Optional<ImportJob> job(Long id) {
        currentUser.requireAdmin("Only admins see imports");
        return steps.job(id);
    }

    public List<ImportJob> recent(int max) {
        currentUser.requireAdmin("Only admins see imports");
        return steps.recentJobs(max);
    }

    private static boolean writes(Account account) {
        return account.isEnabled() && (account.has(Role.EDITOR) || account.has(Role.ADMIN));
    }

    void run(Long jobId, Upload upload, ExportSurvey survey, ImportOptions options, String importer, String fallback) {
        ImportReport report = new ImportReport(upload.fileName());
        report.site(survey.siteKey());
        try (ZipFile zip = upload.uploadsZip() == null ? null : new ZipFile(upload.uploadsZip().toFile())) {
            steps.running(jobId);
            new Run(jobId, survey, options, importer, fallback, report, zip).all(upload.wxr());
            steps.finish(jobId, true, null, report.toJson().toString(), report.summary());
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "WordPress import " + jobId + " failed", e);
            String why = e instanceof CmsException ? e.getMessage() : "an unexpected error (" + e.getClass().getSimpleName()
                    + "); what was imported stays and is recognised next time";
            try {
                steps.finish(jobId, false, why, report.toJson().toString(), report.summary());
            } catch (RuntimeException again) {
                LOG.log(Level.SEVERE, "WordPress import " + jobId + ": its failure could not be recorded", again);
            }
        } finally {
            delete(upload);
        }
    }

    private static void delete(Upload upload) {
        for (Path p : new Path[]{upload.wxr(), upload.uploadsZip()}) {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the upload " + p, e);
                }
            }
        }
    }

    /** One job's second pass. */
    private final class Run {
        private final Long jobId;
        private final ExportSurvey survey;
        private final String site;
        private final ImportOptions options;
        private final String importer;
        private final ImportReport report;
        private final ImageLibrary images;
        /** The library, with a sign of life before each image (a fetch may take its time). */
        private final WordPressText.Images beating = new WordPressText.Images() {
            @Override
            public Optional<WordPressText.Image> byUrl(String url) {
                progress();
                return images.byUrl(url);
            }

            @Override
            public Optional<WordPressText.Image> byId(long attachmentId) {
                progress();
                return images.byId(attachmentId);
            }
        };
        /** WordPress login → the account here and the byline. */
        private final Map<String, String[]> authors = new HashMap<>();
        private final String fallback;
        /** WordPress category slug → category id here. */
        private final Map<String, Long> categoryIds = new LinkedHashMap<>();
        private Long defaultCategory;
        private int done;
        private Instant lastProgress = Instant.EPOCH;

        Run(Long jobId, ExportSurvey survey, ImportOptions options, String importer, String fallback,
            ImportReport report, ZipFile zip) {
            this.jobId = jobId;
            this.survey = survey;
            this.site = survey.siteKey();
            this.options = options;
            this.importer = importer;
            this.fallback = fallback;
            this.report = report;
            this.images = new ImageLibrary(site, survey.attachments(), zip, options.fetchImages(), fetchTimeout,
                    fetchPrivateAddresses,
                    (id, name, data, alt) -> steps.image(site, id, name, data, alt, importer, jobId), report);
        }

        void all(Path wxr) throws IOException {
            mapAuthors();
            placeCategories();
            try (InputStream in = Files.newInputStream(wxr)) {
                WxrReader.read(in, new Wxr.Handler() {
                    @Override
                    public void item(Wxr.Item item) {
                        if (!"attachment".equals(item.postType())) {
                            one(item);
                            done++;
                            progress();
                        }
                    }
                });
            }
        }

        private void mapAuthors() {
            for (Wxr.Author a : survey.authors()) {
                String byline = a.displayName().isBlank() ? a.login() : a.displayName();
                Optional<Account> same = accounts.findByUsername(a.login()).filter(WordPressImports::writes);
                String account = same.map(Account::getUsername).orElse(fallback);
                authors.put(a.login(), new String[]{account, byline});
                report.author(a.login(), account, same.isPresent() ? "login" : "chosen");
            }
        }

        private void placeCategories() {
            CategoryPlan plan = CategoryPlan.of(survey.categories());
            plan.notes().forEach(report::note);
            for (CategoryPlan.Entry e : plan.entries()) {
                Long parent = e.parentSlug() == null ? null : categoryIds.get(e.parentSlug());
                String name = e.term().name().isBlank() ? e.term().slug() : WordPressText.unescape(e.term().name());
                List<String> oldPaths = List.of(OldAddresses.ofCategory(e.path()));
                ImportSteps.CategoryResult result;
                try {
                    result = steps.category(site, e.term().termId(), e.term().slug(), name, parent, jobId, oldPaths);
                } catch (CmsException ex) {
                    report.note(Note.of("note.categoryNotImported", e.term().slug(), Note.of(ex)));
                    continue;
                } catch (RuntimeException raced) {
                    // Another import made it (or its slug) at the same moment: the second try finds it.
                    result = steps.category(site, e.term().termId(), e.term().slug(), name, parent, jobId, oldPaths);
                }
                categoryIds.put(e.term().slug(), result.id());
                report.category(result.created());
            }
        }

        private Long defaultCategory() {
            if (defaultCategory == null) {
                defaultCategory = categoryIds.values().stream().findFirst()
                        .or(() -> categories.children(null).stream().findFirst().map(Category::getId))
                        .orElseThrow(() -> new CmsException.InvalidInput("There is no category to put posts in:"
                                + " the export has none and neither has this site"));
            }
            return defaultCategory;
        }

        private void one(Wxr.Item item) {
            String title = title(item);
            Optional<Note> skip = ItemSelection.skipReason(item, options);
            if (skip.isPresent()) {
                report.add(line(item, title, ImportReport.Outcome.SKIPPED, null, skip.get(), List.of(), List.of()));
                return;
            }
            ImportedItem.Kind kind = "page".equals(item.postType()) ? ImportedItem.Kind.PAGE : ImportedItem.Kind.POST;
            Optional<ImportedItem> known = steps.find(site, kind, item.postId());
            if (known.isPresent()) {
                report.add(line(item, title, ImportReport.Outcome.ALREADY_IMPORTED, known.get().getArticleId(), null,
                        List.of(), List.of()));
                return;
            }
            List<Note> notes = new ArrayList<>();
            try {
                WordPressText.Cleaned cleaned = WordPressText.clean(item.content(), beating);
                notes.addAll(cleaned.notes());
                String body = featured(item, cleaned.html(), notes);
                if (body.isBlank()) {
                    body = "<p>" + Html.escapeText(title) + "</p>";
                    notes.add(Note.of("note.noText"));
                }
                String lead = WordPressText.lead(item.excerpt(), body);
                if (lead.isBlank()) {
                    lead = title;
                }
                Long category = category(item, notes);
                String[] author = authors.getOrDefault(item.creator(), new String[]{fallback, item.creator()});
                if (!authors.containsKey(item.creator())) {
                    notes.add(Note.of("note.unknownAuthor", item.creator(), fallback));
                }
                String byline = author[1] == null || author[1].isBlank() ? null : cut(author[1], ArticleContent.META_MAX);
                ArticleDraft draft = new ArticleDraft(title, lead, body, category, decode(item.slug()),
                        new Sources(null, byline, null, List.of()));
                List<String> found = claims.check(title, lead, body).stream()
                        .map(f -> f.term() + " (" + f.kind() + ", ×" + f.occurrences() + ")").toList();
                boolean published = "publish".equals(item.status());
                Set<String> oldPaths = published ? OldAddresses.ofItem(item, survey.site().baseSiteUrl()) : Set.of();
                Long articleId;
                try {
                    articleId = steps.article(site, kind, item.postId(), draft, importer, author[0],
                            published ? item.date() : null, oldPaths, jobId);
                } catch (RuntimeException race) {
                    Optional<ImportedItem> meanwhile = steps.find(site, kind, item.postId());
                    if (meanwhile.isPresent()) {
                        report.add(line(item, title, ImportReport.Outcome.ALREADY_IMPORTED,
                                meanwhile.get().getArticleId(), null, List.of(), List.of()));
                        return;
                    }
                    throw race;
                }
                if (options.submitForReview()) {
                    try {
                        steps.submit(articleId, author[0]);
                    } catch (CmsException refused) {
                        notes.add(Note.of("note.notSubmitted", Note.of(refused)));
                    }
                }
                report.add(new ImportReport.Line(item.postId(), title, ImportReport.Outcome.CREATED, articleId, null,
                        List.copyOf(notes), item.tagNames(), found));
            } catch (CmsException e) {
                report.add(line(item, title, ImportReport.Outcome.FAILED, null, Note.of(e), notes, item.tagNames()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "WordPress import " + jobId + ": item " + item.postId() + " failed", e);
                report.add(line(item, title, ImportReport.Outcome.FAILED, null,
                        Note.of("note.notWritten", e.getClass().getSimpleName()), notes, item.tagNames()));
            }
        }

        /** The featured image, above the text when the text does not show it already. */
        private String featured(Wxr.Item item, String body, List<Note> notes) {
            long id = item.thumbnailId();
            if (id <= 0) {
                return body;
            }
            Optional<WordPressText.Image> image = beating.byId(id);
            if (image.isEmpty()) {
                notes.add(Note.of("note.featuredMissing", id));
                return body;
            }
            if (body.contains(image.get().src())) {
                return body;
            }
            if (image.get().alt().isBlank()) {
                notes.add(Note.of("note.featuredNoAlt", image.get().src()));
            }
            return "<p><img src=\"" + Html.escape(image.get().src()) + "\" alt=\"" + Html.escape(image.get().alt())
                    + "\"></p>" + body;
        }

        private Long category(Wxr.Item item, List<Note> notes) {
            for (String slug : item.categorySlugs()) {
                Long id = categoryIds.get(slug);
                if (id != null) {
                    if (item.categorySlugs().size() > 1) {
                        notes.add(Note.of("note.severalCategories", item.categorySlugs().size(), slug));
                    }
                    return id;
                }
            }
            Long id = defaultCategory();
            notes.add(Note.of("note.noCategory", id));
            return id;
        }

        private String title(Wxr.Item item) {
            String t = WordPressText.unescape(item.title() == null ? "" : item.title()).strip();
            if (t.isEmpty()) {
                t = "(无标题) #" + item.postId();
            }
            return cut(t, ArticleContent.TITLE_MAX);
        }

        private ImportReport.Line line(Wxr.Item item, String title, ImportReport.Outcome outcome, Long articleId,
                                       Note reason, List<Note> notes, List<String> tags) {
            return new ImportReport.Line(item.postId(), title, outcome, articleId, reason, List.copyOf(notes),
                    List.copyOf(tags), List.of());
        }

        private void progress() {
            Instant now = clock.instant();
            if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) >= 0) {
                lastProgress = now;
                steps.progress(jobId, done);
            }
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }

    private static String decode(String slug) {
        try {
            return slug == null ? "" : java.net.URLDecoder.decode(slug.replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }
}
