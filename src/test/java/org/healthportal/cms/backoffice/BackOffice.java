package org.healthportal.cms.backoffice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/**
 * Page objects of the back office: what a person sees and does, by element id, so the journeys read as steps
 * and survive layout changes. This is the entry point: signing in and out, what every screen shares (messages,
 * the language switch, the layout) and the way to each screen, each with its own page object that knows its
 * address and its element ids. Public for the journeys in other packages ({@code platform.DatabaseOutageIT}).
 */
public final class BackOffice {

    private final Browser browser;

    public BackOffice(Browser browser) {
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    public BackOffice login(String username) {
        return login(username, username + "-demo");
    }

    public BackOffice login(String username, String password) {
        browser.go("/login.xhtml");
        browser.type(By.id("login:username"), username);
        browser.type(By.id("login:password"), password);
        browser.clickAndWaitForPage(By.id("login:submit"));
        assertTrue(new Dashboard(this).welcomes(), "signed in as " + username + ": " + browser.url());
        return this;
    }

    public void logout() {
        browser.clickAndWaitForPage(By.id("userForm:logout"));
    }

    /** The language switch in the header, on every screen: the page loads again in English. */
    void switchToEnglish() {
        browser.clickAndWaitForPage(By.id("userForm:langEn"));
    }

    void switchToChinese() {
        browser.clickAndWaitForPage(By.id("userForm:langZh"));
    }

    /** The page's declared language, its {@code <html lang>}. */
    String pageLanguage() {
        return browser.find(By.tagName("html")).getAttribute("lang");
    }

    /** All the text a person sees on the page now. */
    String pageText() {
        return browser.text(By.tagName("body"));
    }

    /** Whether the page now is drawn in the back office's layout (not an error page of its own). */
    boolean hasAdminLayout() {
        return browser.exists(By.cssSelector(".admin-main"));
    }

    /** Waits until the page says the text, in its messages or anywhere else in its source. */
    public void waitUntilPageSays(String text) {
        browser.waitUntil(d -> d.getPageSource().contains(text));
    }

    Dashboard dashboard() {
        return new Dashboard(this).open();
    }

    ArticleList articles() {
        return new ArticleList(this).open();
    }

    public Editor newArticle() {
        browser.go("/admin/articles/edit.xhtml");
        return new Editor();
    }

    public Editor editArticle(long id) {
        browser.go("/admin/articles/edit.xhtml?id=" + id);
        return new Editor();
    }

    Review review(long id) {
        browser.go("/admin/articles/review.xhtml?id=" + id);
        return new Review();
    }

    History history(long articleId) {
        return new History(this).open(articleId);
    }

    ComplianceRecord compliance(long articleId) {
        return new ComplianceRecord(this).open(articleId);
    }

    MediaLibrary media() {
        return new MediaLibrary(this).open();
    }

    Audit audit() {
        return new Audit(this).open();
    }

    Categories categories() {
        return new Categories(this).open();
    }

    Accounts accounts() {
        return new Accounts(this).open();
    }

    Disclaimers disclaimers() {
        return new Disclaimers(this).open();
    }

    ClaimsDictionary claims() {
        return new ClaimsDictionary(this).open();
    }

    SignIns signIns() {
        return new SignIns(this).open();
    }

    WordPressImportScreen wordPressImport() {
        return new WordPressImportScreen(this).open();
    }

    MailScreen mail() {
        return new MailScreen(this).open();
    }

    ChangePassword password() {
        return new ChangePassword(this).open();
    }

    /**
     * Ticks a PrimeFaces checkbox or radio button by its drawn box, as a person does, and waits until the real input
     * follows: clicking the label toggles twice on HtmlUnit (the label's default action and the widget's handler).
     */
    void tick(String inputId) {
        clickBox(inputId, true);
    }

    void untick(String inputId) {
        clickBox(inputId, false);
    }

    private void clickBox(String inputId, boolean selected) {
        By input = By.id(inputId);
        browser.find(By.xpath("//input[@id='" + inputId + "']/ancestor::div[contains(concat(' ', @class, ' '), ' ui-chkbox ')"
                + " or contains(concat(' ', @class, ' '), ' ui-radiobutton ')][1]"
                + "//div[contains(@class, 'ui-chkbox-box') or contains(@class, 'ui-radiobutton-box')]")).click();
        browser.waitUntil(d -> d.findElement(input).isSelected() == selected);
    }

    /** The page's messages and growl notes, as one text. */
    public String messages() {
        return browser.all(By.cssSelector("#messages li, .ui-growl-message")).stream()
                .map(e -> e.getText() + " " + e.getAttribute("textContent")).reduce("", String::concat);
    }

    /** The article editor, new or existing. */
    public final class Editor {

        public Editor title(String title) {
            browser.type(By.id("editor:title"), title);
            return this;
        }

        /** The address field: the part after /articles/. */
        Editor slug(String slug) {
            browser.type(By.id("editor:slug"), slug);
            return this;
        }

        Editor summary(String summary) {
            browser.type(By.id("editor:summary"), summary);
            return this;
        }

        public String titleValue() {
            return browser.find(By.id("editor:title")).getAttribute("value");
        }

        /** Opens the category picker; its rows as "depth name", the tree as the editor sees it. */
        java.util.List<String> openCategoryPicker() {
            By panel = By.id("editor:category_panel");
            if (!browser.find(panel).isDisplayed()) {
                browser.find(By.cssSelector("[id='editor:category'] .ui-selectonemenu-trigger")).click();
                browser.waitUntil(d -> d.findElement(panel).isDisplayed());
            }
            return browser.all(By.cssSelector("[id='editor:category_panel'] .tree-option")).stream()
                    .map(e -> e.getAttribute("class").replaceAll(".*depth-(\\d+).*", "$1") + " " + e.getAttribute("textContent").strip())
                    .toList();
        }

        /** Picks a category by its name (or the end of its path), by clicking its row in the picker. */
        Editor category(String name) {
            browser.pick("editor:category", name);
            return this;
        }

        /** Source, author, audience and one reference: what review needs besides the text. */
        Editor sources(String source, String byline, String audience, String referenceTitle, String publisher) {
            browser.type(By.id("editor:source"), source);
            browser.type(By.id("editor:byline"), byline);
            browser.type(By.id("editor:audience"), audience);
            browser.type(By.cssSelector("input[id$=':refTitle']"), referenceTitle);
            browser.type(By.cssSelector("input[id$=':refPublisher']"), publisher);
            return this;
        }

        /** Puts HTML into the rich-text editor the way a paste would, keeping its hidden field in step. */
        Editor body(String html) {
            browser.script("var w = PF('bodyEditor');"
                    + "if (w && w.editor) { w.editor.setText(''); w.editor.clipboard.dangerouslyPasteHTML(0, arguments[0], 'user'); }"
                    + "var input = document.getElementById('editor:body_input');"
                    + "if (input && (!w || !w.editor || input.value.indexOf(arguments[1]) < 0)) { input.value = arguments[0]; }",
                    html, html.replaceAll("<[^>]*>", "").substring(0, 4));
            return this;
        }

        /** Save draft; a new article then moves to its own address, which this waits for. */
        public Editor save() {
            boolean isNew = !browser.url().contains("id=");
            browser.clickAjax(By.id("editor:save"));
            if (isNew) {
                browser.waitUntil(d -> d.getCurrentUrl().contains("id="));
                browser.waitForPage();
                browser.find(By.id("stateBadge"));
            }
            return this;
        }

        /**
         * Whether leaving now would make the browser ask first: the page's answer to a beforeunload event (the
         * browser asks when it is cancelled). WebDriver sessions accept the real question on their own.
         */
        boolean leavingWouldAsk() {
            return Boolean.TRUE.equals(browser.script("var e = new Event('beforeunload', {cancelable: true});"
                    + "window.dispatchEvent(e); return e.defaultPrevented;"));
        }

        /** Runs the autosave now rather than waiting for its next turn (every 15 s). */
        Editor autosaveNow() {
            browser.script("PF('autosave').cfg.fn();");
            browser.waitForAjax();
            return this;
        }

        /**
         * Types the publication time ("yyyy-MM-dd HH:mm") into the date picker. HtmlUnit's key events do not reach
         * the picker's parser, so there the picker's own setDate takes the same time.
         */
        Editor publishAt(String when) {
            By field = By.id("editor:publishAt_input");
            browser.type(field, when);
            browser.find(field).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            if (!when.equals(browser.find(field).getAttribute("value"))) {
                browser.script("var p = arguments[0].split(/[- :]/);"
                        + "PF('widget_editor_publishAt').setDate(new Date(p[0], p[1] - 1, p[2], p[3], p[4]));", when);
            }
            browser.waitUntil(d -> when.equals(d.findElement(field).getAttribute("value")));
            return this;
        }

        Editor submit() {
            browser.clickAjax(By.id("editor:submit"));
            return this;
        }

        /** Schedule: publication at the time given by {@link #publishAt}. */
        Editor schedule() {
            browser.clickAjax(By.id("editor:schedule"));
            return this;
        }

        /** Unpublish with a reason, confirming the question that follows. */
        Editor unpublish(String reason) {
            browser.type(By.id("editor:reason"), reason);
            browser.clickAjax(By.id("editor:unpublish"));
            browser.clickAjax(By.cssSelector(".ui-confirmdialog-yes"));
            return this;
        }

        /** The status line under the buttons: last saved, autosaved, scheduled for. */
        String status() {
            return browser.text(By.id("editor:status"));
        }

        /** Waits until the note that there are unsaved changes shows. */
        Editor waitUntilUnsavedNoteShows() {
            browser.waitUntil(d -> d.findElement(By.id("unsavedNote")).isDisplayed());
            return this;
        }

        Editor waitUntilUnsavedNoteHides() {
            browser.waitUntil(d -> !d.findElement(By.id("unsavedNote")).isDisplayed());
            return this;
        }

        /** Opens the preview dialog, what readers will see, and waits until it shows. */
        Editor openPreview() {
            browser.clickAjax(By.id("editor:preview"));
            browser.waitUntil(d -> d.findElement(By.id("editor:previewDialog")).isDisplayed());
            return this;
        }

        String previewText() {
            return browser.text(By.id("editor:previewPanel"));
        }

        Editor closePreview() {
            browser.click(By.cssSelector("[id='editor:previewDialog'] .ui-dialog-titlebar-close"));
            return this;
        }

        /** Whether the page shows a save conflict (someone else saved first). */
        boolean showsConflict() {
            return browser.exists(By.cssSelector(".conflict"));
        }

        /** The conflict's comparison as HTML, with the other version's words in del and mine in ins. */
        String conflict() {
            return browser.find(By.cssSelector(".conflict")).getAttribute("innerHTML");
        }

        /** Resolves a conflict by saving my version over the other one. */
        Editor keepMine() {
            browser.clickAjax(By.id("editor:keepMine"));
            return this;
        }

        /** Whether the claims check highlights a flagged term in a finding. */
        boolean highlightsAClaim() {
            return browser.exists(By.cssSelector(".finding mark.claim"));
        }

        /** Types the justification of the (first) flagged claim. */
        Editor justifyClaim(String justification) {
            browser.type(By.cssSelector(".finding input[id$='justification']"), justification);
            return this;
        }

        /** Opens the media picker (Insert image) and waits until it shows. */
        Editor openMediaPicker() {
            browser.click(By.id("editor:insertImage"));
            browser.waitUntil(d -> d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
            return this;
        }

        /** Chooses the picker's image with this alt text, which inserts it into the body; the picker closes. */
        Editor insertPickedImage(String alt) {
            browser.click(By.xpath("//div[@id='mediaForm:mediaPicker']//figure[.//img[@alt='" + alt + "']]//button"));
            browser.waitUntil(d -> !d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
            return this;
        }

        Editor publish() {
            browser.clickAjax(By.id("editor:publish"));
            browser.clickAjax(By.cssSelector(".ui-confirmdialog-yes"));
            return this;
        }

        String state() {
            return browser.find(By.id("stateBadge")).getAttribute("class");
        }

        long id() {
            String url = browser.url();
            return Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        }

        boolean hasButton(String id) {
            return browser.exists(By.id("editor:" + id));
        }

        String buttonLabel(String id) {
            return browser.find(By.id("editor:" + id)).getText().strip();
        }

        String page() {
            return browser.find(By.tagName("body")).getText();
        }
    }

    /** The review screen. */
    final class Review {

        Review comment(String text) {
            browser.type(By.id("review:comment"), text);
            return this;
        }

        Review requestChanges() {
            browser.clickAjax(By.id("review:requestChanges"));
            return this;
        }

        Review approve() {
            browser.clickAjax(By.id("review:approve"));
            return this;
        }

        boolean canApprove() {
            return browser.exists(By.id("review:approve"));
        }

        String buttonLabel(String id) {
            return browser.text(By.id("review:" + id)).strip();
        }

        /** Why the reviewer may not approve (a lapsed verification, one's own work). */
        String gate() {
            return browser.text(By.id("review:gate"));
        }

        /** The claims check's findings, with the editor's justifications. */
        String claims() {
            return browser.text(By.id("claims"));
        }

        /** Whether a flagged term is marked in the article's text. */
        boolean marksAClaimInTheText() {
            return browser.exists(By.cssSelector(".review-text mark.claim"));
        }

        String state() {
            return browser.find(By.id("stateBadge")).getAttribute("class");
        }

        String page() {
            return browser.find(By.tagName("body")).getText();
        }
    }
}
