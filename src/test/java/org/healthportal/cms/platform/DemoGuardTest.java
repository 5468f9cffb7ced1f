package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DemoGuardTest {

    private static final Supplier<List<String>> ALL_DEMO = () -> List.of("admin", "editor");
    private static final Supplier<List<String>> NONE = List::of;
    private static final Supplier<List<String>> NOT_ASKED = () -> {
        throw new AssertionError("the accounts need no check here");
    };

    @Test
    void onLoopbackTheDemoRunsWithoutCheckingAnyPassword() {
        for (String host : List.of("127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3")) {
            assertEquals(Optional.empty(), DemoGuard.refusal(host, "auto", NOT_ASKED), host);
        }
    }

    @Test
    void onAReachableAddressDemoPasswordsStopTheStart() {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.2", "cms.example.org.invalid")) {
            String message = DemoGuard.refusal(host, "auto", ALL_DEMO).orElseThrow();
            assertTrue(message.contains("admin, editor"), message);
            assertTrue(message.contains(host), message);
            assertTrue(message.contains("CMS_DEMO=true"), message);
            assertTrue(message.contains("CMS_HOST"), message);
        }
        assertTrue(DemoGuard.refusal("0.0.0.0", "false", ALL_DEMO).isPresent(), "demo off, accounts left from before");
    }

    @Test
    void anUnknownAddressCountsAsEveryInterface() {
        String message = DemoGuard.refusal(null, "auto", ALL_DEMO).orElseThrow();
        assertTrue(message.contains("every network interface"), message);
        assertTrue(DemoGuard.refusal(" ", "auto", ALL_DEMO).isPresent());
    }

    @Test
    void anExplicitDemoOrChangedPasswordsMayListenAnywhere() {
        assertEquals(Optional.empty(), DemoGuard.refusal("0.0.0.0", "true", NOT_ASKED));
        assertEquals(Optional.empty(), DemoGuard.refusal("0.0.0.0", " TRUE ", NOT_ASKED));
        assertEquals(Optional.empty(), DemoGuard.refusal("0.0.0.0", "auto", NONE));
    }

    @Test
    void loopbackMeansEveryAddressOfTheName() {
        assertTrue(DemoGuard.isLoopback("127.0.0.1"));
        assertFalse(DemoGuard.isLoopback("0.0.0.0"));
        assertFalse(DemoGuard.isLoopback(null));
        assertFalse(DemoGuard.isLoopback("no-such-host.invalid"));
    }
}
