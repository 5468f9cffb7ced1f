package org.healthportal.cms.backoffice;

import java.util.List;
import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The audit screen: filters (actor, action, target) and the events they find. */
final class Audit {

    static final String PATH = "/admin/audit.xhtml";

    private final Browser browser;

    Audit(BackOffice office) {
        this.browser = office.browser();
    }

    Audit open() {
        browser.go(PATH);
        return this;
    }

    Audit actor(String username) {
        browser.type(By.id("audit:actor"), username);
        return this;
    }

    /** Chooses the action by its label ("下线", "创建账号" ...). */
    Audit action(String label) {
        browser.pick("audit:action", label);
        return this;
    }

    Audit target(String target) {
        browser.type(By.id("audit:target"), target);
        return this;
    }

    /** Applies the filters. */
    Audit filter() {
        browser.clickAjax(By.id("audit:filter"));
        return this;
    }

    /** Waits until the list shows exactly this many events with a target. */
    Audit waitUntilTargets(int events) {
        browser.waitUntil(d -> d.findElements(By.cssSelector("#audit\\:events .audit-target")).size() == events);
        return this;
    }

    String events() {
        return browser.text(By.id("audit:events"));
    }

    /** Where the listed events link to (an article's history, for instance). */
    List<String> links() {
        return browser.all(By.cssSelector("#audit\\:events a")).stream().map(a -> a.getAttribute("href")).toList();
    }
}
