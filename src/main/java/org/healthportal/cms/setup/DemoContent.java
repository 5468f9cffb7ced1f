package org.healthportal.cms.setup;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.control.PasswordCheck;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.compliance.entity.CredentialGate;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.content.control.HtmlSanitizer;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.content.entity.Reference;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.taxonomy.entity.Specialties;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.taxonomy.control.ReviewPolicy;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.content.entity.ReviewComment;
import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.Transition;

/**
 * First-start data. On the embedded database: the demo accounts, the category tree and sample articles from
 * {@code demo/demo-content.json}, walked through the real workflow methods so their history is as real as
 * their state. Elsewhere: only the first admin, from {@code CMS_ADMIN_PASSWORD}.
 */
@Stateless
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    /** Which specialties review each top of the tree; sub-categories inherit. */
    private static final Map<String, String> REVIEW_SPECIALTIES = Map.of(
            "zhongyi", "中医科, 针灸科",
            "kangfu", "康复医学科",
            "shenjing-neike", "神经内科",
            "guke", "骨科, 康复医学科");

    /** The accounts {@link #seed} creates, each with the password {@code <name>-demo}. */
    static final List<String> DEMO_USERNAMES = List.of("admin", "editor", "reviewer", "doctor", "retired");

    private static final String SOURCE = "健康科普内容平台编辑部（示例内容）";
    private static final String AUDIENCE = "关注相关健康问题的成年读者及其家属";

    /** The standard textbook of each branch, as the demo's one reference. */
    private static final Map<String, String> TEXTBOOKS = Map.of(
            "zhongyi", "针灸学",
            "kangfu", "康复医学",
            "shenjing-neike", "神经病学",
            "guke", "外科学");

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    PasswordCheck passwords;

    @Inject
    CategoryService categories;

    @Inject
    DisclaimerService disclaimers;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ReviewPolicy reviewPolicy;

    /** Adds whatever of the demo data is missing: accounts by name, categories and articles when there are none. */
    public void seed() {
        Account admin = demoAccount("admin", "管理员 Admin", EnumSet.of(Role.ADMIN));
        Account editor = demoAccount("editor", "李编辑", EnumSet.of(Role.EDITOR));
        Account reviewer = demoAccount("reviewer", "王医生", EnumSet.of(Role.REVIEWER));
        Account doctor = demoAccount("doctor", "张医生", EnumSet.of(Role.EDITOR, Role.REVIEWER));
        credentials(reviewer, "主任医师", "示例市中医医院", "中医科, 针灸科, 康复医学科, 神经内科", "110000000000001",
                LocalDate.now(clock).plusYears(2));
        credentials(doctor, "副主任医师", "示例大学附属康复医院", "康复医学科, 骨科", "110000000000002",
                LocalDate.now(clock).plusYears(2));
        // A reviewer whose verification has lapsed: the gate refuses their approvals until it is renewed.
        Account retired = demoAccount("retired", "陈医生", EnumSet.of(Role.REVIEWER));
        credentials(retired, "主任医师", "示例市第一人民医院", "中医科, 针灸科, 康复医学科, 神经内科", "110000000000003",
                LocalDate.now(clock).minusMonths(1));
        if (categories.count() > 0 || em.createNamedQuery("Article.count", Long.class).getSingleResult() > 0) {
            return;
        }
        JsonObject data = read();
        Map<String, Category> bySlug = new HashMap<>();
        addCategories(null, data.getJsonArray("categories"), bySlug);
        REVIEW_SPECIALTIES.forEach((slug, specialties) -> bySlug.get(slug).requireSpecialties(Specialties.parse(specialties)));
        // Medication content is reviewed yearly; the rest follows the site default.
        bySlug.get("zhongyao").reviewEvery(12);
        String reviewerCredentials = CredentialGate.snapshot(accounts.findReviewerProfile(reviewer).orElseThrow());
        JsonArray articles = data.getJsonArray("articles");
        Instant start = clock.instant().minus(Duration.ofDays(articles.size() + 1L));
        for (int i = 0; i < articles.size(); i++) {
            Instant at = start.plus(Duration.ofDays(i)).plus(Duration.ofHours(9));
            addArticle(articles.getJsonObject(i), bySlug, at, editor, reviewer, reviewerCredentials, admin);
        }
        LOG.info(() -> "Demo content loaded: " + bySlug.size() + " categories, " + articles.size() + " articles");
    }

    /**
     * The demo accounts that can sign in with their published password: enabled and still on their demo password,
     * or missing and about to be created with it when {@code seeding}.
     */
    public List<String> demoPasswordsInUse(boolean seeding) {
        List<String> exposed = new ArrayList<>();
        for (String username : DEMO_USERNAMES) {
            Optional<Account> account = accounts.findByUsername(username);
            if (account.isEmpty() ? seeding : account.get().isEnabled()
                    && passwords.matches(username, demoPassword(username), account.get().getPasswordHash())) {
                exposed.add(username);
            }
        }
        return exposed;
    }

    /** Creates the first admin on a database with no accounts; true when it did. */
    public boolean hasAccounts() {
        return accounts.count() > 0;
    }

    public boolean ensureFirstAdmin(Optional<String> password) {
        if (accounts.count() > 0) {
            return false;
        }
        if (password.isEmpty()) {
            LOG.warning("No accounts exist and CMS_ADMIN_PASSWORD is not set: set it and restart to create 'admin'");
            return false;
        }
        accounts.seed("admin", "Administrator", password.get(), EnumSet.of(Role.ADMIN), true);
        return true;
    }

    private Account demoAccount(String username, String displayName, EnumSet<Role> roles) {
        Account account = accounts.findByUsername(username)
                .orElseGet(() -> accounts.seed(username, displayName, demoPassword(username), roles, false));
        // Also for demo databases from before accounts had addresses.
        if (account.getEmail() == null) {
            account.changeEmail(username + "@example.org");
        }
        return account;
    }

    private static String demoPassword(String username) {
        return username + "-demo";
    }

    private void credentials(Account account, String title, String institution, String specialty, String licence,
                             LocalDate verifiedUntil) {
        if (accounts.findReviewerProfile(account).isEmpty()) {
            accounts.recordCredentials(new ReviewerProfile(account, title, institution, specialty, licence,
                    verifiedUntil));
        }
    }

    private JsonObject read() {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/demo-content.json");
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo/demo-content.json is missing from the WAR", e);
        }
    }

    private void addCategories(Category parent, JsonArray nodes, Map<String, Category> bySlug) {
        for (int i = 0; i < nodes.size(); i++) {
            JsonObject node = nodes.getJsonObject(i);
            Category c = categories.create(parent, node.getString("slug"), node.getString("zh"), node.getString("en"), i);
            bySlug.put(c.getSlug(), c);
            addCategories(c, node.getJsonArray("children"), bySlug);
        }
    }

    private void addArticle(JsonObject json, Map<String, Category> bySlug, Instant at,
                            Account editor, Account reviewer, String reviewerCredentials, Account admin) {
        Category category = bySlug.get(json.getString("category"));
        ArticleContent content = new ArticleContent(json.getString("title"), json.getString("summary"),
                HtmlSanitizer.sanitize(json.getString("body")), category, SOURCE, editor.getDisplayName(),
                AUDIENCE, List.of(textbookFor(category)));
        Article article = new Article(json.getString("slug"), at);
        em.persist(article);
        em.flush();
        Revision first = article.startFirstRevision(content, editor, at);
        em.persist(first);
        record(editor, at, new Transition(AuditAction.CREATE, first, null, RevisionState.DRAFT));

        String state = json.getString("state");
        if (state.equals("DRAFT")) {
            return;
        }
        Instant t = at.plus(Duration.ofHours(1));
        record(editor, t, article.submit(t));
        if (state.equals("IN_REVIEW")) {
            return;
        }
        t = t.plus(Duration.ofHours(2));
        if (state.equals("CHANGES_REQUESTED")) {
            Transition requested = article.requestChanges(json.getString("comment"), t);
            em.persist(new ReviewComment(first, reviewer, t, requested.comment()));
            record(reviewer, t, requested);
            return;
        }
        record(reviewer, t, article.approve(reviewer, () -> reviewerCredentials, t));
        if (state.equals("APPROVED")) {
            return;
        }
        t = t.plus(Duration.ofHours(1));
        Disclaimer disclaimer = disclaimers.current();
        record(editor, t, article.publish(disclaimer, t));
        article.scheduleNextReview(reviewPolicy.intervalFor(category));
        t = t.plus(Duration.ofHours(6));
        switch (state) {
            case "UNPUBLISHED" -> record(editor, t, article.unpublish("内容待更新", t));
            case "ARCHIVED" -> record(admin, t, article.archive("季节性内容已过时", t));
            case "PUBLISHED_WITH_DRAFT" -> {
                ArticleContent revised = new ArticleContent(json.getString("draftTitle"),
                        json.getString("draftSummary"), content.body(), category, content.source(), content.byline(),
                        content.audience(), content.references());
                Transition saved = article.edit(revised, editor, t).orElseThrow();
                em.persist(saved.revision());
                record(editor, t, saved);
                Instant s = t.plus(Duration.ofMinutes(30));
                record(editor, s, article.submit(s));
            }
            default -> {
                // PUBLISHED: nothing more.
            }
        }
    }

    private static Reference textbookFor(Category category) {
        String top = category.path().get(0).getSlug();
        String book = category.path().stream().anyMatch(c -> c.getSlug().equals("zhongyao")) ? "中药学"
                : TEXTBOOKS.getOrDefault(top, "内科学");
        return new Reference("《" + book + "》（全国高等学校规划教材）", "人民卫生出版社", null, null);
    }

    private void record(Account actor, Instant at, Transition transition) {
        record(actor, at, List.of(transition));
    }

    private void record(Account actor, Instant at, List<Transition> transitions) {
        em.flush();
        audit.record(transitions.stream().map(t -> t.event(actor.getUsername(), at)).toList());
    }
}
