package org.healthportal.cms.platform.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts Payara Micro with the CMS WAR for {@code mvn -Prun}, and for the integration tests.
 *
 * <p>It exists because Payara Micro has no bind-address flag (a preboot command sets it) and because a reused
 * root directory redeploys the previous WAR first: each start gets an empty root directory. The child's exit
 * code is passed on, so a CMS that cannot reach its database ends {@code mvn -Prun} with an error.
 *
 * <p>Arguments: payara-micro.jar, cms.war, bind host, port, root directory. Environment variables
 * {@code CMS_HOST} and {@code CMS_PORT} override host and port.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Launcher <payara-micro.jar> <cms.war> <host> <port> <rootdir>");
            System.exit(64);
        }
        String host = envOr("CMS_HOST", args[2]);
        int port = Integer.parseInt(envOr("CMS_PORT", args[3]));
        int clusterPort = Integer.parseInt(envOr("CMS_CLUSTER_PORT", "6900"));
        Process process = start(Path.of(args[0]), Path.of(args[1]), host, port, Path.of(args[4]), List.of(),
                cluster(clusterPort, List.of(clusterPort)), true);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        System.exit(process.waitFor());
    }

    /**
     * Payara Micro arguments for a data grid (Hazelcast) on loopback only, its members listed by port; the cluster
     * is named after the first member so that separate runs on one machine never join each other.
     */
    public static List<String> cluster(int ownPort, List<Integer> memberPorts) {
        String members = memberPorts.stream().map(p -> "127.0.0.1:" + p).reduce((a, b) -> a + "," + b).orElseThrow();
        return List.of("--clustermode", "tcpip:" + members, "--startport", String.valueOf(ownPort),
                "--interfaces", "127.0.0.1", "--clustername", "cms-" + memberPorts.get(0));
    }

    /**
     * Starts Payara Micro in a child process.
     *
     * @param extraJvmArgs system properties and the like for the child JVM
     * @param clusterArgs  from {@link #cluster}
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
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xss1m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Duser.timezone=UTC");
        command.add("-Dhazelcast.socket.bind.any=false");
        forwardProperty(command, "cms.data.dir");
        command.add("-Dcms.base-url=http://" + host + ":" + port + "/");
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
        command.addAll(clusterArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (inheritIo) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true);
            builder.redirectOutput(rootDir.resolveSibling(rootDir.getFileName() + "-server.log").toFile());
        }
        return builder.start();
    }

    private static void forwardProperty(List<String> command, String name) {
        String value = System.getProperty(name);
        if (value != null) {
            command.add("-D" + name + "=" + value);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
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
