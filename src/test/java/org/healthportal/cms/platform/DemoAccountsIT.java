package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.healthportal.cms.testsupport.CmsServer;
import org.junit.jupiter.api.Test;

/**
 * Demo accounts only where they are safe. The shared test server runs on loopback with {@code cms.demo=true}; here a
 * second one on the embedded database listens on every interface (0.0.0.0) with the default {@code cms.demo=auto}.
 * On MySQL/MariaDB it shares the shared server's database, where {@code auto} seeds nothing but the demo accounts
 * that server made are there with their passwords: refused the same way. {@code DemoGuardTest} covers the cases
 * that start (loopback, {@code CMS_DEMO=true}, changed passwords).
 */
class DemoAccountsIT {

    @Test
    void demoPasswordsOnAReachableAddressStopTheServerAndSayWhy() throws InterruptedException {
        // On a shared MySQL database the demo accounts must exist first, as they do once a demo run has seeded it.
        CmsServer.get();
        CmsServer exposed = CmsServer.start("demo-exposed", "0.0.0.0", List.of("-Dcms.demo=auto"));
        try {
            int exit = exposed.awaitExit(Duration.ofMinutes(3));
            assertNotEquals(0, exit);
            String log = exposed.log();
            assertTrue(log.contains("CMS STARTUP FAILED"), exposed.logTail());
            assertTrue(log.contains("Demo accounts with their published passwords (admin, editor, reviewer, doctor,"
                    + " retired) would be reachable on 0.0.0.0"), exposed.logTail());
            assertTrue(log.contains("CMS_DEMO=true"), exposed.logTail());
            assertFalse(log.contains("Demo content loaded"), "refused before seeding anything");
        } finally {
            exposed.stop();
        }
    }
}
