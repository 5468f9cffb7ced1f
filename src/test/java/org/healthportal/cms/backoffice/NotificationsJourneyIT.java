package org.healthportal.cms.backoffice;

import static org.healthportal.cms.testsupport.Articles.create;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/**
 * A reviewer learns of a submission from the header's unread count, follows it to the review screen and shares a
 * preview link from there.
 */
class NotificationsJourneyIT {

    @Test
    void editorSubmitsAndTheReviewerFollowsTheNotificationToTheReview() {
        String title = uniqueTitle("通知旅程");
        long id = id(create(title));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("reviewer");
            int before = Notifications.unreadCount(browser);
            office.logout();

            office.login("editor");
            BackOffice.Editor editor = office.editArticle(id);
            editor.submit();
            assertTrue(editor.state().contains("state-IN_REVIEW"), editor.state() + " " + office.messages());
            office.logout();

            office.login("reviewer");
            // At least: the scheduler may tell the reviewer of an overdue review meanwhile (another test's policy
            // change hands every overdue article to it again).
            int unread = Notifications.unreadCount(browser);
            assertTrue(unread >= before + 1, "the header counts the new one: " + before + " then " + unread);
            assertFalse(readAbout(title), "unread until opened");
            browser.screenshot("13-unread-count");
            Notifications inbox = new Notifications(office).openFromHeader();
            String entry = inbox.entryAbout(title);
            assertTrue(entry.contains("李编辑") && entry.contains("等待您的医学审核"), entry);
            browser.screenshot("13-notifications");
            inbox.follow(title);
            assertTrue(browser.url().contains("/admin/articles/review.xhtml?id=" + id), browser.url());
            assertTrue(readAbout(title), "opening it marked it read");
            assertEquals(reviewerUnread(), Notifications.unreadCount(browser), "the header counts it no more");
            // The review screen shares a preview link too, for a second opinion from outside.
            String url = new PreviewLinks(office).share(24, "请帮忙看一下剂量部分。");
            assertTrue(url.matches("https?://.+/preview/[A-Za-z0-9_-]{43}"), url);
        }
    }

    private static int reviewerUnread() {
        return Api.as("reviewer").get("/api/notifications?size=1").json().getInt("unread");
    }

    /** Whether the reviewer's notification of the submission is read, by the API. */
    private static boolean readAbout(String title) {
        return Api.as("reviewer").get("/api/notifications?size=100").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(n -> n.getString("subject").equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no notification about " + title)).getBoolean("read");
    }
}
