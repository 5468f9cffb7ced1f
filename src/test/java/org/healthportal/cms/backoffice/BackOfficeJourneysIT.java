package org.healthportal.cms.backoffice;

import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/**
 * One journey per role's main path, in a real browser against the running server. Screenshots of the main
 * screens land in target/screenshots.
 */
class BackOfficeJourneysIT {

    private static final String BODY = "<h2>1、居家康复的原则</h2><p>卒中后居家康复应循序渐进，在康复医师指导下进行。</p>";

    @Test
    void editorDraftsAnArticleAndSubmitsIt() {
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            browser.screenshot("1-dashboard");
            String title = uniqueTitle("卒中后居家康复要点");
            BackOffice.Editor editor = office.newArticle().title(title).summary("卒中后的居家康复需要循序渐进。");
            java.util.List<String> tree = editor.openCategoryPicker();
            browser.screenshot("1-category-picker");
            assertTrue(tree.indexOf("0 中医") >= 0 && tree.indexOf("0 中医") < tree.indexOf("1 特色中医")
                    && tree.indexOf("1 特色中医") < tree.indexOf("2 针刺疗法"), "the picker shows the tree: " + tree);
            editor.category("卒中康复").body(BODY)
                    .sources("健康科普内容平台编辑部", "李编辑", "卒中患者家属", "中国脑卒中早期康复治疗指南", "中华神经科杂志");
            browser.screenshot("1-new-article");
            editor.save();
            assertTrue(office.messages().contains("草稿已保存"), office.messages());
            assertTrue(editor.state().contains("state-DRAFT"), editor.state());
            long id = editor.id();
            editor.submit();
            assertTrue(editor.state().contains("state-IN_REVIEW"), editor.state());
            assertTrue(office.messages().contains("已提交审核"), office.messages());
            browser.screenshot("1-submitted");

            JsonObject saved = Api.as("editor").get("/api/articles/" + id).json();
            assertEquals(title, saved.getString("title"));
            assertEquals("IN_REVIEW", saved.getString("state"));
            assertTrue(saved.getString("body").contains("循序渐进"), saved.getString("body"));
        }
    }

    @Test
    void leavingTheEditorWithUnsavedChangesAsksFirst() {
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            BackOffice.Editor editor = office.newArticle();
            assertFalse(editor.leavingWouldAsk(), "an untouched new article");
            editor.title(uniqueTitle("离开前提醒")).summary("未保存的修改不会悄悄丢失。").category("卒中康复").body(BODY)
                    .sources("健康科普内容平台编辑部", "李编辑", "卒中患者家属", "中国脑卒中早期康复治疗指南", "中华神经科杂志");
            assertTrue(editor.leavingWouldAsk(), "typed but never saved");
            editor.save();
            assertFalse(editor.leavingWouldAsk(), "saved, and at its own address: " + office.messages());

            editor.summary("导语改过了，还没保存。");
            assertTrue(editor.leavingWouldAsk());
            editor.waitUntilUnsavedNoteShows();
            browser.screenshot("1-unsaved-changes");
            editor.autosaveNow();
            assertFalse(editor.leavingWouldAsk(), "the autosave stored it");
            editor.waitUntilUnsavedNoteHides();
            assertTrue(editor.status().contains("已自动保存于"), editor.status());
            assertEquals("导语改过了，还没保存。", Api.as("editor").get("/api/articles/" + editor.id()).json().getString("summary"));

            editor.title("标题改过了，还没保存 " + uniqueTitle(""));
            assertTrue(editor.leavingWouldAsk());
            editor.save();
            assertFalse(editor.leavingWouldAsk());
        }
    }

    @Test
    void theEditorPreviewsSchedulesAndUnpublishesAndTheAuditFindsIt() {
        String title = uniqueTitle("肩周炎的康复训练");
        long id = Articles.id(Articles.create(title));
        Articles.ok(Articles.transition("editor", id, "submit"));
        Articles.ok(Articles.transition("reviewer", id, "approve"));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            BackOffice.Editor editor = office.editArticle(id);

            String preview = editor.openPreview().previewText();
            assertTrue(preview.contains(title) && preview.contains("改善局部微循环"), preview);
            for (String part : new String[]{"中医 › 特色中医 › 针刺疗法", "测试编辑部", "针灸学", "免责声明", "医学审核"}) {
                assertTrue(preview.contains(part), "the preview shows what readers will see, " + part + ": " + preview);
            }
            browser.screenshot("3-preview");
            editor.closePreview();

            // Schedule for the day after tomorrow, in the editor's time zone (the back office shows Beijing time).
            String when = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).withHour(9)
                    .withMinute(30).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            editor.publishAt(when).schedule();
            assertTrue(office.messages().contains("已设置定时发布"), office.messages());
            assertTrue(editor.status().contains(when), editor.status());
            JsonObject scheduled = Api.as("editor").get("/api/articles/" + id).json();
            assertFalse(scheduled.getBoolean("live"), "scheduled, not yet public");

            editor.publish();
            assertTrue(editor.state().contains("state-PUBLISHED"), editor.state() + " " + office.messages());
            String slug = Api.as("editor").get("/api/articles/" + id).json().getString("slug");
            assertEquals(200, Api.anonymous().get("/articles/" + slug).status());

            editor.unpublish("资料需要更新");
            assertTrue(office.messages().contains("文章已下线"), office.messages());
            assertTrue(editor.state().contains("state-UNPUBLISHED"), editor.state());
            assertEquals(410, Api.anonymous().get("/articles/" + slug).status(), "gone from the public site");

            String events = office.audit().action("下线").filter().events();
            assertTrue(events.contains("资料需要更新") || events.contains(String.valueOf(id)), events);
            assertFalse(events.contains("批准"), "only unpublish events: " + events);
            browser.screenshot("3-audit-unpublish");
        }
    }

    @Test
    void reviewerRequestsChangesAndTheEditorRevisesAndResubmits() {
        long id = Articles.id(Articles.create(uniqueTitle("针灸辅助治疗面瘫")));
        Articles.ok(Articles.transition("editor", id, "submit"));
        String comment = "请补充适用人群，并删除“效果显著”的说法。";
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("reviewer");
            BackOffice.Review review = office.review(id);
            browser.screenshot("2-review");
            review.requestChanges();
            assertTrue(office.messages().contains("必须填写审核意见"), "a comment is required: " + office.messages());
            assertTrue(review.state().contains("state-IN_REVIEW"));
            review.comment(comment).requestChanges();
            browser.screenshot("2-changes-requested");
            assertTrue(review.state().contains("state-CHANGES_REQUESTED"), review.state() + " " + office.messages());
            office.logout();

            office.login("editor");
            assertTrue(office.dashboard().queue("changesRequested").contains("针灸辅助治疗面瘫"),
                    "the editor's own queue, which only the editor's articles fill");
            BackOffice.Editor editor = office.editArticle(id);
            assertTrue(editor.page().contains(comment), "the editor sees the reviewer's comment");
            browser.screenshot("2-editor-sees-comment");
            editor.summary("针灸可作为面瘫的辅助治疗，适用人群：发病一周后的周围性面瘫患者。").save();
            assertTrue(editor.state().contains("state-DRAFT"), editor.state());
            editor.submit();
            assertTrue(editor.state().contains("state-IN_REVIEW"), editor.state());
        }
        JsonObject after = Api.as("editor").get("/api/articles/" + id).json();
        assertEquals(2, after.getInt("revision"), "the reviewed revision stays as it was");
    }

    @Test
    void reviewerApprovesEditorPublishesAndThePublicSeesIt() {
        String title = uniqueTitle("膝骨关节炎的运动康复");
        long id = Articles.id(Articles.create(title));
        Articles.ok(Articles.transition("editor", id, "submit"));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("reviewer");
            // Oldest first: other tests' articles may fill the first lines, so the count is what is checked here.
            assertTrue(office.dashboard().queueCount("awaitingMyReview") >= 1,
                    "the reviewer's queue counts the article");
            BackOffice.Review review = office.review(id);
            assertTrue(review.canApprove());
            review.comment("内容准确，可以发布。").approve();
            assertTrue(review.state().contains("state-APPROVED"), review.state());
            office.logout();

            office.login("editor");
            BackOffice.Editor editor = office.editArticle(id);
            editor.publish();
            assertTrue(editor.state().contains("state-PUBLISHED"), editor.state());
            browser.screenshot("3-published");

            String slug = Api.as("editor").get("/api/articles/" + id).json().getString("slug");
            PublicArticle article = new PublicArticle(browser).open(slug);
            assertTrue(article.heading().contains(title), article.text());
            browser.screenshot("3-public-page");
        }
    }

    /** Each label of the editor's form grid beside its own field, read-only or not: offsets from the label's row. */
    private static final String LABEL_ROWS = """
            var grid = document.getElementById('editor:fields'), out = [];
            Array.from(grid.children).filter(k => k.matches('label, .ui-outputlabel')).forEach(function (l) {
              var cell = l.htmlFor ? document.getElementById(l.htmlFor) : null;
              while (cell && cell.parentElement !== grid) { cell = cell.parentElement; }
              cell = cell || l.nextElementSibling;
              var a = l.getBoundingClientRect(), b = cell.getBoundingClientRect();
              out.push(l.textContent.trim() + ' ' + Math.round(Math.abs(a.top - b.top)) + ' ' + (b.left > a.right - 1));
            });
            out.push(Array.from(grid.children).filter(k => getComputedStyle(k).display !== 'none')
                .map(k => k.tagName + '#' + k.id + '.' + k.className).join(' | '));
            return out;""";

    @Test
    void everyLabelOfTheEditorSitsBesideItsFieldEditableOrReadOnly() {
        long id = Articles.id(Articles.create(uniqueTitle("只读表单对齐")));
        Articles.ok(Articles.transition("editor", id, "submit"));
        for (String role : java.util.List.of("editor", "reviewer")) {
            try (Browser browser = Browser.open()) {
                org.junit.jupiter.api.Assumptions.assumeTrue(browser.isChromium(), "layout needs Chromium; CI requires it");
                BackOffice office = new BackOffice(browser).login(role);
                office.editArticle(id);
                @SuppressWarnings("unchecked")
                java.util.List<String> rows = new java.util.ArrayList<>((java.util.List<String>) browser.script(LABEL_ROWS));
                String cells = rows.remove(rows.size() - 1);
                assertEquals(9, rows.size(), role + ": every field labelled: " + rows);
                for (String row : rows) {
                    assertTrue(row.endsWith(" 0 true"), role + ": a label away from its field: " + row + " in " + rows + "; cells: " + cells);
                }
                assertTrue(browser.exists(org.openqa.selenium.By.cssSelector("head link[rel=icon][href*='favicon']")),
                        "the back office names the site's icon");
                browser.screenshot("4-editor-as-" + role);
            }
        }
    }

    @Test
    void theDoctorCannotApproveTheirOwnArticle() {
        JsonObject created = Api.as("doctor").post("/api/articles", Articles.json(uniqueTitle("颈椎病的自我锻炼"),
                "颈椎病患者可在医生指导下进行适度锻炼。", BODY, Articles.categoryId(), null).toString()).json();
        long id = Articles.id(created);
        Articles.ok(Articles.transition("doctor", id, "submit"));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("doctor");
            BackOffice.Review review = office.review(id);
            assertFalse(review.canApprove(), "no Approve button on one's own work");
            assertTrue(review.page().contains("需由其他审核专家批准"), review.page());
            browser.screenshot("4-own-work");
        }
        assertEquals(403, Articles.transition("doctor", id, "approve").status(), "and the server refuses anyway");
    }

    @Test
    void aTakenAddressRefusesTheWholeSaveAndTheNextSaveIsNoConflict() {
        JsonObject taken = Articles.create(uniqueTitle("已有地址的文章"));
        JsonObject created = Articles.create(uniqueTitle("要改地址的文章"));
        long id = Articles.id(created);
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            BackOffice.Editor editor = office.editArticle(id);
            editor.title("改过的标题").slug(taken.getString("slug")).save();
            assertTrue(office.messages().contains("已被使用"), office.messages());
            JsonObject stored = Api.as("editor").get("/api/articles/" + id).json();
            assertEquals(created.getString("title"), stored.getString("title"), "a refused address saves nothing");
            assertEquals(created.getString("slug"), stored.getString("slug"));

            editor.slug("moved-" + id).save();
            assertFalse(editor.showsConflict(), "the editor's version is still the stored one");
            assertTrue(office.messages().contains("草稿已保存"), office.messages());
            stored = Api.as("editor").get("/api/articles/" + id).json();
            assertEquals("改过的标题", stored.getString("title"));
            assertEquals("moved-" + id, stored.getString("slug"));
            editor.summary("之后自动保存的导语").autosaveNow();
            assertFalse(editor.showsConflict(), "nor does the autosave after it meet a conflict with my own edit");
            assertEquals("之后自动保存的导语", Api.as("editor").get("/api/articles/" + id).json().getString("summary"));
        }
    }

    @Test
    void twoEditorsSavingTheSameArticleSeeTheConflictAndLoseNothing() {
        long id = Articles.id(Articles.create(uniqueTitle("失眠的中医调理")));
        try (Browser first = Browser.open(); Browser second = Browser.open()) {
            BackOffice editor = new BackOffice(first).login("editor");
            BackOffice doctor = new BackOffice(second).login("doctor");
            BackOffice.Editor one = editor.editArticle(id);
            BackOffice.Editor two = doctor.editArticle(id);

            one.title("第一位编辑的标题").save();
            assertTrue(editor.messages().contains("草稿已保存"), editor.messages());

            two.title("第二位编辑的标题").save();
            assertTrue(two.showsConflict(), "the second save shows the conflict");
            String conflict = two.conflict();
            assertTrue(conflict.contains("<del>一</del>") && conflict.contains("<ins>二</ins>"), "both versions: " + conflict);
            assertEquals("第二位编辑的标题", two.titleValue(), "my text is still in the editor");
            second.screenshot("5-conflict");
            assertEquals("第一位编辑的标题", Api.as("editor").get("/api/articles/" + id).json().getString("title"),
                    "nothing was overwritten silently");

            two.keepMine();
            assertFalse(two.showsConflict());
            assertEquals("第二位编辑的标题", Api.as("editor").get("/api/articles/" + id).json().getString("title"));
            JsonObject audit = Api.as("editor").get("/api/articles/" + id + "/audit").array().getJsonObject(1);
            assertEquals("save", audit.getString("action"), "the first editor's save is in the record");

            // The first editor's page is now behind: an autosave there loses the race the same way.
            one.summary("第一位编辑后来改的导语").autosaveNow();
            assertTrue(one.showsConflict(), "an autosave that lost the race shows the conflict");
            assertTrue(one.leavingWouldAsk(), "and the page still holds unstored text");
            assertEquals("第二位编辑的标题", Api.as("editor").get("/api/articles/" + id).json().getString("title"),
                    "the autosave overwrote nothing");
        }
    }

    @Test
    void theBackOfficeSpeaksChineseByDefaultAndEnglishOnRequest() {
        long id = Articles.id(Articles.create(uniqueTitle("语言切换")));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            assertTrue(office.dashboard().welcome().contains("欢迎"));
            BackOffice.Editor editor = office.editArticle(id);
            assertEquals("保存草稿", editor.buttonLabel("save"));
            assertEquals("提交审核", editor.buttonLabel("submit"));
            browser.screenshot("6-chinese");

            office.switchToEnglish();
            editor = office.new Editor();
            assertEquals("Save draft", editor.buttonLabel("save"));
            assertEquals("Submit for review", editor.buttonLabel("submit"));
            assertEquals("en", office.pageLanguage());
            browser.screenshot("6-english");

            Articles.ok(Articles.transition("editor", id, "submit"));
            Articles.ok(Articles.transition("reviewer", id, "approve"));
            office.editArticle(id);
            assertEquals("Publish", editor.buttonLabel("publish"));
            assertEquals("Schedule", editor.buttonLabel("schedule"));
            Articles.ok(Articles.transition("editor", id, "publish"));
            office.editArticle(id);
            assertEquals("Unpublish", editor.buttonLabel("unpublish"));

            office.logout();
            office.login("reviewer");
            Articles.ok(Articles.transition("admin", id, "archive"));
            long review = Articles.id(Articles.create(uniqueTitle("英文审核界面")));
            Articles.ok(Articles.transition("editor", review, "submit"));
            BackOffice.Review english = office.review(review);
            assertEquals("Approve", english.buttonLabel("approve"));
            assertEquals("Request changes", english.buttonLabel("requestChanges"));
            browser.screenshot("6-english-review");

            office.switchToChinese();
            assertEquals("批准", english.buttonLabel("approve"));
        }
    }
}
