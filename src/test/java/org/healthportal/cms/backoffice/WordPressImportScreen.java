package org.healthportal.cms.backoffice;

import java.nio.file.Path;
import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The admins' WordPress import: the upload form, the job's progress and its report. */
final class WordPressImportScreen {

    static final String PATH = "/admin/import.xhtml";

    private final Browser browser;

    WordPressImportScreen(BackOffice office) {
        this.browser = office.browser();
    }

    WordPressImportScreen open() {
        browser.go(PATH);
        return this;
    }

    /** Chooses the files, ticks the choices given and starts; the browser follows to the job. */
    WordPressImportScreen start(Path export, Path uploadsZip, String... choices) {
        browser.find(By.id("wxr")).sendKeys(export.toString());
        if (uploadsZip != null) {
            browser.find(By.id("uploads")).sendKeys(uploadsZip.toString());
        }
        for (String choice : choices) {
            browser.click(By.id(choice));
        }
        browser.clickAndWaitForPage(By.id("startImport"));
        return this;
    }

    /** Waits for the poll to show the job ended. */
    WordPressImportScreen waitUntilEnded() {
        try {
            browser.waitUntil(d -> !d.findElements(By.id("reportCounts")).isEmpty()
                    || !d.findElements(By.id("importJob:jobError")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the import did not end on the screen: " + browser.text(By.tagName("body"))
                    + "\nthe API says: " + org.healthportal.cms.testsupport.Api.as("admin").get("/api/import/wordpress").body(), e);
        }
        return this;
    }

    String status() {
        return browser.text(By.id("jobStatus"));
    }

    String progressValue() {
        return browser.find(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow");
    }

    String counts() {
        return browser.text(By.id("reportCounts"));
    }

    String report() {
        return browser.text(By.id("importJob:report"));
    }

    boolean showsJob() {
        return browser.exists(By.id("importJob"));
    }
}
