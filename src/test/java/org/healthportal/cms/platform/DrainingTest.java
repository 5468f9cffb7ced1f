package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrainingTest {

    @Test
    void requestsAreCountedApartFromTimerTicksAndBothAreWaitedFor() throws Exception {
        Draining draining = new Draining();
        assertTrue(draining.enter());
        assertTrue(draining.enterRequest());
        assertEquals(2, draining.inFlight());
        assertEquals(1, draining.requestsInFlight());

        draining.exit();
        assertEquals(1, draining.inFlight());
        assertEquals(1, draining.requestsInFlight());
        assertEquals(1, draining.drain(Duration.ofMillis(20)), "the request still runs");

        assertFalse(draining.enterRequest(), "no new request while draining");
        assertFalse(draining.enter(), "no new tick while draining");
        assertEquals(1, draining.requestsInFlight());
        draining.exitRequest();
        assertEquals(0, draining.inFlight());
        assertEquals(0, draining.requestsInFlight());
        assertEquals(0, draining.drain(Duration.ZERO));
    }
}
