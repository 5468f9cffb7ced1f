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
import org.healthportal.cms.testsupport.CmsServer;
import org.healthportal.cms.testsupport.Smtp;
import org.healthportal.cms.backoffice.Categories.OverduePolicy;
import org.junit.jupiter.api.Test;

/** The admin's screens, and the editor's history: the paths behind the main journeys. */
class AdministrationJourneysIT {

    @Test
    void anAdminCreatesAReviewerAddsACategoryAndWritesANewDisclaimer() {
        String username = "rev" + UUID.randomUUID().toString().substring(0, 6);
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");

            Accounts accounts = office.accounts().create(username, "赵医生", "short", 1);
            assertTrue(office.messages().contains("密码至少需要 12 位"), "a short password is refused: " + office.messages());
            accounts.createWithPassword(username + "-password");
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            assertTrue(accounts.list().contains(username));
            browser.screenshot("7-accounts");
            assertEquals(200, Api.as(username, username + "-password").get("/api/categories").status(),
                    "the new account signs in");

            Categories categories = office.categories().add(slug, "测试栏目", "Test category");
            assertTrue(office.messages().contains("栏目已添加"), office.messages());
            assertTrue(categories.tree().contains("测试栏目"));
            assertTrue(Api.as("editor").get("/api/categories").body().contains(slug));
            browser.screenshot("7-categories");

            // The overdue-review policy, on the same screen: choose noindex, then back to the banner.
            try {
                categories.saveOverduePolicy(OverduePolicy.NOINDEX);
                assertTrue(office.messages().contains("复审策略已保存"), office.messages());
                assertEquals("noindex", Api.as("editor").get("/api/review-policy").json().getString("overdue"));
                browser.screenshot("7-review-policy");
                categories.saveOverduePolicy(OverduePolicy.BANNER);
            } finally {
                Api.as("admin").put("/api/review-policy", "{\"overdue\":\"banner\"}");
            }
            assertEquals("banner", Api.as("editor").get("/api/review-policy").json().getString("overdue"));

            String zh = "免责声明（测试版本 " + slug + "）：本文仅供健康科普参考，不能替代医生的诊断和治疗。";
            Disclaimers disclaimers = office.disclaimers().publishVersion(zh);
            assertTrue(office.messages().contains("已保存为第"), office.messages());
            assertTrue(disclaimers.versions().contains(slug));
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
            Categories categories = office.categories();
            for (String[] c : new String[][]{{"p", "父栏目"}, {"a", "甲栏目"}, {"b", "乙栏目"}}) {
                categories.add(c[0] + "-" + tag, c[1] + tag, c[0].toUpperCase() + " " + tag);
                assertTrue(office.messages().contains("栏目已添加"), office.messages());
            }
            Categories.Row parent = categories.row("p-" + tag);
            Categories.Row a = categories.row("a-" + tag);
            Categories.Row b = categories.row("b-" + tag);

            // Rename 甲 and move it under 父, in one save; then 乙 under 父 too, after 甲.
            a.edit().rename("甲栏目改名" + tag).moveUnder("父栏目" + tag).save();
            assertTrue(office.messages().contains("栏目已保存"), office.messages());
            b.edit().moveUnder("父栏目" + tag).save();
            assertEquals(java.util.List.of("p-" + tag + " 0", "a-" + tag + " 1", "b-" + tag + " 1"),
                    categories.inTreeOrder("-" + tag));
            assertTrue(a.text().contains("甲栏目改名" + tag));
            browser.screenshot("7-category-moved");

            // Order: 乙 up, before 甲.
            b.up();
            assertTrue(office.messages().contains("顺序已调整"), office.messages());
            assertEquals(java.util.List.of("p-" + tag + " 0", "b-" + tag + " 1", "a-" + tag + " 1"),
                    categories.inTreeOrder("-" + tag));

            // Renaming 父 while moving it under its own child is refused as a whole: the name stays too.
            parent.edit().rename("不该保存的名字").moveUnder("甲栏目改名" + tag).save();
            assertTrue(office.messages().contains("不能移动到自身或其下级栏目之下"), office.messages());
            assertTrue(Api.as("editor").get("/api/categories").body().contains("父栏目" + tag), "the old name stays");
            parent.cancel();
            assertFalse(parent.isEditing(), "cancel closes the edit");
            assertTrue(parent.text().contains("父栏目" + tag));
        }
    }

    @Test
    void aDisabledAccountCannotSignInAndEveryoneChangesTheirOwnPassword() {
        String username = "acc" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            office.accounts().create(username, "王编辑", username + "-password", 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            office.logout();

            // The new account changes its own password: a wrong current one and a mismatch are refused first.
            office.login(username, username + "-password");
            // A second session of the same account, elsewhere: it ends when the password changes.
            String elsewhere = Api.anonymous().formLogin(username, username + "-password").sessionCookie();
            assertEquals(200, Api.anonymous().getWithSession("/admin/", elsewhere).status());
            ChangePassword password = office.password();
            password.change("wrong-password", username + "-renewed", username + "-renewed");
            assertTrue(office.messages().contains("当前密码不正确"), office.messages());
            password.change(username + "-password", username + "-renewed", username + "-other");
            assertTrue(office.messages().contains("两次输入的新密码不一致"), office.messages());
            password.change(username + "-password", username + "-renewed", username + "-renewed");
            assertTrue(office.messages().contains("密码已修改"), office.messages());
            assertEquals(302, Api.anonymous().getWithSession("/admin/", elsewhere).status(), "the other session ended");
            assertTrue(office.dashboard().welcomes(), "this session goes on: " + browser.url());
            assertEquals(401, Api.as(username, username + "-password").get("/api/categories").status());
            assertEquals(200, Api.as(username, username + "-renewed").get("/api/categories").status());
            office.logout();

            office.login("admin");
            Accounts accounts = office.accounts().edit(username).disable().save();
            assertTrue(office.messages().contains("账号已保存"), office.messages());
            assertTrue(accounts.row(username).contains("已停用"));
            assertEquals(401, Api.as(username, username + "-renewed").get("/api/categories").status(),
                    "a disabled account is refused");
        }
    }

    /** Usable on a tablet: every screen fits 768 px in portrait without the page scrolling sideways. */
    @Test
    void theScreensFitATabletInPortrait() {
        long inReview = Articles.id(Articles.create(uniqueTitle("平板审核")));
        Articles.ok(Articles.transition("editor", inReview, "submit"));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("doctor");
            browser.resize(768, 1024);
            for (String page : new String[]{"index", "articles", "articles/edit", "articles/edit?id=" + inReview,
                    "articles/review?id=" + inReview, "articles/history?id=" + inReview, "media", "audit", "password"}) {
                browser.go("/admin/" + page.replace("?", ".xhtml?") + (page.contains("?") ? "" : ".xhtml"));
                assertTrue(office.hasAdminLayout(), page);
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
            office.accounts().create(username, "钱编辑", password, 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            office.logout();
            office.login(username, password);
            ChangePassword page = office.password();
            for (int i = 0; i < 5; i++) {
                page.change("guess-" + i, username + "-renewed", username + "-renewed");
                assertTrue(office.messages().contains("当前密码不正确"), office.messages());
            }
            page.change(password, username + "-renewed", username + "-renewed");
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
            office.accounts().create(username, "孙编辑", password, 0);
            assertTrue(office.messages().contains("账号已创建"), office.messages());
            for (int i = 0; i < 5; i++) {
                assertEquals(401, Api.as(username, "wrong-" + i).from(from).get("/api/categories").status());
            }
            assertEquals(429, Api.as(username, password).from(from).get("/api/categories").status());

            SignIns signIns = office.signIns();
            assertTrue(signIns.blockFor(username).contains(from), signIns.blockFor(username));
            browser.screenshot("13-sign-ins");
            signIns.lift(username);
            assertTrue(office.messages().contains("封锁已解除"), office.messages());
            assertFalse(signIns.hasBlockFor(username), "the block is gone from the list");
            assertEquals(200, Api.as(username, password).from(from).get("/api/categories").status());
        }
    }

    @Test
    void anAdminSeesAFailedMailRetriesItAndSendsDigestsOnTheMailScreen() throws Exception {
        String subject = "浏览器重试 " + UUID.randomUUID().toString().substring(0, 8);
        try (java.sql.Connection c = CmsServer.database(); java.sql.PreparedStatement p = c.prepareStatement(
                "INSERT INTO mail_message (recipient_id, to_address, kind, subject, text_body, html_body, message_id,"
                        + " status, attempts, next_attempt_at, last_error, created_at)"
                        + " SELECT id, 'editor@example.org', 'approved', ?, '正文', '<p>正文</p>', ?, 'FAILED', 8, ?,"
                        + " '550 mailbox unavailable', ? FROM account WHERE username = 'editor'")) {
            java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
            p.setString(1, subject);
            p.setString(2, "<" + UUID.randomUUID() + "@127.0.0.1>");
            p.setObject(3, now);
            p.setObject(4, now);
            assertEquals(1, p.executeUpdate());
        }
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            MailScreen mail = office.mail();
            assertTrue(mail.smtp().contains("127.0.0.1:" + Smtp.get().port()), mail.smtp());
            assertTrue(mail.row(subject).contains("失败") && mail.row(subject).contains("550 mailbox unavailable"),
                    mail.row(subject));
            browser.screenshot("14-mail");
            mail.retry(subject);
            assertTrue(office.messages().contains("已重新排队"), office.messages());
            Smtp.get().await(Smtp.subjectContains(subject), 1, java.time.Duration.ofSeconds(60));
            mail.sendDigests();
            assertTrue(office.messages().contains("封摘要邮件"), office.messages());
        }
        try (Browser browser = Browser.open()) {
            new BackOffice(browser).login("editor");
            assertFalse(browser.exists(org.openqa.selenium.By.id("navMail")), "admins only");
        }
    }

    @Test
    void everyScreenRendersForTheAdmin() {
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            for (String page : new String[]{"index", "articles", "media", "audit", "categories", "accounts", "disclaimers",
                    "sign-ins", "mail", "password", "articles/edit"}) {
                browser.go("/admin/" + page + ".xhtml");
                String body = office.pageText();
                assertTrue(!body.contains("服务暂时不可用") && office.hasAdminLayout(),
                        page + ": " + body);
                browser.screenshot("9-" + page.replace('/', '-'));
            }
            String marker = UUID.randomUUID().toString().substring(0, 8);
            Articles.create("列表筛选 " + marker);
            ArticleList list = office.articles().search(marker).waitUntilListing(1);
            assertTrue(list.firstTitle().contains(marker), "the filter finds the article");
            // The article is in 中医 › 特色中医 › 针刺疗法: choosing the top category keeps it, another branch does not.
            list.category("中医");
            assertEquals(1, list.count(), "a category holds its subcategories' articles");
            list.category("康复");
            assertTrue(list.isEmpty(), "another branch does not");
            assertTrue(office.audit().actor("reviewer").filter().events().contains("reviewer"));
            long published = Articles.id(Articles.published(uniqueTitle("合规档案")));
            ComplianceRecord record = office.compliance(published);
            assertTrue(record.text().contains("合规档案"), office.pageText());
            assertTrue(record.text().contains("主任医师"), "the approver's credentials are in the record");
            browser.screenshot("9-compliance-record");
            assertTrue(office.claims().terms().contains("根治"), "the shipped dictionary");
            office.editArticle(987654321);
            assertTrue(office.pageText().contains("页面不存在"), "an unknown article is a 404");
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
            MediaLibrary media = office.media().upload(png);
            assertTrue(office.messages().contains("替代文字"), "alt text is required: " + office.messages());
            media.upload(png, alt);
            assertTrue(office.messages().contains("已上传"), office.messages());
            String src = media.imageSource(alt);
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
                editor.openMediaPicker();
                browser.screenshot("10-media-picker");
                editor.insertPickedImage(alt).save();
                String body = Api.as("editor").get("/api/articles/" + id).json().getString("body");
                assertTrue(body.contains("<img") && body.contains(java.net.URI.create(src).getPath()) && body.contains(alt), body);
            }
        }
    }

    @Test
    void editorsAndReviewersCannotOpenAdminScreens() {
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            Accounts accounts = office.accounts();
            assertTrue(office.pageText().contains("无权访问"), office.pageText());
            assertTrue(!accounts.canCreate());
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
            History history = office.history(id);
            assertTrue(history.revisions().contains(first));
            assertTrue(history.events().contains("提交审核"));
            browser.screenshot("8-history");
            Articles.ok(Articles.transition("reviewer", id, "request-changes", "请恢复原来的标题"));
            BackOffice.Editor editor = office.history(id).restoreEarliest();
            assertTrue(office.messages().contains("恢复为新草稿"), office.messages());
            assertEquals(first, editor.titleValue());
            assertTrue(editor.state().contains("state-DRAFT"));
        }
        JsonObject after = Api.as("editor").get("/api/articles/" + id).json();
        assertEquals(3, after.getInt("revision"));
        assertEquals(first, after.getString("title"));
        assertTrue(after.getBoolean("live"), "the live revision stays online meanwhile");
    }
}
