package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.healthportal.cms.platform.launch.Launcher;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployment of {@code docker/}: two CMS nodes on one database forming one data grid, behind nginx configured
 * from {@code docker/nginx/default.conf.template} (the file the compose file mounts), with Debian's nginx instead
 * of the official image. Skips where nginx is not installed, unless {@code CMS_REQUIRE_NGINX=true} (CI).
 */
class NginxIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoNodesBehindNginxShareTheWorkKeepSessionsOnTheirNodeAndSurviveTheStopOfOne() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            assertFalse("true".equalsIgnoreCase(System.getenv("CMS_REQUIRE_NGINX")),
                    "CMS_REQUIRE_NGINX=true but " + NGINX + " is missing (apt-get install nginx)");
            Assumptions.abort("nginx is not installed (apt-get install nginx): the load-balanced deployment is not tested");
        }
        int grid1 = CmsServer.freePort();
        int grid2 = CmsServer.freePort();
        // As CMS_CLUSTER_MEMBERS=127.0.0.1:grid1,127.0.0.1:grid2 with CMS_NODE_NAME=cms-1 / cms-2 would start them.
        CmsServer node1 = CmsServer.startNode("cms-1", List.of(), Launcher.cluster("cms-1", grid1, List.of(grid1, grid2)));
        CmsServer node2 = CmsServer.startNode("cms-2", List.of(), Launcher.cluster("cms-2", grid2, List.of(grid1, grid2)));
        Process nginx = null;
        try {
            node1.awaitReady(Duration.ofMinutes(6));
            node2.awaitReady(Duration.ofMinutes(6));
            awaitLog(node1, "DG Size: 2");

            Path dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath().resolve("nginx");
            CmsServer.deleteTree(dir);
            Files.createDirectories(dir);
            int port = CmsServer.freePort();
            nginx = startNginx(dir, port, node1, node2);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            Path accessLog = dir.resolve("access.log");

            // Public pages from both nodes, and readiness through the balancer.
            Api anonymous = Api.anonymousAt(base);
            for (int i = 0; i < 10; i++) {
                assertEquals(200, anonymous.get("/").status());
            }
            assertEquals(200, anonymous.get("/health/ready").status());
            List<String> served = awaitLines(accessLog, "GET / ", 10);
            assertTrue(served.stream().anyMatch(l -> l.endsWith(upstream(node1) + " 200")), served.toString());
            assertTrue(served.stream().anyMatch(l -> l.endsWith(upstream(node2) + " 200")), served.toString());

            // A back-office session stays on the node that signed it in.
            Api.Response signIn = anonymous.formLogin("editor", "editor-demo");
            assertEquals(302, signIn.status(), signIn.body());
            String cookie = signIn.sessionCookie();
            assertNotNull(cookie, "session cookie");
            String setCookie = signIn.raw().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
            assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
                    "nginx adds the SameSite Payara leaves out of a routed session cookie: " + setCookie);
            String route = cookie.substring(cookie.lastIndexOf('.') + 1);
            CmsServer holder = route.equals("cms-1") ? node1 : node2;
            CmsServer other = holder == node1 ? node2 : node1;
            assertTrue(route.equals("cms-1") || route.equals("cms-2"), cookie);
            String signInLine = awaitLines(accessLog, "POST /login.xhtml ", 1).get(0);
            assertTrue(signInLine.endsWith(upstream(holder) + " 302"), "signed in on " + route + ": " + signInLine);
            for (int i = 0; i < 20; i++) {
                Api.Response page = anonymous.getWithSession("/admin/", cookie);
                assertEquals(200, page.status(), "request " + i + " with the session: " + page.header("Location"));
            }
            List<String> admin = awaitLines(accessLog, "GET /admin/ ", 20);
            assertTrue(admin.stream().allMatch(l -> l.endsWith(" " + upstream(holder) + " 200")), admin.toString());

            // The node without the session stops (SIGTERM); readers keep being served by the other, without a 5xx.
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    statuses.add(status(base.resolve("/")));
                }
            });
            reader.start();
            awaitSize(statuses, 5);
            other.signalStop();
            awaitDrainingOrGone(other);
            other.awaitExit(Duration.ofMinutes(2));
            int atStop = statuses.size();
            awaitSize(statuses, atStop + 20);
            reading.set(false);
            reader.join(30_000);
            assertTrue(statuses.stream().allMatch(s -> s == 200), "every read through nginx during and after the stop: "
                    + statuses);
            assertEquals(200, anonymous.getWithSession("/admin/", cookie).status(), "the session's node still serves it");
            awaitLog(holder, "Data Grid Instance Removed");
        } finally {
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
            node1.stop();
            node2.stop();
        }
    }

    /** nginx on {@code port} with the compose file's template, its upstreams filled in as envsubst would. */
    private static Process startNginx(Path dir, int port, CmsServer node1, CmsServer node2) throws Exception {
        String template = Files.readString(Path.of("docker/nginx/default.conf.template"));
        Map<String, String> values = Map.of("CMS_1_UPSTREAM", upstream(node1), "CMS_2_UPSTREAM", upstream(node2),
                "CMS_PROXY_PORT", "127.0.0.1:" + port);
        for (Map.Entry<String, String> v : values.entrySet()) {
            template = template.replace("${" + v.getKey() + "}", v.getValue());
        }
        assertFalse(template.contains("${"), "every template variable has a value");
        Files.writeString(dir.resolve("default.conf"), template);
        // What the official image's nginx.conf provides around conf.d/default.conf, here inside the test directory.
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 512; }",
                "http {",
                "  log_format upstreams '$request_method $request_uri $upstream_addr $status';",
                "  access_log " + dir.resolve("access.log") + " upstreams;",
                "  client_body_temp_path " + dir.resolve("body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("scgi") + ";",
                "  include " + dir.resolve("default.conf") + ";",
                "}", ""));
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (status(URI.create("http://127.0.0.1:" + port + "/health/ready")) != 200) {
            assertTrue(nginx.isAlive(), () -> "nginx ended: " + read(dir.resolve("nginx.out")) + read(dir.resolve("error.log")));
            assertTrue(Instant.now().isBefore(deadline), () -> "nginx not answering: " + read(dir.resolve("error.log")));
            nginx.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return nginx;
    }

    private static String upstream(CmsServer node) {
        return "127.0.0.1:" + node.base().getPort();
    }

    /** The node reports not ready while it drains, or is already gone. */
    private static void awaitDrainingOrGone(CmsServer node) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            int s = status(node.base().resolve("/health/ready"));
            if (s == 503 || s == -1 || !node.isAlive()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the stopping node still reports ready:\n" + node.logTail());
    }

    private static void awaitLog(CmsServer node, String text) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!node.log().contains(text)) {
            assertTrue(Instant.now().isBefore(deadline), () -> "no '" + text + "' in the log:\n" + node.logTail());
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static void awaitSize(List<Integer> statuses, int size) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (statuses.size() < size) {
            assertTrue(Instant.now().isBefore(deadline), "reads stalled at " + statuses.size() + ": " + statuses);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The access log's lines that start with {@code prefix}, once there are {@code count} (nginx writes them last). */
    private static List<String> awaitLines(Path log, String prefix, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            List<String> lines = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).toList();
            if (lines.size() >= count) {
                return lines;
            }
            assertTrue(Instant.now().isBefore(deadline), "only " + lines.size() + " '" + prefix + "' lines: " + lines);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static int status(URI uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
