package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops a node gracefully: a request in flight finishes and is stored, new requests are refused with 503
 * while it drains, readiness reports it, and a launcher told to stop leaves no Payara Micro process behind.
 */
class GracefulStopIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aRequestInFlightWhenTheNodeIsStoppedFinishesAndIsStored() throws Exception {
        CmsServer server = CmsServer.start("graceful", List.of("-Dcms.shutdown.grace=PT40S"))
                .awaitReady(Duration.ofMinutes(4));
        try {
            int categoryId = Api.at(server.base(), "editor").get("/api/categories").array().getJsonObject(0).getInt("id");
            String title = "Graceful stop " + System.nanoTime();
            byte[] body = Json.createObjectBuilder().add("title", title).add("summary", "Finished while stopping.")
                    .add("body", "<p>Sent slowly, half before the stop and half after it.</p>")
                    .add("categoryId", categoryId).build().toString().getBytes(StandardCharsets.UTF_8);
            String basic = Base64.getEncoder().encodeToString("editor:editor-demo".getBytes(StandardCharsets.UTF_8));

            // The categories request leaves the count a moment after its answer arrives: wait for that, so the count
            // below is the slow request's and not the one before it. Requests are counted apart from the timers'
            // ticks (the scheduler ticks every second here): a tick counted in flight is not the slow request, which
            // may still be in its authentication when the tick is seen.
            awaitReadiness(server, r -> requests(r) == 0, "no request in flight before the slow request");
            try (Socket slow = new Socket(server.base().getHost(), server.base().getPort())) {
                slow.setSoTimeout(60_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                // The request is in the application, waiting for the rest of its body.
                awaitReadiness(server, r -> requests(r) >= 1, "the slow request counted in flight");

                server.signalStop();
                JsonObject draining = awaitReadiness(server, r -> !accepting(r), "readiness down while draining");
                assertEquals("DOWN", draining.getString("status"));

                HttpResponse<String> refused = CLIENT.send(HttpRequest.newBuilder(server.base().resolve("/"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(503, refused.statusCode(), "a new request while draining");
                assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused.headers().toString());

                // A slow client: the rest of the body comes well after Payara Micro's own wait (about 2 s) is over.
                TimeUnit.SECONDS.sleep(4);
                assertTrue(server.isAlive(), "still draining");
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String answer = readAll(slow.getInputStream());
                assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
            }
            server.awaitExit(Duration.ofSeconds(90));
            assertTrue(server.log().contains("SIGTERM: taking no new requests"), server.logTail());
            try (Connection db = server.openDatabase();
                 PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM revision WHERE title = ?")) {
                query.setString(1, title);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "the acknowledged article is in the database");
                }
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theLauncherStoppedLeavesNoPayaraProcessBehind() throws Exception {
        Path dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath();
        Files.createDirectories(dir);
        int port = CmsServer.freePort();
        Path log = dir.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target/classes").toAbsolutePath().toString(),
                "org.healthportal.cms.platform.launch.Launcher", System.getProperty("cms.payara.jar"),
                System.getProperty("cms.war"), "127.0.0.1", String.valueOf(port), dir.resolve("launcher-payara").toString());
        builder.environment().put("CMS_CLUSTER_PORT", String.valueOf(CmsServer.freePort()));
        builder.environment().put("CMS_SHUTDOWN_GRACE", "PT10S");
        builder.environment().put("CMS_JAVA_OPTIONS", "-Xmx512m");
        if (System.getenv("CMS_DB_URL") == null) {
            Path data = dir.resolve("launcher-data");
            CmsServer.deleteTree(data);
            builder.environment().put("CMS_DB_URL", "jdbc:h2:file:" + data.resolve("cms") + ";MODE=LEGACY");
        }
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process launcher = builder.start();
        try {
            URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (status(ready) != 200) {
                assertTrue(launcher.isAlive(), () -> "the launcher ended:\n" + tail(log));
                assertTrue(Instant.now().isBefore(deadline), () -> "not ready:\n" + tail(log));
                launcher.waitFor(250, TimeUnit.MILLISECONDS);
            }
            List<ProcessHandle> descendants = launcher.toHandle().descendants().toList();
            assertTrue(descendants.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("payara-micro")),
                    "Payara Micro runs below the launcher: " + descendants);
            ProcessHandle payara = descendants.stream()
                    .filter(p -> p.info().commandLine().orElse("").contains("payara-micro")).findFirst().orElseThrow();
            Path environ = Path.of("/proc", String.valueOf(payara.pid()), "environ");
            if (Files.isReadable(environ)) {
                assertTrue(Arrays.asList(Files.readString(environ).split("\0")).contains("MALLOC_ARENA_MAX=2"),
                        "glibc's arenas are limited in Payara Micro's process");
            }

            launcher.destroy();
            assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), () -> "the launcher did not stop:\n" + tail(log));
            List<ProcessHandle> left = new ArrayList<>();
            for (ProcessHandle p : descendants) {
                if (p.isAlive()) {
                    left.add(p);
                }
            }
            assertEquals(List.of(), left, "processes left behind by the stopped launcher");
            String output = Files.readString(log);
            assertTrue(output.contains("SIGTERM: taking no new requests"), "Payara Micro was stopped gently:\n" + tail(log));
            assertFalse(output.contains("did not stop within"), tail(log));
        } finally {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static JsonObject awaitReadiness(CmsServer server, Predicate<JsonObject> condition, String what)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonObject> r = readiness(server.base());
            if (r.isPresent()) {
                last = r.get();
                if (condition.test(last)) {
                    return last;
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no " + what + " within 30 s; last readiness " + last + "\n" + server.logTail());
    }

    private static Optional<JsonObject> readiness(URI base) throws InterruptedException {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                return Optional.of(reader.readObject());
            }
        } catch (IOException | RuntimeException notNow) {
            return Optional.empty();
        }
    }

    private static JsonObject check(JsonObject readiness) {
        return readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("accepting-requests")).findFirst()
                .orElseThrow(() -> new AssertionError("no accepting-requests check: " + readiness));
    }

    private static boolean accepting(JsonObject readiness) {
        return check(readiness).getString("status").equals("UP");
    }

    private static int requests(JsonObject readiness) {
        JsonObject data = check(readiness).getJsonObject("data");
        assertNotNull(data, readiness.toString());
        // Payara Micro writes health data as strings.
        return Integer.parseInt(data.getString("requests"));
    }

    private static int status(URI uri) throws InterruptedException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "";
        }
    }
}
