package org.healthportal.cms.backoffice;

import java.util.List;
import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/**
 * The categories screen: the overdue-review policy, the form that adds a category, and the tree, where each
 * category's row edits (name, parent) and orders it.
 */
final class Categories {

    static final String PATH = "/admin/categories.xhtml";

    /** What happens to an article past its review date: the policy's choices, in the screen's order. */
    enum OverduePolicy { BANNER, NOINDEX, UNPUBLISH }

    private final BackOffice office;
    private final Browser browser;

    Categories(BackOffice office) {
        this.office = office;
        this.browser = office.browser();
    }

    Categories open() {
        browser.go(PATH);
        return this;
    }

    /** Chooses the overdue-review policy and saves it. */
    Categories saveOverduePolicy(OverduePolicy policy) {
        office.tick("policy:overdue:" + policy.ordinal());
        browser.clickAjax(By.id("policy:savePolicy"));
        return this;
    }

    /** Fills the new-category form (at the top level) and sends it. */
    Categories add(String slug, String nameZh, String nameEn) {
        browser.type(By.id("categories:slug"), slug);
        browser.type(By.id("categories:nameZh"), nameZh);
        browser.type(By.id("categories:nameEn"), nameEn);
        browser.clickAjax(By.id("categories:add"));
        return this;
    }

    /** The whole tree's text. */
    String tree() {
        return browser.text(By.cssSelector(".category-tree"));
    }

    /** The categories whose slug ends so, in tree order, as "slug depth". */
    List<String> inTreeOrder(String slugEnding) {
        return browser.all(By.cssSelector(".category-tree li[data-slug$='" + slugEnding + "']")).stream()
                .map(li -> li.getAttribute("data-slug") + " " + li.getAttribute("class").replaceAll(".*depth-(\\d+).*", "$1"))
                .toList();
    }

    Row row(String slug) {
        return new Row(slug);
    }

    /** One category's row in the tree, by its slug. */
    final class Row {

        private final String slug;

        private Row(String slug) {
            this.slug = slug;
        }

        /** Opens the row's inline edit and waits for it. */
        Row edit() {
            browser.clickAjax(in("edit"));
            browser.find(in("editedZh"));
            return this;
        }

        Row rename(String nameZh) {
            browser.type(in("editedZh"), nameZh);
            return this;
        }

        /** Chooses the new parent in the row's tree picker by clicking it, as a person does. */
        Row moveUnder(String parentName) {
            browser.pick(browser.find(in("editedParent")).getAttribute("id"), parentName);
            return this;
        }

        Row save() {
            browser.clickAjax(in("saveEdit"));
            return this;
        }

        Row cancel() {
            browser.clickAjax(in("cancelEdit"));
            return this;
        }

        /** Moves the category one place up among its siblings. */
        Row up() {
            browser.clickAjax(in("up"));
            return this;
        }

        boolean isEditing() {
            return browser.exists(in("editedZh"));
        }

        String text() {
            return browser.text(By.cssSelector("li[data-slug='" + slug + "']"));
        }

        private By in(String id) {
            return By.cssSelector("li[data-slug='" + slug + "'] [id$=':" + id + "']");
        }
    }
}
