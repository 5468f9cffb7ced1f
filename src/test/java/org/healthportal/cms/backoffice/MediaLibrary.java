package org.healthportal.cms.backoffice;

import java.nio.file.Path;
import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The media library: uploading an image with its alt text, and the images stored. */
final class MediaLibrary {

    static final String PATH = "/admin/media.xhtml";

    private final Browser browser;

    MediaLibrary(BackOffice office) {
        this.browser = office.browser();
    }

    MediaLibrary open() {
        browser.go(PATH);
        return this;
    }

    /** Chooses the file and sends it without alt text; the page loads again with the answer. */
    MediaLibrary upload(Path file) {
        browser.find(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        browser.clickAndWaitForPage(By.id("upload:send"));
        return this;
    }

    /** Chooses the file, types its alt text and sends it; the page loads again with the answer. */
    MediaLibrary upload(Path file, String alt) {
        browser.find(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        browser.type(By.id("upload:alt"), alt);
        browser.clickAndWaitForPage(By.id("upload:send"));
        return this;
    }

    boolean showsImage(String alt) {
        return browser.exists(image(alt));
    }

    /** Where the library's image with this alt text is served from (its absolute address). */
    String imageSource(String alt) {
        return browser.find(image(alt)).getAttribute("src");
    }

    private static By image(String alt) {
        return By.cssSelector("img[alt='" + alt + "']");
    }
}
