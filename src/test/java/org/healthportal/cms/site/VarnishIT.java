package org.healthportal.cms.site;

import static org.healthportal.cms.testsupport.Poll.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.healthportal.cms.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CMS behind Debian's Varnish running {@code docker/varnish/default.vcl} (its backend pointed at a CMS of this
 * test's own, which purges it through a TCP relay the test can cut). Public pages are kept for a day
 * (s-maxage), so whatever changes below happens because of a purge, not an expiry. Skips where varnishd is not
 * installed, unless {@code CMS_REQUIRE_VARNISH=true} (CI).
 */
class VarnishIT {

    private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    private static CmsServer cms;
    /** A second node on the same database, purging the same Varnish (outside the first one's data grid). */
    private static CmsServer second;
    private static TcpProxy purgeRelay;
    private static Process varnish;
    private static Path dir;
    private static Api through;
    private static URI varnishBase;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(VARNISHD)) {
            assertFalse("true".equalsIgnoreCase(System.getenv("CMS_REQUIRE_VARNISH")),
                    "CMS_REQUIRE_VARNISH=true but " + VARNISHD + " is missing (apt-get install varnish varnish-modules)");
            Assumptions.abort("Varnish is not installed (apt-get install varnish varnish-modules): shared caching is not tested");
        }
        int varnishPort = CmsServer.freePort();
        purgeRelay = new TcpProxy("127.0.0.1", varnishPort);
        List<String> purging = List.of("-Dcms.purge-urls=http://127.0.0.1:" + purgeRelay.port() + "/",
                "-Dcms.cache.purge-repeat=PT2S", "-Dcms.cache.purge-retry-max=PT1S");
        cms = CmsServer.startSharingDatabase("varnish-1", purging);
        second = CmsServer.startSharingDatabase("varnish-2", purging);
        cms.awaitReady(Duration.ofMinutes(4));
        second.awaitReady(Duration.ofMinutes(4));
        dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath().resolve("varnish");
        CmsServer.deleteTree(dir);
        Files.createDirectories(dir);
        varnish = startVarnish(varnishPort, cms.base().getPort());
        varnishBase = URI.create("http://127.0.0.1:" + varnishPort + "/");
        through = Api.anonymousAt(varnishBase);
    }

    @AfterAll
    static void stop() throws Exception {
        if (varnish != null) {
            varnish.destroy();
            varnish.waitFor(10, TimeUnit.SECONDS);
        }
        if (purgeRelay != null) {
            purgeRelay.close();
        }
        if (cms != null) {
            cms.stop();
        }
        if (second != null) {
            second.stop();
        }
    }

    @Test
    void publicPagesAreKeptUnderTheirTagsAndNothingPrivateIs() {
        JsonObject live = publish(title("标签"));
        String url = live.getString("publicUrl");
        Api.Response direct = Api.anonymousAt(cms.base()).get(url);
        String cacheControl = direct.header("Cache-Control");
        assertTrue(cacheControl.contains("s-maxage=86400") && cacheControl.contains("stale-if-error=86400")
                && cacheControl.contains("max-age=0,"), cacheControl);
        List<String> tags = List.of(direct.header("xkey").split(" "));
        assertTrue(tags.containsAll(List.of("site", "a" + live.getJsonNumber("id"), "new")), tags.toString());
        assertEquals(direct.header("xkey"), direct.header("Surrogate-Key"));

        assertStored(url);
        Api.Response hit = through.get(url);
        assertNull(hit.header("xkey"), "the tags stay in the cache");
        assertStored("/");
        assertStored("/feed.xml");
        assertStored("/sitemap.xml");

        // Never from the cache: the API, anything with a session, the back office.
        Api editor = Api.at(varnishBase, "editor");
        for (int i = 0; i < 2; i++) {
            Api.Response api = editor.get("/api/articles/" + live.getJsonNumber("id"));
            assertEquals(200, api.status(), api.toString());
            assertEquals("MISS", api.header("X-Cache"));
            assertEquals("MISS", through.send(through.request(url).header("Cookie", "JSESSIONID=abc.cms-1"))
                    .header("X-Cache"));
            assertEquals("MISS", through.get("/login.xhtml").header("X-Cache"));
        }
        // A purge names its tags; and the CMS's own address is the only one allowed (localhost here).
        assertEquals(400, through.send(through.request("/").method("PURGE", HttpRequest.BodyPublishers.noBody()))
                .status());
    }

    @Test
    void aPublicationShowsThroughVarnishAtOncePageAndHomePage() {
        String title = title("发布");
        JsonObject draft = created(title);
        String url = "/articles/" + draft.getString("slug");
        assertEquals(404, through.get(url).status());
        // A 404 is kept too, under the tag a publication purges (the earlier tests' purges may still be landing).
        await(url, r -> r.status() == 404 && "HIT".equals(r.header("X-Cache")), "a 404 kept by Varnish");
        assertStored("/");
        assertFalse(through.get("/").body().contains(title));

        long id = draft.getJsonNumber("id").longValue();
        ok(transition("editor", id, "submit", null));
        ok(transition("reviewer", id, "approve", null));
        ok(transition("editor", id, "publish", null));

        await(url, r -> r.status() == 200 && r.body().contains(title), "the new article's page through Varnish");
        await("/", r -> r.body().contains(title), "the home page's newest list through Varnish");
    }

    @Test
    void aTakedownAndAnUnpublishAreGoneThroughVarnishAtOnce() {
        String downTitle = title("紧急下线");
        JsonObject down = publish(downTitle);
        String unpublishedTitle = title("下线");
        JsonObject unpublished = publish(unpublishedTitle);
        assertStored(down.getString("publicUrl"));
        assertStored(unpublished.getString("publicUrl"));
        await("/", r -> r.body().contains(downTitle) && r.body().contains(unpublishedTitle), "both listed");
        assertStored("/");

        ok(transition("reviewer", down.getJsonNumber("id").longValue(), "takedown", "发现剂量错误，立即下线"));
        await(down.getString("publicUrl"), r -> r.status() == 410, "the taken-down article through Varnish");
        await("/", r -> !r.body().contains(downTitle), "the home page without it");

        ok(transition("editor", unpublished.getJsonNumber("id").longValue(), "unpublish", "待更新"));
        await(unpublished.getString("publicUrl"), r -> r.status() == 410, "the unpublished article through Varnish");
        await("/", r -> !r.body().contains(unpublishedTitle), "the home page without it");
    }

    @Test
    void aCorrectionNoticeShowsThroughVarnishAtOnce() {
        JsonObject live = publish(title("更正"));
        String url = live.getString("publicUrl");
        assertStored(url);
        String notice = "第2节中“每日三次”应为“每日两次”，特此更正。" + UUID.randomUUID().toString().substring(0, 4);
        ok(transition("editor", live.getJsonNumber("id").longValue(), "correct", notice));
        await(url, r -> r.status() == 200 && r.body().contains(notice), "the correction notice through Varnish");
    }

    @Test
    void anUnreachableCacheDelaysNothingAndIsPurgedOnceItIsBack() throws Exception {
        String title = title("缓存不可达");
        JsonObject live = publish(title);
        String url = live.getString("publicUrl");
        // The publication's own purges are delivered (twice) first: the copy kept below is then the last one.
        awaitNoPurgeOwed();
        assertStored(url);
        purgeRelay.cut();
        try {
            ok(transition("reviewer", live.getJsonNumber("id").longValue(), "takedown", "缓存不可达时下线"));
            assertEquals(410, Api.anonymousAt(cms.base()).get(url).status(), "the CMS itself answers at once");
            awaitHealth(h -> owed(h) > 0
                    && !h.getString("last-purge-error").isEmpty(), "the purge is owed, with why");
            Api.Response stale = through.get(url);
            assertEquals(200, stale.status(), "Varnish still has the page: nobody could tell it");
            assertEquals("HIT", stale.header("X-Cache"));
        } finally {
            purgeRelay.restore();
        }
        await(url, r -> r.status() == 410, "the taken-down article once Varnish can be told");
        await("/", r -> !r.body().contains(title), "the home page without it");
        awaitHealth(h -> owed(h) == 0, "nothing owed once delivered twice");
    }

    @Test
    void aChangeIsPurgedOnceForTheClusterNotOncePerNode() throws Exception {
        awaitHealth(cms, h -> owed(h) == 0, "nothing owed before");
        awaitHealth(second, h -> owed(h) == 0, "nothing owed before, on the second node");
        long before = purgesReceived();
        // Creating, submitting and approving change nothing public; the publication is one purge, sent twice.
        JsonObject live = publish(title("一次"));
        awaitPurges(before + 2);
        awaitHealth(cms, h -> owed(h) == 0, "delivered");
        awaitHealth(second, h -> owed(h) == 0, "delivered, as the second node sees it");
        assertEquals(2, purgesReceived() - before, "one purge, at once and again once every node applied it");
        assertEquals(200, through.get(live.getString("publicUrl")).status());
    }

    // --- helpers

    /** PURGE requests Varnish answered (each is a synthetic response; no other test makes one meanwhile). */
    private static long purgesReceived() throws Exception {
        Process stat = new ProcessBuilder("varnishstat", "-n", dir.resolve("work").toString(), "-1", "-f", "MAIN.s_synth")
                .redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        stat.waitFor(10, TimeUnit.SECONDS);
        return out.lines().filter(l -> l.startsWith("MAIN.s_synth")).map(l -> Long.parseLong(l.split("\\s+")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("varnishstat: " + out));
    }

    private static void awaitPurges(long count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (purgesReceived() < count) {
            assertTrue(Instant.now().isBefore(deadline), "purges received: " + purgesReceived() + ", waited for " + count);
            pause();
        }
    }

    private static String title(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A second read is a hit. The purges of a change made just before (sent after its commit, and again
     * {@code purge-repeat} later) may fall between the two reads: then the page is read twice again.
     */
    private static void assertStored(String path) {
        Instant deadline = Instant.now().plus(AT_ONCE);
        while (true) {
            Api.Response first = through.get(path);
            assertEquals(200, first.status(), path + ": " + first.status());
            Api.Response second = through.get(path);
            if ("HIT".equals(second.header("X-Cache"))) {
                return;
            }
            assertTrue(Instant.now().isBefore(deadline), path + " is kept by Varnish: the second read is still "
                    + second.header("X-Cache") + " after " + AT_ONCE);
            pause();
        }
    }

    private static void await(String path, Predicate<Api.Response> condition, String what) {
        Instant deadline = Instant.now().plus(AT_ONCE);
        Api.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = through.get(path);
            if (condition.test(last)) {
                return;
            }
            pause();
        }
        throw new AssertionError(what + ": still " + (last == null ? "nothing" : last.status() + " "
                + last.header("X-Cache") + " age " + last.header("Age")) + " after " + AT_ONCE + "\n" + cms.logTail());
    }

    private static void awaitHealth(Predicate<JsonObject> condition, String what) {
        awaitHealth(cms, condition, what);
    }

    private static void awaitHealth(CmsServer node, Predicate<JsonObject> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            Api.Response r = Api.anonymousAt(node.base()).get("/health/ready");
            last = r.json().getJsonArray("checks").stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getString("name").equals("shared-caches")).findFirst().orElseThrow()
                    .getJsonObject("data");
            if (condition.test(last)) {
                return;
            }
            pause();
        }
        throw new AssertionError(what + ": " + last);
    }

    /** Every purge delivered twice and gone from the database (the health check's figure is a second old). */
    private static void awaitNoPurgeOwed() throws SQLException {
        Instant deadline = Instant.now().plus(AT_ONCE);
        try (Connection db = cms.openDatabase();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM cache_purge")) {
            while (true) {
                try (ResultSet r = count.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                assertTrue(Instant.now().isBefore(deadline), "purges still owed after " + AT_ONCE);
                pause();
            }
        }
    }

    /** Payara writes health data as strings. */
    private static long owed(JsonObject health) {
        return Long.parseLong(health.get("purges-owed").toString().replace("\"", ""));
    }


    private static JsonObject created(String title) {
        Api.Response r = Api.as("editor").on(cms).post("/api/articles", org.healthportal.cms.testsupport.Articles.json(
                title, "针灸治疗的摘要：可以辅助恢复。", "<h2>1、改善局部微循环</h2><p>针刺可能改善血液循环，具体效果因人而异。</p>",
                categoryId(), null).toString());
        assertEquals(201, r.status(), r.toString());
        assertNotNull(r.json().getString("slug", null), r.toString());
        return r.json();
    }

    private static JsonObject publish(String title) {
        long id = created(title).getJsonNumber("id").longValue();
        ok(transition("editor", id, "submit", null));
        ok(transition("reviewer", id, "approve", null));
        return ok(transition("editor", id, "publish", null));
    }

    private static long categoryId() {
        return Api.as("editor").on(cms).get("/api/categories").array().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals("zhenci-liaofa")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static Api.Response transition(String user, long id, String action, String comment) {
        var b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        return Api.as(user).on(cms).post("/api/articles/" + id + "/transitions", b.build().toString());
    }

    private static JsonObject ok(Api.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** varnishd in the foreground with the shipped VCL, its backend this test's CMS; returns once it serves. */
    private static Process startVarnish(int port, int backendPort) throws Exception {
        String vcl = Files.readString(Path.of("docker/varnish/default.vcl"));
        String pointed = vcl.replace(".host = \"cms\";", ".host = \"127.0.0.1\";")
                .replace(".port = \"8080\";", ".port = \"" + backendPort + "\";");
        assertFalse(pointed.equals(vcl), "the backend of docker/varnish/default.vcl is cms:8080");
        Path file = dir.resolve("default.vcl");
        Files.writeString(file, pointed);
        Path work = dir.resolve("work");
        Process process = new ProcessBuilder(VARNISHD.toString(), "-F", "-j", "none", "-n", work.toString(),
                "-a", "127.0.0.1:" + port, "-f", file.toString(), "-s", "malloc,64m", "-T", "127.0.0.1:0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("varnishd.out").toFile()).start();
        // Up, and its probe has found the CMS healthy (until then a purged page could be served stale).
        Instant deadline = Instant.now().plusSeconds(60);
        while (!backendHealthy(work)) {
            assertTrue(process.isAlive(), () -> "varnishd ended: " + read(dir.resolve("varnishd.out")));
            assertTrue(Instant.now().isBefore(deadline), () -> "Varnish's backend not healthy: "
                    + read(dir.resolve("varnishd.out")));
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        return process;
    }

    private static boolean backendHealthy(Path work) throws IOException, InterruptedException {
        Process admin = new ProcessBuilder("varnishadm", "-n", work.toString(), "backend.list")
                .redirectErrorStream(true).start();
        String out = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        admin.waitFor(10, TimeUnit.SECONDS);
        return admin.exitValue() == 0 && out.lines().anyMatch(l -> l.contains("cms") && l.contains("healthy"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
