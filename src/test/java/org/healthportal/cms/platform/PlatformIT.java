package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Test;

/** What the platform promises: health, API description, login, and a clear stop on a bad database. */
class PlatformIT {

    @Test
    void readyWhileTheDatabaseAnswers() {
        Api.Response r = Api.anonymous().get("/health/ready");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("\"database\""), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Api.Response r = Api.anonymous().get("/openapi");
        assertEquals(200, r.status());
        assertTrue(r.body().contains("/api/articles/{id}/transitions"), r.body());
        assertTrue(r.body().contains("basic"), r.body());
    }

    @Test
    void theSiteIconAnswersWhereBrowsersAskAndEveryPageLinksIt() {
        Api.Response ico = Api.anonymous().get("/favicon.ico");
        assertEquals(200, ico.status(), "no 404 in every reader's console");
        assertEquals("image/x-icon", ico.header("Content-Type"));
        assertEquals("public, max-age=86400", ico.header("Cache-Control"));
        assertEquals(200, Api.anonymous().get("/apple-touch-icon.png").status());
        for (String page : List.of("/", "/categories/zhenci-liaofa", "/search?q=%E9%92%88%E7%81%B8", "/login.xhtml")) {
            String html = Api.anonymous().get(page).body();
            java.util.regex.Matcher svg = java.util.regex.Pattern.compile("<link rel=\"icon\" href=\"(/assets/img/favicon\\.svg\\?v=[^\"]+)\"")
                    .matcher(html);
            assertTrue(svg.find(), page + " links the icon: " + html);
            Api.Response linked = Api.anonymous().get(svg.group(1));
            assertEquals(200, linked.status(), svg.group(1));
            assertTrue(linked.header("Content-Type").startsWith("image/svg+xml"), linked.header("Content-Type"));
        }
    }

    @Test
    void theBackOfficeNeedsALogin() {
        Api.Response r = Api.anonymous().send(Api.anonymous().request("/admin/").GET());
        assertEquals(302, r.status());
        assertTrue(r.header("Location").contains("/login.xhtml"), r.header("Location"));
    }

    @Test
    void anExpiredSessionLeadsToTheLoginPageWithAMessage() {
        Api.Response r = Api.anonymous().send(Api.anonymous().request("/admin/articles.xhtml")
                .header("Cookie", "JSESSIONID=expired-session-id").GET());
        assertEquals(302, r.status());
        assertTrue(r.header("Location").endsWith("/login.xhtml?expired=true"), r.header("Location"));
        Api.Response ajax = Api.anonymous().send(Api.anonymous().request("/admin/articles.xhtml")
                .header("Cookie", "JSESSIONID=expired-session-id").header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(200, ajax.status());
        assertTrue(ajax.body().contains("<redirect url=\"/login.xhtml?expired=true\""), ajax.body());
        assertTrue(Api.anonymous().get("/login.xhtml?expired=true").body().contains("会话已过期"));
    }

    @Test
    void loginLandsOnTheBackOfficeAndAWrongPasswordSaysSo() {
        Api.Response form = Api.anonymous().get("/login.xhtml");
        assertEquals(200, form.status());
        assertNull(form.header("Set-Cookie"), "the login form itself creates no session");
        assertTrue(form.body().contains("内容管理后台"), "Chinese by default");

        Api.Response wrong = Api.anonymous().formLogin("editor", "not-the-password");
        assertEquals(200, wrong.status());
        assertTrue(wrong.body().contains("用户名或密码错误"), wrong.body());

        Api.Response right = Api.anonymous().formLogin("editor", "editor-demo");
        assertEquals(302, right.status(), right.toString());
        assertTrue(right.header("Location").endsWith("/admin/"));
        String cookie = right.header("Set-Cookie").split(";")[0];
        Api.Response landing = Api.anonymous().send(Api.anonymous().request("/admin/").header("Cookie", cookie).GET());
        assertEquals(200, landing.status());
        assertTrue(landing.body().contains("欢迎"), landing.body());
        assertTrue(landing.body().contains("李编辑"), landing.body());
    }

    @Test
    void publicPagesSetNoCookie() {
        Api.Response home = Api.anonymous().get("/");
        assertEquals(200, home.status());
        assertNull(home.header("Set-Cookie"));
        Api.Response missing = Api.anonymous().get("/articles/no-such-article");
        assertEquals(404, missing.status());
        assertFalse(missing.body().contains("at org."), "no stack trace: " + missing.body());
        assertTrue(missing.body().contains("页面不存在"), missing.body());
        assertNull(missing.header("Set-Cookie"));
    }

    @Test
    void anUnreachableDatabaseStopsTheServerWithAClearMessage() throws InterruptedException {
        CmsServer broken = CmsServer.start("broken-db", List.of(
                "-Dcms.db.url=jdbc:mysql://127.0.0.1:1/nowhere?connectTimeout=2000", "-Dcms.db.user=nobody",
                "-Dcms.db.password=nothing"));
        try {
            int exit = broken.awaitExit(Duration.ofMinutes(3));
            assertNotEquals(0, exit);
            String log = broken.log();
            assertTrue(log.contains("CMS STARTUP FAILED"), broken.logTail());
            assertTrue(log.contains("CMS_DB_URL"), broken.logTail());
        } finally {
            broken.stop();
        }
    }
}
