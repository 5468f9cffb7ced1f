package org.healthportal.cms.site;

import static org.healthportal.cms.testsupport.Articles.categoryId;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.json;
import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.healthportal.cms.platform.launch.Launcher;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one database. The shared test server (A) is in no grid with the others, so what it changes
 * reaches node B through the database's change log alone, within the poll bound (2 s by default). B and C form
 * one data grid, and C reads the log only every ten minutes: what B changes reaches C at once, through the grid.
 */
class SeveralNodesIT {

    /** The default poll is 2 s; the rest is slack for three servers on a busy 2-core machine. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static CmsServer b;
    private static CmsServer c;

    @BeforeAll
    static void startNodes() throws Exception {
        int gridB = CmsServer.freePort();
        int gridC = CmsServer.freePort();
        // One after the other: two Payara Micros booting at once beside the shared server starve a 2-core
        // machine (CI once saw B still booting after four minutes), and C joins B's grid just as well later.
        b = CmsServer.startNode("node-b", List.of(), Launcher.cluster(gridB, List.of(gridB, gridC)));
        b.awaitReady(Duration.ofMinutes(5));
        c = CmsServer.startNode("node-c", List.of("-Dcms.site.change-poll=PT10M"),
                Launcher.cluster(gridC, List.of(gridB, gridC)));
        c.awaitReady(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopNodes() {
        if (b != null) {
            b.stop();
        }
        if (c != null) {
            c.stop();
        }
    }

    @Test
    void aNodeOutsideTheGridFollowsPublishCorrectionAndTakedownWithinTheBound() {
        Live a = publish(CmsServer.get(), "无集群节点");
        Api onB = Api.anonymous().on(b);
        long found = await(() -> search(onB, a.token).contains("共找到 1 篇文章"), "B's search index learns of the article");
        assertEquals(200, onB.get(a.url).status());
        // B indexes a change before it drops its stored pages: the home page may lag the search by a moment.
        await(() -> onB.get("/").body().contains(a.title), "B's home lists it");
        // Both pages are now stored on B: only a dropped store shows what follows.
        String notice = "第1节有误，特此更正 " + a.token;
        ok(transition("editor", a.id, "correct", notice));
        long corrected = await(() -> onB.get(a.url).body().contains("特此更正 " + a.token), "B shows the correction");

        ok(transition("reviewer", a.id, "takedown", "剂量错误，立即下线"));
        long gone = await(() -> onB.get(a.url).status() == 410, "B answers 410 for the withdrawn article");
        assertFalse(onB.get("/").body().contains(a.title), "gone from B's home");
        await(() -> search(onB, a.token).contains("共找到 0 篇文章"), "gone from B's search");
        System.out.printf("node outside the grid: indexed after %d ms, correction after %d ms, takedown after %d ms%n",
                found, corrected, gone);
    }

    @Test
    void aChangeOnOneGridMemberReachesTheOtherAtOnce() {
        Live other = publish(b, "集群列表");
        Api onC = Api.anonymous().on(c);
        await(() -> onC.get(other.url).status() == 200, "C serves an earlier article");
        assertEquals(200, onC.get(other.url).status(), "its page stored on C, newest list and all");
        Live a = publish(b, "集群信号");
        assertTrue(onC.get(other.url).body().contains(a.title),
                "C's stored page of another article lists the publication at once (its lists are filled when served)");
        long seen = await(() -> onC.get(a.url).status() == 200, "C serves the article published on B");
        assertEquals(200, onC.get(a.url).status(), "stored on C");
        ok(Api.as("reviewer").on(b).post("/api/articles/" + a.id + "/transitions",
                "{\"action\":\"takedown\",\"comment\":\"集群下线测试\"}"));
        long gone = await(() -> onC.get(a.url).status() == 410, "C answers 410 at once");
        assertFalse(onC.get(other.url).body().contains(a.title), "and no list on C shows it any more");
        // A grid signal drops C's pages at once and re-indexes after, on another thread.
        await(() -> search(onC, a.token).contains("共找到 0 篇文章"), "gone from C's search");
        System.out.printf("grid member: live after %d ms, withdrawn after %d ms (C reads the log every 10 min)%n",
                seen, gone);
        // C's log poll is ten minutes away: only the grid can have told it, well within the log's bound.
        assertTrue(gone < 15_000, "at once through the grid, not at C's next read of the log: " + gone + " ms");
    }

    private record Live(long id, String url, String title, String token) {
    }

    private static Live publish(CmsServer on, String prefix) {
        Api editor = Api.as("editor").on(on);
        String token = "node" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String title = uniqueTitle(prefix);
        Api.Response r = editor.post("/api/articles", json(title, "多节点测试的摘要。",
                "<h2>1、原理</h2><p>多节点测试正文 " + token + "</p>", categoryId(), null).toString());
        assertEquals(201, r.status(), r.toString());
        long id = id(r.json());
        ok(act(on, "editor", id, "submit"));
        ok(act(on, "reviewer", id, "approve"));
        JsonObject live = ok(act(on, "editor", id, "publish"));
        return new Live(id, live.getString("publicUrl"), title, token);
    }

    private static Api.Response act(CmsServer on, String user, long id, String action) {
        return Api.as(user).on(on).post("/api/articles/" + id + "/transitions", "{\"action\":\"" + action + "\"}");
    }

    private static String search(Api on, String q) {
        return on.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
    }

    /** Waits for the condition, polling; how long it took in ms, or a failure after {@link #BOUND}. */
    private static long await(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        long deadline = start + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + BOUND);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
