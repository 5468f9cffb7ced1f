package org.healthportal.cms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The XSS corpus ({@code security/xss-payloads.txt}) through every text field an editor, a reviewer and an admin
 * can fill, rendered in real Chromium on every screen and public page that shows them, and in the URL parameters of
 * public pages and the login page. Before every document a marker replaces alert, confirm and prompt and a listener
 * keeps the page's Content-Security-Policy violations; after every page the test asks whether a payload ran or got
 * into the page as markup that could run, and whether JSF EL of user text was evaluated.
 *
 * <p>Data goes in through the API where there is one (articles, workflow comments, justifications, takedown and
 * correction) and through the admin screens where there is none (account, reviewer credentials, category,
 * disclaimer, claims dictionary, media alt text). Every problem is collected, so one run reports all of them.
 */
class XssCorpusBrowserIT {

    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])1[0-9]{2}(?![0-9])");
    private static final int ARTICLES = 6;

    private final XssPayloads payloads = XssPayloads.load();
    private final String tag = "xsscorpus" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final String reviewer = "xssrev" + UUID.randomUUID().toString().substring(0, 6);
    private final String reviewerPassword = "Corpus-" + UUID.randomUUID() + "-Rv";
    private final List<String> problems = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> pagesChecked = new ArrayList<>();

    private Browser browser;
    private long categoryId;
    private String categorySlug;
    private final List<String> claimTerms = new ArrayList<>();
    private String previousDisclaimerZh;
    private String previousDisclaimerEn;

    @Test
    void noPayloadRunsOnAnyScreenOrPublicPage() throws Exception {
        try (Browser b = Browser.open()) {
            browser = b;
            Assumptions.assumeTrue(b.isChromium(), "The XSS corpus needs Chromium (CSP violation events and script"
                    + " behaviour HtmlUnit does not have): install chromium and chromium-driver, or set CMS_BROWSER=chromium");
            ((ChromeDriver) b.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", resource("xss-marker.js")));

            urlParametersOfPublicPages();

            signIn("admin", "admin-demo");
            try {
                adminFillsEveryFieldOnTheScreens();
                Written written = editorsAndReviewersWriteThroughTheApi();

                signIn(reviewer, reviewerPassword);
                reviewerScreens(written);
                signIn("editor", "editor-demo");
                editorScreens(written);
                signIn("admin", "admin-demo");
                adminScreens(written);
            } finally {
                signIn("admin", "admin-demo");
                tidyUp();
            }
            b.clearCookies();
            publicPages(written());
        }
        feedIsWellFormed();
        System.err.println("XssCorpusBrowserIT: " + payloads.all().size() + " payloads, " + pagesChecked.size()
                + " pages checked: " + pagesChecked);
        assertTrue(problems.isEmpty(), problems.size() + " XSS problem(s):\n" + String.join("\n", problems));
        assertNoCspViolations(violations);
    }

    /**
     * CSP violations seen on the pages: none at all. One of the back office's own would be a script the policy
     * stops (a broken screen); one of a payload's, a payload that reached the page as active content and only the
     * policy stopped. Those are named first.
     */
    static void assertNoCspViolations(List<String> violations) {
        violations.forEach(v -> System.err.println("CSP violation: " + v));
        List<String> payloadOnes = violations.stream()
                .filter(v -> Pattern.compile("alert|confirm\\(|prompt\\(|__xss|xss-ran|javascript:|data:text/html")
                        .matcher(v.replaceFirst("^[^:]*: ", "")).find())
                .toList();
        assertTrue(payloadOnes.isEmpty(), "CSP blocked payloads that had reached the page:\n" + String.join("\n", payloadOnes));
        assertTrue(violations.isEmpty(), "CSP violations:\n" + String.join("\n", violations));
    }

    // ---- URL parameters --------------------------------------------------------------------------------------

    private void urlParametersOfPublicPages() {
        List<String> chosen = new ArrayList<>(payloads.all().stream()
                .filter(p -> p.matches("(?s).*\\((101|110|121|130|149|150|151|153|156|157|179|181)\\).*")
                        || p.contains("EL-EVALUATED") || p.contains("9999*9999"))
                .toList());
        for (String p : chosen) {
            String q = query(p);
            check("/search?q=" + q);
            check("/categories/zhenci-liaofa?page=" + q);
            check("/login.xhtml?expired=" + q + "&loggedOut=" + q);
            check("/articles/" + q.replace("+", "%20"));
        }
        // Overlong UTF-8 and a percent-encoded NUL, as raw bytes in the URL.
        check("/search?q=%C0%BCscript%C0%BEalert(190)%C0%BC/script%C0%BE");
        check("/search?q=%3Cscr%00ipt%3Ealert(191)%3C/script%3E");
        check("/categories/%3Csvg%20onload=alert(192)%3E");
        check("/login.xhtml?expired=true&loggedOut=%22%3E%3Cscript%3Ealert(193)%3C/script%3E");
    }

    // ---- the admin's fields, through the screens ---------------------------------------------------------------

    private void adminFillsEveryFieldOnTheScreens() throws IOException {
        // An own reviewer: display name and every credential field carry payloads (the demo reviewer stays as it is).
        browser.go("/admin/accounts.xhtml");
        set("accounts:username", reviewer);
        set("accounts:displayName", payloads.next("displayName", "", 100));
        set("accounts:password", reviewerPassword);
        tick("accounts:roles:1");
        browser.clickAjax(By.id("accounts:create"));
        assertTrue(browser.exists(By.cssSelector("tr.account-" + reviewer)), "the reviewer account: " + messages());
        checkCurrent("/admin/accounts.xhtml (after create)");
        browser.clickAjax(By.cssSelector("tr.account-" + reviewer + " button[id$=':edit']"));
        String specialty = payloads.next("specialty", "", 200);
        set("accounts:title", payloads.next("credentialTitle", "", 100));
        set("accounts:institution", payloads.next("institution", "", 200));
        set("accounts:specialty", specialty);
        set("accounts:licence", payloads.next("licence", "", 64));
        set("accounts:verifiedUntil_input", "2099-12-31");
        browser.clickAjax(By.id("accounts:saveAccount"));
        assertTrue(messages().contains("账号已保存"), "credentials saved: " + messages());
        checkCurrent("/admin/accounts.xhtml (after saving credentials)");

        // A category: a payload as its address is refused with a message; names and specialties carry payloads.
        browser.go("/admin/categories.xhtml");
        set("categories:slug", "<script>alert(101)</script>");
        set("categories:nameZh", "拒绝");
        set("categories:nameEn", "refused");
        browser.clickAjax(By.id("categories:add"));
        assertTrue(!messages().isBlank(), "a payload address is refused with a message");
        checkCurrent("/admin/categories.xhtml (refused address)");
        categorySlug = "xss-" + tag.substring(tag.length() - 6);
        set("categories:slug", categorySlug);
        set("categories:nameZh", payloads.next("categoryZh", "", 100));
        set("categories:nameEn", payloads.next("categoryEn", "", 100));
        browser.clickAjax(By.id("categories:add"));
        By row = By.cssSelector("li[data-slug='" + categorySlug + "']");
        assertTrue(browser.exists(row), "the category: " + messages());
        browser.clickAjax(By.cssSelector("li[data-slug='" + categorySlug + "'] [id$=':edit']"));
        set(browser.find(By.cssSelector("li[data-slug='" + categorySlug + "'] input[id$=':editedSpecialties']")).getAttribute("id"),
                specialty);
        browser.clickAjax(By.cssSelector("li[data-slug='" + categorySlug + "'] [id$=':saveEdit']"));
        assertTrue(messages().contains("栏目已保存"), "specialties saved: " + messages());
        categoryId = Api.as("editor").get("/api/categories").array().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("slug").equals(categorySlug)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();

        // A disclaimer version of payloads (the earlier text comes back at the end).
        browser.go("/admin/disclaimers.xhtml");
        previousDisclaimerZh = value("disclaimers:textZh");
        previousDisclaimerEn = value("disclaimers:textEn");
        set("disclaimers:textZh", payloads.next("disclaimerZh", "免责声明 " + tag + "：", 4000));
        set("disclaimers:textEn", payloads.next("disclaimerEn", "Disclaimer " + tag + ":", 4000));
        browser.clickAjax(By.id("disclaimers:publishVersion"));
        assertTrue(messages().contains("已保存为第"), "the disclaimer version: " + messages());

        // Claims terms that are payloads: the articles' text contains them, so they are flagged and marked.
        browser.go("/admin/claims.xhtml");
        for (String term : List.of("<script>alert(101)</script>", "免费义诊<script>alert(181)</script>针灸疗法")) {
            set("claims:term", term);
            set("claims:note", payloads.next("claimNote", "", 500));
            browser.clickAjax(By.id("claims:add"));
            assertTrue(Boolean.TRUE.equals(browser.script("return document.getElementById('claims:terms').textContent"
                    + ".indexOf(arguments[0]) >= 0;", term)), "the term " + term + ": " + messages());
            claimTerms.add(term);
        }

        // An image whose alt text and file name are payloads.
        Path dir = Files.createTempDirectory("xss-media");
        Path png = dir.resolve("穴位'\"><svg onload=alert(189)>.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        String alt = payloads.next("alt", "", 250);
        browser.go("/admin/media.xhtml");
        browser.find(By.cssSelector("input[type=file]")).sendKeys(png.toString());
        set("upload:alt", alt);
        browser.clickAndWaitForPage(By.id("upload:send"));
        if (!messages().contains("已上传")) {
            // PrimeFaces refuses some file names before the upload action runs, without a message: a plain name then.
            System.err.println("XssCorpusBrowserIT: the file name " + png.getFileName() + " was refused without a message: "
                    + messages());
            Path plain = Files.copy(png, dir.resolve("xss-alt.png"));
            browser.find(By.cssSelector("input[type=file]")).sendKeys(plain.toString());
            set("upload:alt", alt);
            browser.clickAndWaitForPage(By.id("upload:send"));
        }
        assertTrue(messages().contains("已上传"), "the image: " + messages() + " on " + browser.url() + ": "
                + browser.text(By.tagName("body")));
        checkCurrent("/admin/media.xhtml (after upload)");
    }

    // ---- the editor's and reviewer's fields, through the API --------------------------------------------------

    /** What the API wrote: the main articles (live, with a new revision in review), one taken down, one draft. */
    private record Written(List<Long> main, List<String> publicPaths, long takenDown, String takenDownPath, long draft) {
    }

    private Written writtenData;

    private Written written() {
        return writtenData;
    }

    private Written editorsAndReviewersWriteThroughTheApi() {
        Api editor = Api.as("editor");
        Api rev = Api.as(reviewer, reviewerPassword);

        // An address that is a payload is refused cleanly, on create and on update.
        for (String p : payloads.all().subList(0, 5)) {
            Api.Response r = editor.post("/api/articles", article(0, null).add("slug", p).build().toString());
            assertEquals(400, r.status(), "a payload address: " + r);
            assertTrue(r.json().containsKey("error"), r.toString());
        }

        // So is text with a character XML forbids, which would break every back-office screen showing it.
        Api.Response nul = editor.post("/api/articles", article(0, null).add("title", tag + " <scr\u0000ipt>").build().toString());
        assertEquals(400, nul.status(), "a NUL in a title: " + nul);
        assertTrue(nul.json().getString("error").contains("control characters"), nul.toString());

        List<Long> main = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            JsonObject a = created(editor.post("/api/articles", article(i, null).build().toString()));
            long id = a.getJsonNumber("id").longValue();
            submit(editor, id);
            a = ok(rev.post("/api/articles/" + id + "/transitions", transition("request-changes", "reviewComment", 4000)));
            a = ok(editor.put("/api/articles/" + id, article(i, a.getJsonNumber("version").longValue()).build().toString()));
            submit(editor, id);
            ok(rev.post("/api/articles/" + id + "/transitions", transition("approve", "approveComment", 4000)));
            a = ok(editor.post("/api/articles/" + id + "/transitions", "{\"action\":\"publish\"}"));
            paths.add(a.getString("publicUrl"));
            a = ok(editor.post("/api/articles/" + id + "/transitions", transition("correct", "correction", 2000)));
            // A third revision in review: the review screen shows it beside the live one.
            ok(editor.put("/api/articles/" + id, article(i + ARTICLES, a.getJsonNumber("version").longValue()).build().toString()));
            submit(editor, id);
            main.add(id);
        }

        JsonObject t = created(editor.post("/api/articles", article(2 * ARTICLES, null).build().toString()));
        long takenDown = t.getJsonNumber("id").longValue();
        submit(editor, takenDown);
        ok(rev.post("/api/articles/" + takenDown + "/transitions", transition("approve", "approveComment", 4000)));
        String takenDownPath = ok(editor.post("/api/articles/" + takenDown + "/transitions", "{\"action\":\"publish\"}"))
                .getString("publicUrl");
        ok(editor.post("/api/articles/" + takenDown + "/transitions", transition("takedown", "takedown", 4000)));

        long draft = created(editor.post("/api/articles", article(2 * ARTICLES + 1, null).build().toString()))
                .getJsonNumber("id").longValue();
        writtenData = new Written(main, paths, takenDown, takenDownPath, draft);
        return writtenData;
    }

    /** An article whose every text field carries payloads; the body has them as markup and as text. */
    private JsonObjectBuilder article(int n, Long version) {
        StringBuilder body = new StringBuilder("<h2>" + tag + " 第" + n + "版</h2>");
        for (String p : payloads.all()) {
            body.append("<p>").append(p).append("</p><p>").append(escape(p)).append("</p>");
        }
        List<String> links = payloads.links();
        JsonArrayBuilder refs = Json.createArrayBuilder();
        for (int r = 0; r < 2; r++) {
            refs.add(Json.createObjectBuilder().add("title", api(payloads.next("refTitle", "", 300)))
                    .add("publisher", api(payloads.next("refPublisher", "", 200))).add("year", 2020)
                    .add("link", api(links.get((2 * n + r) % links.size()))));
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("title", api(payloads.next("title", tag, 200)))
                .add("summary", api(payloads.next("summary", tag, 1000)))
                .add("body", api(body.toString()))
                .add("categoryId", categoryId)
                .add("source", api(payloads.next("source", "", 200)))
                .add("byline", api(payloads.next("byline", "", 200)))
                .add("audience", api(payloads.next("audience", "", 200)))
                .add("references", refs);
        if (version != null) {
            b.add("version", version);
        }
        return b;
    }

    /** Submits with a payload justification for every finding of the claims check. */
    private void submit(Api editor, long id) {
        JsonObjectBuilder justifications = Json.createObjectBuilder();
        for (JsonValue f : ok(editor.get("/api/articles/" + id + "/claims")).getJsonArray("current")) {
            justifications.add(f.asJsonObject().getString("term"), api(payloads.next("justification", "依据：", 2000)));
        }
        ok(editor.post("/api/articles/" + id + "/transitions", Json.createObjectBuilder().add("action", "submit")
                .add("justifications", justifications).build().toString()));
    }

    /**
     * Text for the API: without U+0000, which the API refuses (characters XML forbids break the back office's ajax
     * answers); the screens take the NUL payloads as they are and the server removes the character.
     */
    private static String api(String text) {
        return text.replace("\u0000", "");
    }

    private String transition(String action, String field, int max) {
        return Json.createObjectBuilder().add("action", action).add("comment", api(payloads.next(field, "", max)))
                .build().toString();
    }

    // ---- rendering ---------------------------------------------------------------------------------------------

    private void reviewerScreens(Written w) {
        check("/admin/index.xhtml");
        check("/admin/articles.xhtml?category=" + categoryId);
        for (long id : w.main()) {
            check("/admin/articles/review.xhtml?id=" + id);
        }
    }

    private void editorScreens(Written w) {
        check("/admin/index.xhtml");
        check("/admin/articles.xhtml?category=" + categoryId);
        check("/admin/media.xhtml");
        for (long id : w.main()) {
            check("/admin/articles/edit.xhtml?id=" + id);
            check("/admin/articles/history.xhtml?id=" + id);
        }
        check("/admin/articles/edit.xhtml?id=" + w.takenDown());

        // The draft: the claims check, the preview (body, sources, disclaimer as readers would see them), the media
        // picker, and a save that lost a race (the conflict's diffs of both versions).
        String draft = "/admin/articles/edit.xhtml?id=" + w.draft();
        check(draft);
        browser.clickAjax(By.id("editor:checkClaims"));
        checkCurrent(draft + " (claims check)");
        browser.clickAjax(By.id("editor:preview"));
        browser.waitUntil(d -> d.findElement(By.id("editor:previewDialog")).isDisplayed());
        checkCurrent(draft + " (preview)");
        browser.go(draft);
        browser.script("PF('categoryMenu').show();");
        browser.waitUntil(d -> d.findElement(By.id("editor:category_panel")).isDisplayed());
        checkCurrent(draft + " (the category picker open)");
        browser.go(draft);
        browser.click(By.id("editor:insertImage"));
        browser.waitUntil(d -> d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
        checkCurrent(draft + " (media picker)");
        browser.go(draft);
        JsonObject current = ok(Api.as("editor").get("/api/articles/" + w.draft()));
        ok(Api.as("editor").put("/api/articles/" + w.draft(), article(2 * ARTICLES + 2,
                current.getJsonNumber("version").longValue()).build().toString()));
        set("editor:title", payloads.next("title", tag + " 我的版本", 200));
        browser.clickAjax(By.id("editor:save"));
        browser.screenshot("xss-conflict");
        assertTrue(browser.exists(By.cssSelector(".conflict")), "the save lost the race: " + messages()
                + browser.all(By.cssSelector(".ui-message, .ui-state-error")).stream()
                        .map(e -> e.getAttribute("outerHTML")).toList() + browser.script("return window.__jsErrors;")
                + " | " + Api.as("editor").get("/api/articles/" + w.draft()).json().getString("title"));
        checkCurrent(draft + " (conflict)");
    }

    private void adminScreens(Written w) {
        for (String page : List.of("index", "audit", "accounts", "categories", "disclaimers", "claims", "media")) {
            check("/admin/" + page + ".xhtml");
        }
        check("/admin/articles.xhtml?category=" + categoryId);
        check("/admin/articles.xhtml?state=" + query("<script>alert(101)</script>") + "&category=" + query("\"><img src=x onerror=alert(110)>"));
        check("/admin/articles/edit.xhtml?id=" + query("\"><svg onload=alert(121)>"));
        for (long id : w.main()) {
            check("/admin/articles/compliance.xhtml?id=" + id);
        }
        check("/admin/articles/compliance.xhtml?id=" + w.takenDown());
        check("/admin/articles/history.xhtml?id=" + w.takenDown());

        browser.go("/admin/audit.xhtml");
        set("audit:actor", reviewer);
        browser.clickAjax(By.id("audit:filter"));
        checkCurrent("/admin/audit.xhtml (filtered by the reviewer)");
        browser.go("/admin/accounts.xhtml");
        browser.clickAjax(By.cssSelector("tr.account-" + reviewer + " button[id$=':edit']"));
        checkCurrent("/admin/accounts.xhtml (the reviewer's credentials)");
        browser.go("/admin/disclaimers.xhtml");
        browser.clickAjax(By.cssSelector("[id='disclaimers:versions'] tbody tr:first-child a"));
        checkCurrent("/admin/disclaimers.xhtml (the live articles of the payload version)");
    }

    private void publicPages(Written w) throws Exception {
        check("/");
        check("/categories/" + categorySlug);
        for (String path : w.publicPaths()) {
            check(path);
        }
        check(w.takenDownPath());
        check("/search?q=" + tag);
        check("/search?q=" + query("alert onerror"));
        check("/search?q=" + query("针灸疗法 script"));
    }

    /** The Atom feed holds the payload titles and still parses as XML. */
    private void feedIsWellFormed() throws Exception {
        Api.Response feed = Api.anonymous().get("/feed.xml");
        assertEquals(200, feed.status());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(feed.body())));
        } catch (org.xml.sax.SAXException e) {
            fail("the feed no longer parses with payload titles: " + e.getMessage());
        }
        assertTrue(feed.body().contains(tag), "the feed lists the payload articles");
    }

    private void tidyUp() {
        if (previousDisclaimerZh != null) {
            browser.go("/admin/disclaimers.xhtml");
            set("disclaimers:textZh", previousDisclaimerZh);
            set("disclaimers:textEn", previousDisclaimerEn);
            browser.clickAjax(By.id("disclaimers:publishVersion"));
        }
        for (String term : claimTerms) {
            browser.go("/admin/claims.xhtml");
            browser.script("var rows = document.querySelectorAll(\"[id='claims:terms'] tbody tr\");"
                    + "for (var i = 0; i < rows.length; i++) { if (rows[i].cells[0].textContent === arguments[0]) {"
                    + " rows[i].querySelector('button').click(); return; } }", term);
            browser.waitForAjax();
        }
    }

    // ---- the checks --------------------------------------------------------------------------------------------

    /** Loads a page and checks it. */
    private void check(String path) {
        try {
            browser.go(path);
        } catch (UnhandledAlertException e) {
            problems.add(path + ": a real dialog opened (" + e.getAlertText() + ")");
            return;
        }
        checkCurrent(path);
    }

    /** Checks the page as it is now (after an ajax update, a dialog opened…). */
    private void checkCurrent(String page) {
        pagesChecked.add(page);
        String answer;
        try {
            answer = (String) browser.script(resource("xss-check.js"));
        } catch (UnhandledAlertException e) {
            problems.add(page + ": a real dialog opened (" + e.getAlertText() + ")");
            return;
        }
        JsonObject result;
        try (var reader = Json.createReader(new StringReader(answer))) {
            result = reader.readObject();
        }
        for (JsonValue ran : result.getJsonArray("ran")) {
            String what = ran.toString();
            problems.add(page + ": a payload ran: " + what + which(what));
        }
        for (JsonValue found : result.getJsonArray("found")) {
            String what = found.toString();
            problems.add(page + ": " + what + which(what));
        }
        if (result.getBoolean("serverError")) {
            problems.add(page + ": the server failed (500 page)");
        }
        for (JsonValue v : result.getJsonArray("csp")) {
            violations.add(page + ": " + v);
        }
    }

    /** The payload a marker number or a fragment names, for the report. */
    private String which(String what) {
        Matcher m = NUMBER.matcher(what);
        Map<String, String> named = new LinkedHashMap<>();
        while (m.find()) {
            payloads.byNumber(m.group()).ifPresent(p -> named.put(m.group(), p));
        }
        return named.isEmpty() ? "" : " — payload " + named;
    }

    // ---- small helpers -----------------------------------------------------------------------------------------

    private void signIn(String username, String password) {
        browser.clearCookies();
        browser.go("/login.xhtml");
        browser.type(By.id("login:username"), username);
        browser.type(By.id("login:password"), password);
        browser.clickAndWaitForPage(By.id("login:submit"));
        assertTrue(browser.exists(By.id("welcome")), "signed in as " + username + ": " + browser.url());
    }

    /** Sets a field's value as typing would leave it (typing thousands of characters key by key takes long). */
    private void set(String id, String value) {
        browser.find(By.id(id));
        browser.script("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, value);
    }

    private String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    /** Ticks a PrimeFaces checkbox by its drawn box, as a person does. */
    private void tick(String inputId) {
        browser.find(By.xpath("//input[@id='" + inputId + "']/ancestor::div[contains(concat(' ', @class, ' '), ' ui-chkbox ')][1]"
                + "//div[contains(@class, 'ui-chkbox-box')]")).click();
        browser.waitUntil(d -> d.findElement(By.id(inputId)).isSelected());
    }

    private String messages() {
        return browser.all(By.cssSelector("#messages li, .ui-growl-message")).stream()
                .map(e -> e.getAttribute("textContent")).reduce("", (a, b) -> a + " " + b);
    }

    private static JsonObject ok(Api.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static JsonObject created(Api.Response r) {
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = XssCorpusBrowserIT.class.getResourceAsStream("/security/" + name)) {
            if (in == null) {
                throw new IllegalStateException("security/" + name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
