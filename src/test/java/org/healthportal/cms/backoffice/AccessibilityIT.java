package org.healthportal.cms.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * axe-core 4 in Chromium on every back-office screen, for each role and in both languages: the editor in each
 * state and mode (new, draft with its claims findings, preview, image picker, publish question, conflict, read
 * only), review, history, compliance record, media, audit, the admin screens (the WordPress import and its
 * report among them), notifications, password and the sign-in page. Any serious or critical violation fails the test, with where and why; the rest is printed.
 * axe needs a real browser: without Chromium (HtmlUnit) this skips, and CI requires Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    private static final Logger LOG = Logger.getLogger(AccessibilityIT.class.getName());
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private long draft;
    private long inReview;
    private long changesRequested;
    private long approved;
    private long published;

    @BeforeAll
    void articles() {
        draft = Articles.id(Api.as("editor").post("/api/articles", Articles.json(Articles.uniqueTitle("无障碍草稿"),
                "导语：本品可以根治失眠。", "<h2>1、针刺</h2><p>本疗法是最好的，可以根治失眠。</p>", Articles.categoryId(), null)
                .toString()).json());
        inReview = Articles.id(Articles.create(Articles.uniqueTitle("无障碍审核中")));
        Articles.ok(Articles.transition("editor", inReview, "submit"));
        changesRequested = Articles.id(Articles.create(Articles.uniqueTitle("无障碍退回修改")));
        Articles.ok(Articles.transition("editor", changesRequested, "submit"));
        Articles.ok(Articles.transition("reviewer", changesRequested, "request-changes", "请补充参考文献的年份。"));
        approved = Articles.id(Articles.create(Articles.uniqueTitle("无障碍已批准")));
        Articles.ok(Articles.transition("editor", approved, "submit"));
        Articles.ok(Articles.transition("reviewer", approved, "approve"));
        published = Articles.id(Articles.published(Articles.uniqueTitle("无障碍已发布")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"editor, zh", "editor, en", "reviewer, zh", "reviewer, en", "admin, zh", "admin, en"})
    void noSeriousOrCriticalViolationOnAnyScreen(String role, String language) {
        try (Browser browser = Browser.open()) {
            assumeTrue(browser.isChromium(), "axe-core needs Chromium (/usr/bin/chromium and chromedriver); CI requires it");
            Audit audit = new Audit(browser, role, language);
            BackOffice office = new BackOffice(browser);
            // The sign-in page, signed out, in the language chosen there; the back office then keeps it.
            audit.screen("login", "/login.xhtml", b -> {
                if (language.equals("en")) {
                    b.clickAndWaitForPage(By.id("langForm:langEn"));
                }
            });
            String tag = language.equals("en") ? "en" : "zh-CN";
            assertEquals(tag, office.pageLanguage(), "the sign-in page's lang");
            office.login(role);
            assertEquals(tag, office.pageLanguage(), "the back office's lang");
            for (String path : List.of("/admin/", "/admin/articles.xhtml", "/admin/media.xhtml", "/admin/audit.xhtml",
                    "/admin/notifications.xhtml", "/admin/password.xhtml")) {
                audit.screen(path, path, b -> { });
            }
            audit.screen("history", "/admin/articles/history.xhtml?id=" + published, b -> { });
            audit.screen("compliance", "/admin/articles/compliance.xhtml?id=" + published, b -> { });
            switch (role) {
                case "editor" -> editorScreens(audit, office);
                case "reviewer" -> reviewerScreens(audit);
                default -> adminScreens(audit);
            }
            audit.assertClean();
        }
    }

    private void editorScreens(Audit audit, BackOffice office) {
        audit.screen("new article", "/admin/articles/edit.xhtml", b -> { });
        audit.screen("draft with claims findings", "/admin/articles/edit.xhtml?id=" + draft,
                b -> b.clickAjax(By.id("editor:checkClaims")));
        audit.screen("preview dialog", "/admin/articles/edit.xhtml?id=" + draft, b -> {
            b.clickAjax(By.id("editor:preview"));
            b.waitUntil(d -> d.findElement(By.id("editor:previewDialog")).isDisplayed());
        });
        audit.screen("image picker", "/admin/articles/edit.xhtml?id=" + draft, b -> {
            b.click(By.id("editor:insertImage"));
            b.waitUntil(d -> d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
        });
        audit.screen("changes requested", "/admin/articles/edit.xhtml?id=" + changesRequested, b -> { });
        audit.screen("in review (editor)", "/admin/articles/edit.xhtml?id=" + inReview, b -> { });
        audit.screen("publish question", "/admin/articles/edit.xhtml?id=" + approved, b -> {
            b.click(By.id("editor:publish"));
            b.waitUntil(d -> d.findElement(By.cssSelector(".ui-confirm-dialog")).isDisplayed());
        });
        audit.screen("published", "/admin/articles/edit.xhtml?id=" + published, b -> { });
        audit.screen("conflict", "/admin/articles/edit.xhtml?id=" + draft, b -> {
            // Someone else saves first; this page's save then meets the conflict.
            JsonObject stored = Api.as("doctor").get("/api/articles/" + draft).json();
            Api.as("doctor").put("/api/articles/" + draft, Articles.json(stored.getString("title") + " 又改",
                    stored.getString("summary"), stored.getString("body"), Articles.categoryId(),
                    stored.getJsonNumber("version").longValue()).toString());
            office.new Editor().title("我的标题").save();
            assertTrue(b.exists(By.cssSelector(".conflict")), "the conflict shows");
        });
    }

    private void reviewerScreens(Audit audit) {
        audit.screen("review", "/admin/articles/review.xhtml?id=" + inReview, b -> { });
        audit.screen("re-review of a live article", "/admin/articles/review.xhtml?id=" + published, b -> { });
        audit.screen("read-only editor (in review)", "/admin/articles/edit.xhtml?id=" + inReview, b -> { });
        audit.screen("share a preview link", "/admin/articles/review.xhtml?id=" + inReview, b -> {
            if (b.exists(By.id("previewLinks:share"))) {
                b.clickAjax(By.id("previewLinks:share"));
                b.waitUntil(d -> d.findElement(By.id("previewLinks:shareDialog")).isDisplayed());
            }
        });
    }

    private void adminScreens(Audit audit) {
        for (String path : List.of("/admin/categories.xhtml", "/admin/accounts.xhtml", "/admin/disclaimers.xhtml",
                "/admin/claims.xhtml", "/admin/sign-ins.xhtml", "/admin/mail.xhtml")) {
            audit.screen(path, path, b -> { });
        }
        audit.screen("published, with takedown", "/admin/articles/edit.xhtml?id=" + published, b -> { });
        audit.screen("WordPress import", "/admin/import.xhtml", b -> { });
        audit.screen("WordPress import report", "/admin/import.xhtml?job=" + importedJob(), b -> { });
    }

    /** A small import with something in each part of the report: a draft with findings, a skipped item, a note. */
    private static long importedJob() {
        String site = "https://a11y-" + Long.toString(System.nanoTime(), 36) + ".example.cn";
        String xml = org.healthportal.cms.testsupport.WxrExports.site(site).author("editor", "无障碍作者")
                .category("a11y-" + Long.toString(System.nanoTime(), 36), "无障碍", "")
                .item(1, "post", "publish", "可根治的说法", "a11y-claims", "editor", "<p>据说可以根治。</p>[gallery ids=\"9\"]",
                        "", java.time.Instant.parse("2020-01-02T03:04:05Z"), List.of(), List.of("标签"), 0)
                .item(2, "revision", "inherit", "修订", "1-revision-v1", "editor", "", "", null, List.of(), List.of(), 0)
                .xml();
        org.healthportal.cms.testsupport.Api admin = org.healthportal.cms.testsupport.Api.as("admin");
        var answer = admin.send(new org.healthportal.cms.testsupport.Multipart()
                .file("wxr", "a11y.xml", "application/xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(admin.request("/api/import/wordpress?wait=60")));
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().getJsonNumber("id").longValue();
    }

    /** Runs axe on screen after screen and keeps what it finds. */
    private static final class Audit {

        private final Browser browser;
        private final String role;
        private final String language;
        private final List<String> failures = new ArrayList<>();
        private final List<String> others = new ArrayList<>();
        private int screens;

        Audit(Browser browser, String role, String language) {
            this.browser = browser;
            this.role = role;
            this.language = language;
        }

        void screen(String name, String path, Consumer<Browser> then) {
            browser.go(path);
            then.accept(browser);
            browser.waitForAjax();
            browser.waitForTransitions();
            Results results = new AxeBuilder().analyze(browser.driver());
            screens++;
            for (Rule rule : results.getViolations()) {
                List<String> where = new ArrayList<>();
                for (CheckedNode node : rule.getNodes()) {
                    where.add("    " + node.getTarget() + " " + abbreviate(node.getHtml()) + "\n      "
                            + String.valueOf(node.getFailureSummary()).replace("\n", " "));
                }
                String line = "[" + language + "] " + name + ": " + rule.getImpact() + " " + rule.getId() + " ("
                        + rule.getHelp() + "), " + rule.getNodes().size() + " element(s)\n" + String.join("\n", where);
                (FAILING.contains(rule.getImpact()) ? failures : others).add(line);
            }
        }

        void assertClean() {
            try {
                // The whole finding, for reading after a run: target/accessibility/{role}-{language}.txt.
                java.nio.file.Path dir = java.nio.file.Path.of("target", "accessibility");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(dir.resolve(role + "-" + language + ".txt"), screens + " screens\n"
                        + String.join("\n", failures) + "\n\nmoderate and minor:\n" + String.join("\n", others));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!others.isEmpty()) {
                LOG.info(() -> "axe, moderate and minor, on " + screens + " screens:\n" + String.join("\n", others));
            }
            assertTrue(failures.isEmpty(), "serious or critical axe violations on " + failures.size() + " of "
                    + screens + " screens' rules:\n" + String.join("\n", failures));
        }

        private static String abbreviate(String html) {
            String s = String.valueOf(html).replaceAll("\\s+", " ");
            return s.length() > 160 ? s.substring(0, 160) + "…" : s;
        }
    }
}
