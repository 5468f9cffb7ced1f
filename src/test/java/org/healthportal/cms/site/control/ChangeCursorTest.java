package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void readsOnFromWhereItStarted() {
        ChangeCursor cursor = new ChangeCursor(41, Duration.ofMinutes(1), 100);
        assertTrue(cursor.accept(42, T0));
        assertTrue(cursor.accept(43, T0));
        assertEquals(43, cursor.newest());
        assertEquals(List.of(), cursor.missing(10));
    }

    @Test
    void anIdReadTwiceIsAppliedOnce() {
        ChangeCursor cursor = new ChangeCursor(0, Duration.ofMinutes(1), 100);
        assertTrue(cursor.accept(1, T0));
        assertFalse(cursor.accept(1, T0));
    }

    @Test
    void anIdThatCommitsAfterALaterOneIsStillApplied() {
        ChangeCursor cursor = new ChangeCursor(10, Duration.ofMinutes(1), 100);
        assertTrue(cursor.accept(13, T0));
        assertEquals(List.of(12L, 11L), cursor.missing(10));
        assertTrue(cursor.accept(11, T0.plusSeconds(2)), "late commit of 11");
        assertFalse(cursor.accept(11, T0.plusSeconds(4)));
        assertEquals(List.of(12L), cursor.missing(10));
    }

    @Test
    void skippedIdsAreGivenUpAfterTheGracePeriod() {
        ChangeCursor cursor = new ChangeCursor(0, Duration.ofMinutes(1), 100);
        cursor.accept(3, T0);
        cursor.expire(T0.plusSeconds(59));
        assertEquals(2, cursor.missingCount());
        cursor.expire(T0.plusSeconds(61));
        assertEquals(0, cursor.missingCount());
        assertFalse(cursor.accept(1, T0.plusSeconds(62)), "too late: a rolled-back id, or an id step");
    }

    @Test
    void aLargeIdStepKeepsOnlyTheLatestSkippedIds() {
        ChangeCursor cursor = new ChangeCursor(0, Duration.ofMinutes(1), 5);
        cursor.accept(1_000_000, T0);
        assertEquals(5, cursor.missingCount());
        assertEquals(List.of(999_999L, 999_998L), cursor.missing(2));
        cursor.accept(1_000_003, T0);
        assertEquals(5, cursor.missingCount(), "bounded however many ids are skipped");
        assertEquals(List.of(1_000_002L, 1_000_001L, 999_999L, 999_998L, 999_997L), cursor.missing(10));
    }
}
