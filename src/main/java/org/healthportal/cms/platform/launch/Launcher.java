package org.healthportal.cms.platform.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts Payara Micro with the CMS WAR: for {@code mvn -Prun}, in the Docker image, and for the integration tests,
 * so that the same variables mean the same everywhere.
 *
 * <p>It exists because Payara Micro has no bind-address flag (a preboot command sets it), because a reused root
 * directory redeploys the previous WAR first (each start gets an empty root directory), and because the data grid
 * needs several flags that must agree between members. The child's exit code is passed on, so a CMS that cannot
 * reach its database ends {@code mvn -Prun} with an error; stopping the launcher stops Payara Micro and waits for it.
 *
 * <p>Arguments: payara-micro.jar, cms.war, bind host, port, root directory (the port is appended to it).
 * Environment: {@code CMS_HOST} and
 * {@code CMS_PORT} override host and port; the data grid comes from {@code CMS_CLUSTER_MEMBERS},
 * {@code CMS_CLUSTER_PORT}, {@code CMS_CLUSTER_NAME}, {@code CMS_CLUSTER_INTERFACE},
 * {@code CMS_CLUSTER_PUBLIC_ADDRESS} and {@code CMS_NODE_NAME} (see {@link #clusterArguments});
 * {@code CMS_JAVA_OPTIONS} adds options to Payara Micro's JVM; {@code CMS_CLASS_ARCHIVE} places its class-data
 * archive ({@link ClassArchive}).
 */
public final class Launcher {

    /** Marks cluster arguments whose node name also ends the session ids; never passed to Payara Micro. */
    static final String SESSION_ROUTE = "--cms-session-route";

    /** How long the server may take to stop beyond the request drain before it is killed. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(30);

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Launcher <payara-micro.jar> <cms.war> <host> <port> <rootdir>");
            System.exit(64);
        }
        Map<String, String> env = System.getenv();
        String host = envOr(env, "CMS_HOST", args[2]);
        int port = Integer.parseInt(envOr(env, "CMS_PORT", args[3]));
        List<String> cluster;
        try {
            cluster = clusterArguments(env, port);
        } catch (IllegalArgumentException e) {
            System.err.println("CMS STARTUP FAILED: " + e.getMessage());
            System.exit(64);
            return;
        }
        List<String> jvmArgs = javaOptions(env.get("CMS_JAVA_OPTIONS"));
        Duration grace = shutdownGrace(env.get("CMS_SHUTDOWN_GRACE"));
        // One root directory per port: several nodes run from one checkout, and each start empties its own.
        Path rootDir = Path.of(args[4] + "-" + port);
        ClassArchive classes = ClassArchive.of(env.get("CMS_CLASS_ARCHIVE"), rootDir.toAbsolutePath().getParent(),
                Path.of(args[0]), port);
        List<String> withArchive = new ArrayList<>(jvmArgs);
        withArchive.addAll(classes.jvmOptions());
        Process process = start(Path.of(args[0]), Path.of(args[1]), host, port, rootDir, withArchive, cluster, true);
        // SIGTERM or Ctrl-C: Payara Micro gets SIGTERM too, drains its requests and leaves the grid; wait for it
        // so that nothing keeps running once the launcher is gone.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(process, grace.plus(STOP_MARGIN));
            classes.adopt();
        }, "cms-stop"));
        int exit = process.waitFor();
        classes.adopt();
        System.exit(exit);
    }

    /**
     * Stops a server the polite way (SIGTERM: Payara Micro's own shutdown) and waits for it; kills it once
     * {@code timeout} has passed. True if it ended by itself.
     */
    public static boolean stop(Process process, Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            System.err.println("Payara Micro did not stop within " + timeout + ": killing it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }

    /**
     * Payara Micro arguments for a data grid (Hazelcast) on loopback only, its members listed by port, as the tests
     * run several nodes on one machine.
     */
    public static List<String> cluster(int ownPort, List<Integer> memberPorts) {
        String members = String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        return clusterArguments(Map.of("CMS_CLUSTER_PORT", String.valueOf(ownPort), "CMS_CLUSTER_MEMBERS", members),
                ownPort);
    }

    /** The same, with the node's name (its session route) given. */
    public static List<String> cluster(String nodeName, int ownPort, List<Integer> memberPorts) {
        String members = String.join(",", memberPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        return clusterArguments(Map.of("CMS_CLUSTER_PORT", String.valueOf(ownPort), "CMS_CLUSTER_MEMBERS", members,
                "CMS_NODE_NAME", nodeName), ownPort);
    }

    /**
     * Payara Micro arguments for this node's data grid, from the environment:
     * <ul>
     * <li>{@code CMS_CLUSTER_MEMBERS}: comma-separated {@code host:port} of every member's grid port, this node's
     * too (default: this node alone, {@code 127.0.0.1:CMS_CLUSTER_PORT}); {@code none} runs without a grid.
     * <li>{@code CMS_CLUSTER_PORT}: this node's grid port (default 6900).
     * <li>{@code CMS_CLUSTER_NAME}: the grid's name (default derived from the member list, so every member of one
     * list agrees and separate runs on one machine never join each other).
     * <li>{@code CMS_CLUSTER_INTERFACE}: the address the grid listens on; default loopback when every member is on
     * loopback, otherwise Hazelcast's choice.
     * <li>{@code CMS_CLUSTER_PUBLIC_ADDRESS}: {@code host:port} the other members reach this one at, where that
     * differs from the address it listens on (NAT).
     * <li>{@code CMS_NODE_NAME}: this node's name in the grid and the suffix of its session ids, which a load
     * balancer reads for sticky sessions (default {@code cms-} and the HTTP port).
     * </ul>
     *
     * @throws IllegalArgumentException for a value that cannot work, with a message for the operator
     */
    public static List<String> clusterArguments(Map<String, String> env, int httpPort) {
        String clusterPort = envOr(env, "CMS_CLUSTER_PORT", "6900");
        port(clusterPort, "CMS_CLUSTER_PORT");
        String name = envOr(env, "CMS_NODE_NAME", "cms-" + httpPort);
        if (!NODE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("CMS_NODE_NAME must be 1 to 40 letters, digits, '-' or '_': " + name);
        }
        String membersValue = envOr(env, "CMS_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort);
        String iface = env.get("CMS_CLUSTER_INTERFACE");
        List<String> args = new ArrayList<>(List.of("--name", name, "--startport", clusterPort));
        if (!blank(env.get("CMS_NODE_NAME"))) {
            // Only a name chosen for a balancer becomes the session route: Payara then writes the session cookie
            // without the listener's SameSite, which the balancer adds back (docker/nginx).
            args.add(SESSION_ROUTE);
        }
        if (membersValue.trim().equalsIgnoreCase("none")) {
            // Hazelcast starts even then: keep it on loopback (or the chosen interface), out of everyone's reach.
            args.add("--nocluster");
            args.addAll(List.of("--interfaces", blank(iface) ? "127.0.0.1" : iface.trim()));
            return List.copyOf(args);
        }
        TreeSet<String> members = new TreeSet<>();
        for (String member : membersValue.split(",")) {
            String m = member.trim();
            if (m.isEmpty()) {
                continue;
            }
            int colon = m.lastIndexOf(':');
            if (colon <= 0 || m.indexOf(':') != colon) {
                throw new IllegalArgumentException("CMS_CLUSTER_MEMBERS lists host:port pairs, not '" + m + "'");
            }
            port(m.substring(colon + 1), "the port of " + m + " in CMS_CLUSTER_MEMBERS");
            members.add(m);
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("CMS_CLUSTER_MEMBERS lists no member (use 'none' for no data grid)");
        }
        args.addAll(List.of("--clustermode", "tcpip:" + String.join(",", members),
                "--clustername", envOr(env, "CMS_CLUSTER_NAME", clusterName(members))));
        if (!blank(iface)) {
            args.addAll(List.of("--interfaces", iface.trim()));
        } else if (members.stream().allMatch(m -> isLoopback(m.substring(0, m.lastIndexOf(':'))))) {
            args.addAll(List.of("--interfaces", "127.0.0.1"));
        }
        String publicAddress = env.get("CMS_CLUSTER_PUBLIC_ADDRESS");
        if (!blank(publicAddress)) {
            args.addAll(List.of("--hzpublicaddress", publicAddress.trim()));
        }
        return List.copyOf(args);
    }

    /** The same for every member of one list, whatever its order; another list, another name. */
    static String clusterName(TreeSet<String> members) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(",", members).getBytes(StandardCharsets.UTF_8));
            return "cms-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long a stopping server lets requests in flight finish: {@code CMS_SHUTDOWN_GRACE}, ISO-8601. */
    static Duration shutdownGrace(String value) {
        if (blank(value)) {
            return Duration.ofSeconds(20);
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            return Duration.ofSeconds(20);
        }
    }

    /**
     * A class-data archive of Payara Micro and the CMS: a start that finds one for this JVM, this Payara Micro and
     * this port loads their classes from it (a start takes about a quarter less time); a start that finds none writes
     * one when it stops, kept once a JVM has mapped it. {@code CMS_CLASS_ARCHIVE} names its directory (default beside
     * the root directories), or {@code off}. Archives of another JVM or Payara Micro are deleted. The JVM checks each
     * archived class against the class it would load, so a new WAR is safe with an old archive (its changed classes
     * load as usual).
     */
    record ClassArchive(List<String> jvmOptions, Path writing, Path archive, Path payaraJar) {

        static final ClassArchive NONE = new ClassArchive(List.of(), null, null, null);

        static ClassArchive of(String setting, Path defaultDirectory, Path payaraJar, int port) {
            if (!blank(setting) && setting.trim().equalsIgnoreCase("off")) {
                return NONE;
            }
            Path directory = blank(setting) ? defaultDirectory : Path.of(setting.trim());
            try {
                String prefix = "cms-classes-" + port + "-";
                String fingerprint = System.getProperty("java.home") + "|" + System.getProperty("java.vm.version")
                        + "|" + Files.size(payaraJar) + "|" + Files.getLastModifiedTime(payaraJar).toMillis();
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(fingerprint.getBytes(StandardCharsets.UTF_8));
                Path archive = directory.resolve(prefix + HexFormat.of().formatHex(digest, 0, 6) + ".jsa");
                if (Files.isRegularFile(archive)) {
                    return new ClassArchive(options("-XX:SharedArchiveFile=" + archive), null, archive, payaraJar);
                }
                Files.createDirectories(directory);
                try (Stream<Path> old = Files.list(directory)) {
                    for (Path stale : old.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                        Files.deleteIfExists(stale);
                    }
                }
                Path writing = directory.resolve(archive.getFileName() + ".new");
                return new ClassArchive(options("-XX:ArchiveClassesAtExit=" + writing), writing, archive, payaraJar);
            } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
                System.err.println("No class-data archive (" + e + "): the CMS starts without one");
                return NONE;
            }
        }

        /** After the server stopped: keeps what it wrote if a JVM maps it (a killed server leaves half a file). */
        synchronized void adopt() {
            if (writing == null || !Files.isRegularFile(writing)) {
                return;
            }
            try {
                Process check = new ProcessBuilder(java(),
                        // The class path as the server had it: the archive is bound to it.
                        "-Xshare:on", "-XX:SharedArchiveFile=" + writing, "-cp", payaraJar.toString(), "-version")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
                check.destroyForcibly();
            } catch (IOException e) {
                System.err.println("The class-data archive was not kept: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(writing);
            } catch (IOException e) {
                System.err.println("Could not delete " + writing + ": " + e);
            }
        }

        /** The classes an archive could not take are listed at length: not worth the log. */
        private static List<String> options(String archive) {
            return List.of(archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
    }

    /** The java of the JVM running this launcher, for the server and the archive's check alike. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> javaOptions(String value) {
        return blank(value) ? List.of() : Arrays.stream(value.trim().split("\\s+")).toList();
    }

    /**
     * Starts Payara Micro in a child process.
     *
     * @param extraJvmArgs system properties and the like for the child JVM
     * @param clusterArgs  from {@link #clusterArguments} or {@link #cluster}
     * @param inheritIo    true to share this process's console; false to log beside the root directory
     */
    public static Process start(Path payaraJar, Path war, String host, int port, Path rootDir,
                                List<String> extraJvmArgs, List<String> clusterArgs, boolean inheritIo)
            throws IOException {
        deleteTree(rootDir);
        Files.createDirectories(rootDir);
        Path preboot = rootDir.resolveSibling(rootDir.getFileName() + "-preboot.txt");
        Files.writeString(preboot, String.join("\n",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=" + host,
                // Jakarta Security groups are the roles; no per-app role mapping file needed.
                "set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true",
                // Payara writes the session cookie itself and honours neither web.xml's nor the servlet API's
                // SameSite attribute: the listener adds it to every cookie it writes.
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-value=Lax",
                "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-enabled=true",
                ""));

        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Xss1m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Duser.timezone=UTC");
        if (clusterArgs.contains("--interfaces")) {
            // Otherwise Hazelcast binds every address whatever --interfaces says.
            command.add("-Dhazelcast.socket.bind.any=false");
        }
        // A stopping node leaves the grid in good order (Hazelcast's own hook would just terminate), briefly.
        command.add("-Dhazelcast.shutdownhook.policy=GRACEFUL");
        command.add("-Dhazelcast.graceful.shutdown.max.wait=20");
        int name = clusterArgs.indexOf("--name");
        if (name >= 0 && clusterArgs.contains(SESSION_ROUTE)) {
            // The node's name ends its session ids (id.name): a load balancer routes a session back by it.
            command.add("-DjvmRoute=" + clusterArgs.get(name + 1));
        }
        forwardProperty(command, "cms.data.dir");
        if (System.getenv("CMS_BASE_URL") == null) {
            // A system property would hide the operator's CMS_BASE_URL (the public address behind a proxy).
            command.add("-Dcms.base-url=http://" + host + ":" + port + "/");
        }
        // What the preboot command sets, told to the CMS: it refuses demo passwords on a reachable address.
        command.add("-Dcms.bind-address=" + host);
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-jar", payaraJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--rootdir", rootDir.toString(),
                "--prebootcommandfile", preboot.toString(),
                "--disablephonehome"));
        clusterArgs.stream().filter(a -> !a.equals(SESSION_ROUTE)).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives each thread that allocates its own arena, which keeps what it freed: with Payara's threads that
        // was about 100 MB of the server's resident memory at 100,000 articles. An operator's own value is kept.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        if (inheritIo) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true);
            builder.redirectOutput(rootDir.resolveSibling(rootDir.getFileName() + "-server.log").toFile());
        }
        return builder.start();
    }

    static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.");
    }

    private static void port(String value, String what) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new IllegalArgumentException(what + " must be a port number: " + value);
    }

    private static void forwardProperty(List<String> command, String name) {
        String value = System.getProperty(name);
        if (value != null) {
            command.add("-D" + name + "=" + value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String envOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return blank(value) ? fallback : value.trim();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
