package org.healthportal.cms.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @Test
    void byDefaultANodeIsAGridOfItsOwnOnLoopback() {
        List<String> args = Launcher.clusterArguments(Map.of(), 8080);
        assertEquals("tcpip:127.0.0.1:6900", value(args, "--clustermode"));
        assertEquals("6900", value(args, "--startport"));
        assertEquals("127.0.0.1", value(args, "--interfaces"));
        assertEquals("cms-8080", value(args, "--name"));
        assertFalse(args.contains(Launcher.SESSION_ROUTE), "a default name is no session route");
        assertFalse(args.contains("--nocluster"));
        assertFalse(args.contains("--hzpublicaddress"));
    }

    @Test
    void membersOfOneListAgreeOnTheGridWhateverTheOrder() {
        List<String> first = Launcher.clusterArguments(Map.of("CMS_CLUSTER_PORT", "6901",
                "CMS_CLUSTER_MEMBERS", "127.0.0.1:6901, 127.0.0.1:6902"), 8081);
        List<String> second = Launcher.clusterArguments(Map.of("CMS_CLUSTER_PORT", "6902",
                "CMS_CLUSTER_MEMBERS", "127.0.0.1:6902,127.0.0.1:6901"), 8082);
        assertEquals(value(first, "--clustername"), value(second, "--clustername"));
        assertEquals(value(first, "--clustermode"), value(second, "--clustermode"));
        assertEquals("tcpip:127.0.0.1:6901,127.0.0.1:6902", value(first, "--clustermode"));
        assertEquals("6901", value(first, "--startport"));
        assertEquals("6902", value(second, "--startport"));
        assertEquals("cms-8081", value(first, "--name"));
    }

    @Test
    void anotherListIsAnotherGrid() {
        String one = value(Launcher.clusterArguments(Map.of("CMS_CLUSTER_MEMBERS", "127.0.0.1:6900"), 8080),
                "--clustername");
        String two = value(Launcher.clusterArguments(Map.of("CMS_CLUSTER_MEMBERS", "127.0.0.1:6900,127.0.0.1:6901"),
                8080), "--clustername");
        assertNotEquals(one, two);
        assertEquals("shared", value(Launcher.clusterArguments(Map.of("CMS_CLUSTER_NAME", "shared"), 8080),
                "--clustername"));
    }

    @Test
    void membersElsewhereLetHazelcastChooseTheInterfaceUnlessTheOperatorDoes() {
        Map<String, String> docker = Map.of("CMS_CLUSTER_MEMBERS", "cms-1:6900,cms-2:6900", "CMS_NODE_NAME", "cms-1");
        List<String> args = Launcher.clusterArguments(docker, 8080);
        assertEquals("tcpip:cms-1:6900,cms-2:6900", value(args, "--clustermode"));
        assertFalse(args.contains("--interfaces"), args.toString());
        assertEquals("cms-1", value(args, "--name"));
        assertTrue(args.contains(Launcher.SESSION_ROUTE), "a chosen name ends the session ids");

        List<String> chosen = Launcher.clusterArguments(Map.of("CMS_CLUSTER_MEMBERS", "10.0.0.5:6900,10.0.0.6:6900",
                "CMS_CLUSTER_INTERFACE", "10.0.0.5", "CMS_CLUSTER_PUBLIC_ADDRESS", "203.0.113.5:6900"), 8080);
        assertEquals("10.0.0.5", value(chosen, "--interfaces"));
        assertEquals("203.0.113.5:6900", value(chosen, "--hzpublicaddress"));
    }

    @Test
    void noneMeansNoGridWithHazelcastKeptOnLoopback() {
        List<String> args = Launcher.clusterArguments(Map.of("CMS_CLUSTER_MEMBERS", "none", "CMS_CLUSTER_PORT", "7000"),
                8080);
        assertTrue(args.contains("--nocluster"));
        assertFalse(args.contains("--clustermode"));
        assertEquals("127.0.0.1", value(args, "--interfaces"));
        assertEquals("7000", value(args, "--startport"));
    }

    @Test
    void valuesThatCannotWorkStopTheStartWithAMessage() {
        for (Map<String, String> env : List.of(Map.of("CMS_CLUSTER_MEMBERS", "127.0.0.1"),
                Map.of("CMS_CLUSTER_MEMBERS", "127.0.0.1:http"),
                Map.of("CMS_CLUSTER_MEMBERS", " , "),
                Map.of("CMS_CLUSTER_PORT", "70000"),
                Map.of("CMS_NODE_NAME", "cms 1"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Launcher.clusterArguments(env, 8080), env.toString());
            assertTrue(e.getMessage().contains(env.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void theTestsShorthandIsTheSameAsTheEnvironment() {
        assertEquals(Launcher.clusterArguments(Map.of("CMS_CLUSTER_PORT", "6901",
                        "CMS_CLUSTER_MEMBERS", "127.0.0.1:6901,127.0.0.1:6902", "CMS_NODE_NAME", "cms-1"), 1),
                Launcher.cluster("cms-1", 6901, List.of(6901, 6902)));
    }

    @Test
    void theShutdownGraceIsAnIsoDuration() {
        assertEquals(Duration.ofSeconds(20), Launcher.shutdownGrace(null));
        assertEquals(Duration.ofSeconds(5), Launcher.shutdownGrace("PT5S"));
        assertEquals(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"),
                Launcher.javaOptions(" -Xmx1g  -XX:+ExitOnOutOfMemoryError "));
        assertEquals(List.of(), Launcher.javaOptions(""));
    }

    @Test
    void aStartWithoutAClassArchiveWritesOneThatTheNextStartUses(@TempDir Path dir) throws Exception {
        // Any jar stands in for Payara Micro: the archive is bound to the JVM and to the class path.
        Path jar = Files.copy(Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                dir.resolve("payara-micro.jar"));
        Path archives = dir.resolve("archives");
        Files.createDirectories(archives);
        Path stale = Files.writeString(archives.resolve("cms-classes-8080-0123456789ab.jsa"), "an older JVM's");
        Path otherPort = Files.writeString(archives.resolve("cms-classes-8081-0123456789ab.jsa"), "another node's");

        Launcher.ClassArchive first = Launcher.ClassArchive.of(null, archives, jar, 8080);
        assertFalse(Files.exists(stale), "an archive of another JVM or Payara Micro is deleted");
        assertTrue(Files.exists(otherPort), "another node's archive is its own");
        assertTrue(first.jvmOptions().contains("-XX:ArchiveClassesAtExit=" + first.writing()), first.toString());
        assertEquals(0, java(first.jvmOptions(), jar));
        first.adopt();
        assertTrue(Files.size(first.archive()) > 0, "the archive the JVM wrote is kept");
        assertFalse(Files.exists(first.writing()));

        Launcher.ClassArchive next = Launcher.ClassArchive.of(null, archives, jar, 8080);
        assertEquals(first.archive(), next.archive());
        assertTrue(next.jvmOptions().contains("-XX:SharedArchiveFile=" + next.archive()), next.toString());
        assertEquals(0, java(concat(List.of("-Xshare:on"), next.jvmOptions()), jar), "the JVM maps it");
        assertEquals(List.of(), Launcher.ClassArchive.of("off", archives, jar, 8080).jvmOptions());
    }

    @Test
    void anArchiveCutShortIsNotKept(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                dir.resolve("payara-micro.jar"));
        Launcher.ClassArchive archive = Launcher.ClassArchive.of(dir.toString(), dir.resolve("unused"), jar, 8080);
        // A server killed while writing it leaves part of a file.
        Files.write(archive.writing(), new byte[4096]);
        archive.adopt();
        assertFalse(Files.exists(archive.writing()));
        assertFalse(Files.exists(archive.archive()), "the next start writes it again");
    }

    private static int java(List<String> options, Path classPath) throws Exception {
        List<String> command = concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                concat(options, List.of("-cp", classPath.toString(), "-version")));
        Process java = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(java.waitFor(60, TimeUnit.SECONDS), "the JVM ends");
        return java.exitValue();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertTrue(i >= 0 && i + 1 < args.size(), flag + " in " + args);
        return args.get(i + 1);
    }
}
