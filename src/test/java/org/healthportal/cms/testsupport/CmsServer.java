package org.healthportal.cms.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.healthportal.cms.platform.launch.Launcher;

/**
 * The real CMS on the real server: Payara Micro started once per test JVM with the WAR Maven just built, on
 * embedded H2 in a fresh directory, or on MySQL/MariaDB when {@code CMS_DB_URL} is set (the child inherits the
 * environment). Demo accounts are switched on explicitly, so tests have editor, reviewer, doctor and admin.
 */
public final class CmsServer {

    private static CmsServer instance;

    private final Process process;
    private final URI base;
    private final Path log;
    private final String databaseUrl;

    private CmsServer(Process process, URI base, Path log, String databaseUrl) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.databaseUrl = databaseUrl;
    }

    /**
     * The shared server, started on first use. With {@code -Dcms.it.url=http://…/} the tests use a server that
     * is already running instead (for working on tests; it needs the demo accounts).
     */
    public static synchronized CmsServer get() {
        String external = System.getProperty("cms.it.url");
        if (instance == null && external != null && !external.isBlank()) {
            instance = new CmsServer(null, URI.create(external.endsWith("/") ? external : external + "/"), null, null);
        }
        if (instance == null) {
            instance = start("it", List.of()).awaitReady(Duration.ofMinutes(4));
            CmsServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return instance;
    }

    /** Starts a separate server with extra JVM options and a database of its own; the caller stops it. */
    public static CmsServer start(String name, List<String> jvmArgs) {
        return start(name, "127.0.0.1", jvmArgs, false);
    }

    /**
     * Starts a separate server listening on {@code host} (the tests still reach it through 127.0.0.1, so only
     * loopback or an any-address such as 0.0.0.0 make sense); the caller stops it.
     */
    public static CmsServer start(String name, String host, List<String> jvmArgs) {
        return start(name, host, jvmArgs, false);
    }

    /**
     * Starts a second instance on the shared server's database (on H2 through its file's auto-server mode), as a
     * second node of one site would run; the caller stops it. It does not join the shared server's data grid.
     */
    public static CmsServer startSharingDatabase(String name, List<String> jvmArgs) {
        get();
        return start(name, "127.0.0.1", jvmArgs, true, null);
    }

    /**
     * Starts one node of a site on the shared server's database with the data grid arguments given (from
     * {@link Launcher#cluster}), as {@code CMS_CLUSTER_MEMBERS} would make them; the caller stops it.
     */
    public static CmsServer startNode(String name, List<String> jvmArgs, List<String> clusterArgs) {
        get();
        return start(name, "127.0.0.1", jvmArgs, true, clusterArgs);
    }

    private static CmsServer start(String name, String host, List<String> jvmArgs, boolean sharedDatabase) {
        return start(name, host, jvmArgs, sharedDatabase, null);
    }

    private static CmsServer start(String name, String host, List<String> jvmArgs, boolean sharedDatabase,
                                   List<String> clusterArgs) {
        try {
            Path dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath();
            Files.createDirectories(dir);
            int port = freePort();
            int clusterPort = freePort();
            List<String> args = new ArrayList<>();
            String databaseUrl = System.getenv("CMS_DB_URL");
            if (databaseUrl == null && sharedDatabase) {
                databaseUrl = h2Url(dir.resolve("it-data"));
                args.add("-Dcms.db.url=" + databaseUrl);
                args.add("-Dh2.bindAddress=127.0.0.1");
            } else if (databaseUrl == null) {
                Path data = dir.resolve(name + "-data");
                deleteTree(data);
                // AUTO_SERVER lets a test open the same H2 file, on loopback only, to tamper with rows directly.
                databaseUrl = h2Url(data);
                args.add("-Dcms.db.url=" + databaseUrl);
                args.add("-Dh2.bindAddress=127.0.0.1");
            }
            args.add("-Dcms.demo=true");
            args.add("-Dcms.scheduler.interval=1");
            args.add("-Dcms.notifications.reminder-interval=PT2S");
            args.add("-Xmx768m");
            // Tests play clients behind a proxy on loopback (X-Forwarded-For), so throttling tests each have
            // addresses of their own; the many tests sharing 127.0.0.1 get a higher per-address limit.
            args.add("-Dcms.login.trusted-proxies=127.0.0.1");
            args.add("-Dcms.login.address-limit=1000");
            // The tests' "old WordPress sites" serve their images from loopback, and some answer slowly on purpose.
            args.add("-Dcms.import.fetch-private-addresses=true");
            args.add("-Dcms.import.fetch-timeout=PT2S");
            // Every server sends to the one SMTP server of this JVM, so nodes sharing a database share it too.
            args.addAll(Smtp.serverArguments());
            args.addAll(jvmArgs);
            Path root = dir.resolve(name + "-payara");
            Process process = Launcher.start(Path.of(required("cms.payara.jar")), Path.of(required("cms.war")),
                    host, port, root, args,
                    clusterArgs != null ? clusterArgs : Launcher.cluster(clusterPort, List.of(clusterPort)), false);
            return new CmsServer(process, URI.create("http://127.0.0.1:" + port + "/"),
                    root.resolveSibling(root.getFileName() + "-server.log"), databaseUrl);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Payara Micro", e);
        }
    }

    /**
     * Waits until the CMS answers ready, or fails with the end of the server log, the last answer it gave and a
     * thread dump of the server: a node that booted but never answers ready is otherwise a mystery in CI.
     */
    public CmsServer awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("database")) {
                    return this;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException notYet) {
                // Not listening yet.
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            waitABit(process);
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout + "; last answer to /health/ready: "
                + last + "\n" + logTail() + "\n" + threadDump());
    }

    /** The server's threads as jcmd prints them (the JDK running the tests has it), for a failure's message. */
    private String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            Path file = log.resolveSibling(log.getFileName() + ".threads.txt");
            Files.writeString(file, text);
            return "threads (also in " + file + "):\n" + text;
        } catch (IOException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    /** Waits for the server process to end; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Payara Micro still running after " + timeout + ":\n" + logTail());
        }
        return process.exitValue();
    }

    private static String h2Url(Path data) {
        return "jdbc:h2:file:" + data.resolve("cms") + ";MODE=LEGACY;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
    }

    /** A direct connection to the test server's database, behind the application's back. */
    public static java.sql.Connection database() throws java.sql.SQLException {
        String url = System.getenv("CMS_DB_URL");
        if (url != null) {
            return java.sql.DriverManager.getConnection(url, System.getenv("CMS_DB_USER"), System.getenv("CMS_DB_PASSWORD"));
        }
        get();
        Path dir = Path.of(System.getProperty("cms.it.dir", "target/it")).toAbsolutePath();
        return java.sql.DriverManager.getConnection(h2Url(dir.resolve("it-data")), "cms", "cms-embedded");
    }

    /** A direct connection to this server's own database (works after it stopped, too). */
    public java.sql.Connection openDatabase() throws java.sql.SQLException {
        if (databaseUrl == null) {
            return database();
        }
        return System.getenv("CMS_DB_URL") != null
                ? java.sql.DriverManager.getConnection(databaseUrl, System.getenv("CMS_DB_USER"), System.getenv("CMS_DB_PASSWORD"))
                : java.sql.DriverManager.getConnection(databaseUrl, "cms", "cms-embedded");
    }

    /** Sends the server SIGTERM, as {@code docker stop} or an orchestrator would, and returns at once. */
    public void signalStop() {
        process.destroy();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public URI base() {
        return base;
    }

    public String log() {
        if (log == null) {
            return "";
        }
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public String logTail() {
        String text = log();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void waitABit(Process process) {
        try {
            // Returns at once if the server dies; otherwise paces the polling.
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run the integration tests through Maven (mvn verify)");
        }
        return value;
    }

    /** A port nothing listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
