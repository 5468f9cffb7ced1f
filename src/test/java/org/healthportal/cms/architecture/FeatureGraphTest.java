package org.healthportal.cms.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The features depend on each other in one direction only, as docs/architecture.md draws them: {@code jdeps}
 * over the compiled classes, every package edge mapped to its feature, none going up the order.
 */
class FeatureGraphTest {

    /** Lowest first: a feature may use those before it, never those after. */
    static final List<String> ORDER = List.of("platform", "accounts", "taxonomy", "compliance", "media", "content",
            "workflow", "notifications", "site", "preview", "importing",
            "setup");

    private static final Pattern EDGE = Pattern.compile(
            "^\\s+org\\.healthportal\\.cms\\.(\\w+)\\S*\\s+->\\s+org\\.healthportal\\.cms\\.(\\w+)\\S*");

    @Test
    void noFeatureDependsOnOneAboveIt() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("org/healthportal/cms")), "compiled classes in " + classes);
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e",
                "org\\.healthportal\\.cms\\..*", classes.toString());
        assertEquals(0, status, out.toString());
        Set<String> features = new TreeSet<>();
        Set<String> upward = new TreeSet<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (!edge.find()) {
                continue;
            }
            String from = edge.group(1);
            String to = edge.group(2);
            features.add(from);
            features.add(to);
            if (!from.equals(to) && ORDER.indexOf(from) < ORDER.indexOf(to)) {
                upward.add(line.strip());
            }
        }
        assertEquals(new TreeSet<>(ORDER), features, "every feature, and only those, has its place in the order");
        assertTrue(upward.isEmpty(), "dependencies against the order (a cycle in the making):\n"
                + String.join("\n", upward));
    }
}
