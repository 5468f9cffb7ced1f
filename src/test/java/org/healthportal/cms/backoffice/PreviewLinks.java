package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/**
 * The preview links of an article, on the editor or the review screen (whichever is open): share one through its
 * dialog and copy it, read the list, revoke one.
 */
final class PreviewLinks {

    private static final By SHARE = By.id("previewLinks:share");
    private static final By DIALOG = By.id("previewLinks:shareDialog");
    private static final By URL = By.id("previewLinks:linkUrl");

    private final Browser browser;

    PreviewLinks(BackOffice office) {
        this.browser = office.browser();
    }

    /** Opens the dialog, sets the expiry and the note, creates the link and answers the link it shows. */
    String share(int hours, String note) {
        browser.clickAjax(SHARE);
        browser.waitUntil(d -> d.findElement(DIALOG).isDisplayed());
        browser.type(By.id("previewLinks:hours"), String.valueOf(hours));
        browser.type(By.id("previewLinks:note"), note);
        browser.clickAjax(By.id("previewLinks:createLink"));
        browser.waitUntil(d -> !d.findElements(URL).isEmpty());
        return browser.find(URL).getAttribute("value");
    }

    boolean linkFieldIsReadOnly() {
        return browser.find(URL).getAttribute("readonly") != null;
    }

    /**
     * Presses "copy" from the keyboard (Enter on the focused button) and answers what the page says then. HtmlUnit's
     * key events do not activate a button, so there it is clicked.
     */
    String copyByKeyboard() {
        By copy = By.id("previewLinks:copyLink");
        if (browser.isChromium()) {
            browser.find(copy).sendKeys(org.openqa.selenium.Keys.ENTER);
        } else {
            browser.click(copy);
        }
        browser.waitUntil(d -> !d.findElement(By.id("previewCopyStatus")).getText().isBlank());
        return browser.text(By.id("previewCopyStatus"));
    }

    void closeDialog() {
        browser.click(By.cssSelector("[id='previewLinks:shareDialog'] .ui-dialog-titlebar-close"));
        browser.waitUntil(d -> !d.findElement(DIALOG).isDisplayed());
    }

    /** The list of the article's links, as text. */
    String list() {
        return browser.text(By.id("previewLinks:list"));
    }

    /** Revokes the newest link (the first row). */
    void revokeNewest() {
        browser.clickAjax(By.cssSelector("[id^='previewLinks:'][id$=':revoke']"));
    }
}
