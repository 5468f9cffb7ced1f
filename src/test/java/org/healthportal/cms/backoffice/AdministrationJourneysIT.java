package org.healthportal.cms.backoffice;

import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The admin's screens, and the editor's history: the paths behind the main journeys. */
class AdministrationJourneysIT {

    @Test
    void anAdminCreatesAReviewerAddsACategoryAndWritesANewDisclaimer() {
        String username = "rev" + UUID.randomUUID().toString().substring(0, 6);
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");

            office.createAccount(username, "赵医生", "short", 1);
            assertTrue(office.messages().contains("密码至少需要 12 位"), "a short password is refused: " + office.messages());
            browser.type(By.id("accounts:password"), username + "-password");
            browser.clickAjax(By.id("accounts:create"));
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            assertTrue(browser.text(By.id("accounts:list")).contains(username));
            browser.screenshot("7-accounts");
            assertEquals(200, Api.as(username, username + "-password").get("/api/categories").status(),
                    "the new account signs in");

            browser.go("/admin/categories.xhtml");
            browser.type(By.id("categories:slug"), slug);
            browser.type(By.id("categories:nameZh"), "测试栏目");
            browser.type(By.id("categories:nameEn"), "Test category");
            browser.clickAjax(By.id("categories:add"));
            assertTrue(office.messages().contains("栏目已添加"), office.messages());
            assertTrue(browser.text(By.cssSelector(".category-tree")).contains("测试栏目"));
            assertTrue(Api.as("editor").get("/api/categories").body().contains(slug));
            browser.screenshot("7-categories");

            // The overdue-review policy, on the same screen: choose noindex, then back to the banner.
            try {
                office.tick("policy:overdue:1");
                browser.clickAjax(By.id("policy:savePolicy"));
                assertTrue(office.messages().contains("复审策略已保存"), office.messages());
                assertEquals("noindex", Api.as("editor").get("/api/review-policy").json().getString("overdue"));
                browser.screenshot("7-review-policy");
                office.tick("policy:overdue:0");
                browser.clickAjax(By.id("policy:savePolicy"));
            } finally {
                Api.as("admin").put("/api/review-policy", "{\"overdue\":\"banner\"}");
            }
            assertEquals("banner", Api.as("editor").get("/api/review-policy").json().getString("overdue"));

            browser.go("/admin/disclaimers.xhtml");
            String zh = "免责声明（测试版本 " + slug + "）：本文仅供健康科普参考，不能替代医生的诊断和治疗。";
            browser.type(By.id("disclaimers:textZh"), zh);
            browser.clickAjax(By.id("disclaimers:publishVersion"));
            assertTrue(office.messages().contains("已保存为第"), office.messages());
            assertTrue(browser.text(By.id("disclaimers:versions")).contains(slug));
            browser.screenshot("7-disclaimers");
            JsonObject versioned = Api.as("admin").get("/api/audit?action=disclaimer&size=1").json()
                    .getJsonArray("items").getJsonObject(0);
            assertEquals("admin", versioned.getString("actor"));
            assertTrue(versioned.getString("target").startsWith("disclaimer:"), "the new version is audited: " + versioned);

            JsonObject live = Articles.published(uniqueTitle("新免责声明版本"));
            JsonObject revision = Api.as("editor").get("/api/articles/" + Articles.id(live) + "/revisions").array()
                    .getJsonObject(0);
            assertTrue(revision.getInt("disclaimerVersion") >= 2, "a new publication records the newest version");
        }
    }

    @Test
    void anAdminRenamesMovesAndOrdersCategoriesAndARefusedEditChangesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            browser.go("/admin/categories.xhtml");
            for (String[] c : new String[][]{{"p", "父栏目"}, {"a", "甲栏目"}, {"b", "乙栏目"}}) {
                browser.type(By.id("categories:slug"), c[0] + "-" + tag);
                browser.type(By.id("categories:nameZh"), c[1] + tag);
                browser.type(By.id("categories:nameEn"), c[0].toUpperCase() + " " + tag);
                browser.clickAjax(By.id("categories:add"));
                assertTrue(office.messages().contains("栏目已添加"), office.messages());
            }

            // Rename 甲 and move it under 父, in one save; then 乙 under 父 too, after 甲.
            editCategory(browser, "a-" + tag);
            browser.type(inRow("a-" + tag, "editedZh"), "甲栏目改名" + tag);
            pickParent(browser, "a-" + tag, "父栏目" + tag);
            browser.clickAjax(inRow("a-" + tag, "saveEdit"));
            assertTrue(office.messages().contains("栏目已保存"), office.messages());
            editCategory(browser, "b-" + tag);
            pickParent(browser, "b-" + tag, "父栏目" + tag);
            browser.clickAjax(inRow("b-" + tag, "saveEdit"));
            assertEquals(java.util.List.of("p-" + tag + " 0", "a-" + tag + " 1", "b-" + tag + " 1"), treeRows(browser, tag));
            assertTrue(browser.text(By.cssSelector("li[data-slug='a-" + tag + "']")).contains("甲栏目改名" + tag));
            browser.screenshot("7-category-moved");

            // Order: 乙 up, before 甲.
            browser.clickAjax(inRow("b-" + tag, "up"));
            assertTrue(office.messages().contains("顺序已调整"), office.messages());
            assertEquals(java.util.List.of("p-" + tag + " 0", "b-" + tag + " 1", "a-" + tag + " 1"), treeRows(browser, tag));

            // Renaming 父 while moving it under its own child is refused as a whole: the name stays too.
            editCategory(browser, "p-" + tag);
            browser.type(inRow("p-" + tag, "editedZh"), "不该保存的名字");
            pickParent(browser, "p-" + tag, "甲栏目改名" + tag);
            browser.clickAjax(inRow("p-" + tag, "saveEdit"));
            assertTrue(office.messages().contains("不能移动到自身或其下级栏目之下"), office.messages());
            assertTrue(Api.as("editor").get("/api/categories").body().contains("父栏目" + tag), "the old name stays");
            browser.clickAjax(inRow("p-" + tag, "cancelEdit"));
            assertFalse(browser.exists(inRow("p-" + tag, "editedZh")), "cancel closes the edit");
            assertTrue(browser.text(By.cssSelector("li[data-slug='p-" + tag + "']")).contains("父栏目" + tag));
        }
    }

    @Test
    void aDisabledAccountCannotSignInAndEveryoneChangesTheirOwnPassword() {
        String username = "acc" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            office.createAccount(username, "王编辑", username + "-password", 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            office.logout();

            // The new account changes its own password: a wrong current one and a mismatch are refused first.
            office.login(username, username + "-password");
            // A second session of the same account, elsewhere: it ends when the password changes.
            String elsewhere = Api.anonymous().formLogin(username, username + "-password").sessionCookie();
            assertEquals(200, Api.anonymous().getWithSession("/admin/", elsewhere).status());
            browser.go("/admin/password.xhtml");
            changePassword(browser, "wrong-password", username + "-renewed", username + "-renewed");
            assertTrue(office.messages().contains("当前密码不正确"), office.messages());
            changePassword(browser, username + "-password", username + "-renewed", username + "-other");
            assertTrue(office.messages().contains("两次输入的新密码不一致"), office.messages());
            changePassword(browser, username + "-password", username + "-renewed", username + "-renewed");
            assertTrue(office.messages().contains("密码已修改"), office.messages());
            assertEquals(302, Api.anonymous().getWithSession("/admin/", elsewhere).status(), "the other session ended");
            browser.go("/admin/");
            assertTrue(browser.exists(By.id("welcome")), "this session goes on: " + browser.url());
            assertEquals(401, Api.as(username, username + "-password").get("/api/categories").status());
            assertEquals(200, Api.as(username, username + "-renewed").get("/api/categories").status());
            office.logout();

            office.login("admin");
            browser.go("/admin/accounts.xhtml");
            browser.clickAjax(By.cssSelector("tr.account-" + username + " button[id$=':edit']"));
            office.untick("accounts:enabled_input");
            browser.clickAjax(By.id("accounts:saveAccount"));
            assertTrue(office.messages().contains("账号已保存"), office.messages());
            assertTrue(browser.text(By.cssSelector("tr.account-" + username)).contains("已停用"));
            assertEquals(401, Api.as(username, username + "-renewed").get("/api/categories").status(),
                    "a disabled account is refused");
        }
    }

    private static By inRow(String slug, String id) {
        return By.cssSelector("li[data-slug='" + slug + "'] [id$=':" + id + "']");
    }

    private static void editCategory(Browser browser, String slug) {
        browser.clickAjax(inRow(slug, "edit"));
        browser.find(inRow(slug, "editedZh"));
    }

    /** Chooses the new parent in the row's tree picker by clicking it, as a person does. */
    private static void pickParent(Browser browser, String slug, String parentName) {
        browser.pick(browser.find(inRow(slug, "editedParent")).getAttribute("id"), parentName);
    }

    /** The test's categories in tree order, as "slug depth". */
    private static java.util.List<String> treeRows(Browser browser, String tag) {
        return browser.all(By.cssSelector(".category-tree li[data-slug$='-" + tag + "']")).stream()
                .map(li -> li.getAttribute("data-slug") + " " + li.getAttribute("class").replaceAll(".*depth-(\\d+).*", "$1"))
                .toList();
    }

    private static void changePassword(Browser browser, String current, String replacement, String repeated) {
        browser.type(By.id("password:current"), current);
        browser.type(By.id("password:replacement"), replacement);
        browser.type(By.id("password:repeated"), repeated);
        browser.clickAjax(By.id("password:change"));
    }

    /** Usable on a tablet: every screen fits 768 px in portrait without the page scrolling sideways. */
    @Test
    void theScreensFitATabletInPortrait() {
        long inReview = Articles.id(Articles.create(uniqueTitle("平板审核")));
        Articles.ok(Articles.transition("editor", inReview, "submit"));
        try (Browser browser = Browser.open()) {
            new BackOffice(browser).login("doctor");
            browser.resize(768, 1024);
            for (String page : new String[]{"index", "articles", "articles/edit", "articles/edit?id=" + inReview,
                    "articles/review?id=" + inReview, "articles/history?id=" + inReview, "media", "audit", "password"}) {
                browser.go("/admin/" + page.replace("?", ".xhtml?") + (page.contains("?") ? "" : ".xhtml"));
                assertTrue(browser.exists(By.cssSelector(".admin-main")), page);
                browser.screenshot("12-tablet-" + page.replaceAll("[^a-z]+", "-"));
                if (browser.isChromium()) {
                    assertTrue((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
                            page + " scrolls sideways at 768 px: " + browser.script("return document.documentElement.scrollWidth;"));
                }
            }
        }
    }

    @Test
    void guessingTheCurrentPasswordOnThePasswordPageIsThrottledLikeASignIn() {
        String username = "pwg" + UUID.randomUUID().toString().substring(0, 6);
        String password = username + "-password";
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            office.createAccount(username, "钱编辑", password, 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            office.logout();
            office.login(username, password);
            browser.go("/admin/password.xhtml");
            for (int i = 0; i < 5; i++) {
                changePassword(browser, "guess-" + i, username + "-renewed", username + "-renewed");
                assertTrue(office.messages().contains("当前密码不正确"), office.messages());
            }
            changePassword(browser, password, username + "-renewed", username + "-renewed");
            assertTrue(office.messages().contains("当前密码输错次数过多"), office.messages());
            assertEquals(200, Api.as(username, password).from("203.0.113.254").get("/api/categories").status(),
                    "the password is unchanged, and good from elsewhere");
        }
    }

    @Test
    void anAdminLiftsASignInBlockOnTheSignInsScreen() {
        String username = "blk" + UUID.randomUUID().toString().substring(0, 6);
        String password = username + "-password";
        String from = "203.0.113." + (1 + Math.abs(username.hashCode() % 250));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            office.createAccount(username, "孙编辑", password, 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, Api.as(username, "wrong-" + i).from(from).get("/api/categories").status());
            }
            assertEquals(429, Api.as(username, password).from(from).get("/api/categories").status());

            browser.go("/admin/sign-ins.xhtml");
            By row = By.xpath("//tbody[@id='signins:blocks_data']/tr[contains(., '" + username + "')]");
            assertTrue(browser.text(row).contains(from), browser.text(row));
            browser.screenshot("13-sign-ins");
            browser.clickAjax(By.xpath("//tbody[@id='signins:blocks_data']/tr[contains(., '" + username + "')]//button"));
            assertTrue(office.messages().contains("封锁已解除"), office.messages());
            assertTrue(browser.all(row).isEmpty(), "the block is gone from the list");
            assertEquals(200, Api.as(username, password).from(from).get("/api/categories").status());
        }
    }

    @Test
    void everyScreenRendersForTheAdmin() {
        try (Browser browser = Browser.open()) {
            new BackOffice(browser).login("admin");
            for (String page : new String[]{"index", "articles", "media", "audit", "categories", "accounts", "disclaimers",
                    "sign-ins", "password", "articles/edit"}) {
                browser.go("/admin/" + page + ".xhtml");
                String body = browser.text(By.tagName("body"));
                assertTrue(!body.contains("服务暂时不可用") && browser.exists(By.cssSelector(".admin-main")),
                        page + ": " + body);
                browser.screenshot("9-" + page.replace('/', '-'));
            }
            String marker = UUID.randomUUID().toString().substring(0, 8);
            Articles.create("列表筛选 " + marker);
            browser.go("/admin/articles.xhtml");
            browser.type(By.id("articles:text"), marker);
            browser.waitUntil(d -> d.findElements(By.cssSelector(".article-link")).size() == 1);
            assertTrue(browser.text(By.cssSelector(".article-link")).contains(marker), "the filter finds the article");
            // The article is in 中医 › 特色中医 › 针刺疗法: choosing the top category keeps it, another branch does not.
            pickListCategory(browser, "中医");
            assertEquals(1, browser.all(By.cssSelector(".article-link")).size(), "a category holds its subcategories' articles");
            pickListCategory(browser, "康复");
            assertTrue(browser.all(By.cssSelector(".article-link")).isEmpty(), "another branch does not");
            browser.go("/admin/audit.xhtml");
            browser.type(By.id("audit:actor"), "reviewer");
            browser.clickAjax(By.id("audit:filter"));
            assertTrue(browser.text(By.id("audit:events")).contains("reviewer"));
            long published = Articles.id(Articles.published(uniqueTitle("合规档案")));
            browser.go("/admin/articles/compliance.xhtml?id=" + published);
            assertTrue(browser.text(By.id("record")).contains("合规档案"), browser.text(By.tagName("body")));
            assertTrue(browser.text(By.id("record")).contains("主任医师"), "the approver's credentials are in the record");
            browser.screenshot("9-compliance-record");
            browser.go("/admin/claims.xhtml");
            assertTrue(browser.text(By.id("claims:terms")).contains("根治"), "the shipped dictionary");
            browser.go("/admin/articles/edit.xhtml?id=987654321");
            assertTrue(browser.text(By.tagName("body")).contains("页面不存在"), "an unknown article is a 404");
        }
    }

    @Test
    void anEditorUploadsAnImageWithAltTextAndItIsServedWithCacheHeaders() throws Exception {
        java.nio.file.Path png = java.nio.file.Files.createTempFile("acupoint", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(60, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        String alt = "合谷穴位置示意图 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            browser.go("/admin/media.xhtml");
            browser.find(By.cssSelector("input[type=file]")).sendKeys(png.toString());
            browser.clickAndWaitForPage(By.id("upload:send"));
            assertTrue(office.messages().contains("替代文字"), "alt text is required: " + office.messages());
            browser.find(By.cssSelector("input[type=file]")).sendKeys(png.toString());
            browser.type(By.id("upload:alt"), alt);
            browser.clickAndWaitForPage(By.id("upload:send"));
            assertTrue(office.messages().contains("已上传"), office.messages());
            String src = browser.find(By.cssSelector("img[alt='" + alt + "']")).getAttribute("src");
            browser.screenshot("10-media");
            Api.Response served = Api.anonymous().get(java.net.URI.create(src).getPath());
            assertEquals(200, served.status());
            assertEquals("image/png", served.header("Content-Type"));
            assertTrue(served.header("Cache-Control").contains("max-age=31536000"), served.header("Cache-Control"));
            Api.Response again = Api.anonymous().send(Api.anonymous().request(java.net.URI.create(src).getPath())
                    .header("If-None-Match", served.header("ETag")).GET());
            assertEquals(304, again.status());

            if (browser.isChromium()) {
                // Into an article through the editor's media picker (it inserts into Quill, which HtmlUnit cannot run).
                long id = Articles.id(Articles.create(uniqueTitle("插图")));
                BackOffice.Editor editor = office.editArticle(id);
                browser.click(By.id("editor:insertImage"));
                browser.waitUntil(d -> d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
                browser.screenshot("10-media-picker");
                browser.click(By.xpath("//div[@id='mediaForm:mediaPicker']//figure[.//img[@alt='" + alt + "']]//button"));
                browser.waitUntil(d -> !d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
                editor.save();
                String body = Api.as("editor").get("/api/articles/" + id).json().getString("body");
                assertTrue(body.contains("<img") && body.contains(java.net.URI.create(src).getPath()) && body.contains(alt), body);
            }
        }
    }

    @Test
    void editorsAndReviewersCannotOpenAdminScreens() {
        try (Browser browser = Browser.open()) {
            new BackOffice(browser).login("editor");
            browser.go("/admin/accounts.xhtml");
            assertTrue(browser.text(By.tagName("body")).contains("无权访问"), browser.text(By.tagName("body")));
            assertTrue(!browser.exists(By.id("accounts:create")));
        }
    }

    @Test
    void anEditorRestoresAnEarlierRevisionAsANewDraft() {
        String first = uniqueTitle("初版标题");
        JsonObject live = Articles.published(first);
        long id = Articles.id(live);
        Articles.ok(Api.as("editor").put("/api/articles/" + id, Articles.json("第二版标题", "摘要", "<p>第二版</p>",
                Articles.categoryId(), live.getJsonNumber("version").longValue()).toString()));
        Articles.ok(Articles.transition("editor", id, "submit"));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            browser.go("/admin/articles/history.xhtml?id=" + id);
            assertTrue(browser.text(By.id("history:revisions")).contains(first));
            assertTrue(browser.text(By.id("history:events")).contains("提交审核"));
            browser.screenshot("8-history");
            Articles.ok(Articles.transition("reviewer", id, "request-changes", "请恢复原来的标题"));
            browser.go("/admin/articles/history.xhtml?id=" + id);
            browser.find(By.cssSelector("[id$=':restore']"));
            browser.all(By.cssSelector("[id$=':restore']")).get(browser.all(By.cssSelector("[id$=':restore']")).size() - 1).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/articles/edit.xhtml"));
            browser.waitForPage();
            assertTrue(office.messages().contains("恢复为新草稿"), office.messages());
            BackOffice.Editor editor = office.new Editor();
            assertEquals(first, editor.titleValue());
            assertTrue(editor.state().contains("state-DRAFT"));
        }
        JsonObject after = Api.as("editor").get("/api/articles/" + id).json();
        assertEquals(3, after.getInt("revision"));
        assertEquals(first, after.getString("title"));
        assertTrue(after.getBoolean("live"), "the live revision stays online meanwhile");
    }

    /** Chooses a category in the article list's filter by clicking its row in the tree picker. */
    private static void pickListCategory(Browser browser, String path) {
        browser.pick("articles:category", path);
    }
}
