package org.healthportal.cms.platform;

import static org.healthportal.cms.testsupport.Articles.categoryId;
import static org.healthportal.cms.testsupport.Articles.json;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.h2.tools.Server;
import org.healthportal.cms.backoffice.BackOffice;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Browser;
import org.healthportal.cms.testsupport.CmsServer;
import org.healthportal.cms.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back, between a node and its database (a TCP proxy the test cuts): what needs
 * the database answers 503 at once, stored pages go on, nothing refused is written, and everything recovers
 * without a restart. On H2 the node's database is served over TCP by this test; on MySQL/MariaDB
 * ({@code CMS_DB_URL}) the proxy stands before that server.
 */
class DatabaseOutageIT {

    /** What "at once" means here: the bound, far above the in-memory check that answers. */
    private static final Duration FAST = Duration.ofSeconds(2);

    private static Server h2;
    private static TcpProxy proxy;
    private static CmsServer node;
    private static String jdbcUrl;

    @BeforeAll
    static void start() throws Exception {
        String external = System.getenv("CMS_DB_URL");
        List<String> args = new ArrayList<>();
        if (external == null) {
            Path dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath().resolve("outage-db");
            CmsServer.deleteTree(dir);
            Files.createDirectories(dir);
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(CmsServer.freePort()), "-baseDir", dir.toString(),
                    "-ifNotExists").start();
            proxy = new TcpProxy("127.0.0.1", h2.getPort());
            jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/cms;MODE=LEGACY;LOCK_TIMEOUT=10000";
            args.add("-Dcms.db.url=jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/cms;MODE=LEGACY;LOCK_TIMEOUT=10000");
        } else {
            URI db = URI.create(external.substring("jdbc:".length()));
            proxy = new TcpProxy(db.getHost(), db.getPort() < 0 ? 3306 : db.getPort());
            jdbcUrl = external;
            args.add("-Dcms.db.url=" + external.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"));
        }
        node = CmsServer.start("outage", args).awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void whileTheDatabaseIsAwayItAnswersAtOnceAndAfterwardsAsBefore() throws Exception {
        Api editor = Api.as("editor").on(node);
        Api reader = Api.anonymous().on(node);
        await(() -> reader.get("/health/ready").status() == 200, "ready");
        String stored = "/articles/" + firstLiveSlug(reader);
        assertEquals(200, reader.get(stored).status());
        assertEquals(200, reader.get(stored).status(), "now stored");
        String before = uniqueTitle("停库前");
        assertEquals(201, editor.post("/api/articles", json(before, "摘要。", "<p>正文。</p>", categoryId(node), null)
                .toString()).status());

        proxy.cut();
        await(() -> reader.get("/health/ready").status() == 503, "ready reports down");
        Api.Response health = reader.get("/health/ready");
        assertTrue(health.body().contains("DOWN"), health.body());
        assertFalse(health.body().toLowerCase().contains("sql") || health.body().contains("jdbc"), health.body());

        Api.Response page = timed(() -> reader.get("/categories/zhenci-liaofa"), "an unstored page");
        assertEquals(503, page.status(), page.toString());
        assertTrue(page.header("Retry-After") != null, "Retry-After");
        assertTrue(page.body().contains("class=\"site-header\"") && page.body().contains("页面暂时无法打开"),
                "a friendly page in the site's layout: " + page.body());
        assertFalse(page.body().contains("Exception") || page.body().contains("SQL"), page.body());

        Api.Response list = timed(() -> editor.get("/api/articles"), "an API read");
        assertEquals(503, list.status(), list.toString());
        assertTrue(list.json().getString("error").contains("database"), list.body());
        assertTrue(list.header("Retry-After") != null);

        String during = uniqueTitle("停库中");
        Api.Response refused = timed(() -> editor.post("/api/articles", json(during, "摘要。", "<p>正文。</p>",
                1, null).toString()), "an API write");
        assertEquals(503, refused.status(), refused.toString());

        Api.Response hit = timed(() -> reader.get(stored), "a stored page");
        assertEquals(200, hit.status(), "stored pages go on being served");
        assertTrue(timed(() -> reader.get("/search?q=" + java.net.URLEncoder.encode("针灸",
                java.nio.charset.StandardCharsets.UTF_8)), "search").status() == 200, "search reads the node's index");

        proxy.restore();
        await(() -> reader.get("/health/ready").status() == 200, "ready again without a restart");
        assertEquals(200, reader.get("/categories/zhenci-liaofa").status(), "rendered again");
        assertEquals(200, editor.get("/api/articles").status());
        String after = uniqueTitle("恢复后");
        assertEquals(201, editor.post("/api/articles", json(after, "摘要。", "<p>正文。</p>", categoryId(node), null)
                .toString()).status());
        assertEquals(1, countArticlesTitled(before), "acknowledged before the outage");
        assertEquals(0, countArticlesTitled(during), "refused during the outage: not written");
        assertEquals(1, countArticlesTitled(after), "acknowledged after it");
    }

    @Test
    void theEditorKeepsWhatWasTypedAndSavesItOnceTheDatabaseIsBack() throws Exception {
        Api reader = Api.anonymous().on(node);
        await(() -> reader.get("/health/ready").status() == 200, "ready");
        String title = uniqueTitle("停库编辑");
        Api.Response created = Api.as("editor").on(node).post("/api/articles", json(title, "摘要。", "<p>正文。</p>",
                categoryId(node), null).toString());
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        try (Browser browser = Browser.open(node)) {
            BackOffice office = new BackOffice(browser).login("editor");
            BackOffice.Editor editor = office.editArticle(id);
            String typed = title + " 停库时修改";
            editor.title(typed);

            proxy.cut();
            await(() -> reader.get("/health/ready").status() == 503, "ready reports down");
            try {
                editor.save();
            } catch (RuntimeException e) {
                throw new AssertionError("no answer to the save: " + browser.driver().getPageSource(), e);
            }
            String messages = office.messages();
            assertTrue(messages.contains("数据库暂时无法访问"), "says why: " + messages);
            assertEquals(typed, editor.titleValue(), "what was typed is kept");

            proxy.restore();
            await(() -> reader.get("/health/ready").status() == 200, "ready again");
            editor.save();
            office.waitUntilPageSays("草稿已保存");
            assertEquals(1, countArticlesTitled(typed), "saved once the database is back");
        } finally {
            proxy.restore();
        }
    }

    private static String firstLiveSlug(Api reader) {
        String home = reader.get("/").body();
        int at = home.indexOf("href=\"/articles/");
        assertTrue(at >= 0, "the demo content has live articles");
        int start = at + "href=\"/articles/".length();
        return home.substring(start, home.indexOf('"', start));
    }

    private static long categoryId(CmsServer on) {
        return Api.as("editor").on(on).get("/api/categories").array().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals("zhenci-liaofa")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static int countArticlesTitled(String title) throws Exception {
        try (Connection db = h2 != null ? DriverManager.getConnection(jdbcUrl, "cms", "cms-embedded")
                : DriverManager.getConnection(jdbcUrl, System.getenv("CMS_DB_USER"), System.getenv("CMS_DB_PASSWORD"));
             PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM revision WHERE title = ?")) {
            q.setString(1, title);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Runs the request and fails if it was not answered within {@link #FAST}: the request thread was held. */
    private static Api.Response timed(Supplier<Api.Response> request, String what) {
        long start = System.nanoTime();
        Api.Response response = request.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("database away: %s answered %d in %d ms%n", what, response.status(), millis);
        assertTrue(millis < FAST.toMillis(), what + " took " + millis + " ms");
        return response;
    }

    private static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 20 s\n" + node.logTail());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
