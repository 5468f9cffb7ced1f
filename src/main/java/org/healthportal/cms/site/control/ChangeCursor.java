package org.healthportal.cms.site.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Where a node stands in the change log. Ids are handed out when a row is inserted but become visible when its
 * transaction commits, so a later id can be read before an earlier one: the cursor remembers the ids it skipped
 * and asks for them again until a grace period has passed (a rolled-back insert, or a database that steps its
 * ids by more than one, leaves ids that never come).
 */
final class ChangeCursor {

    private final Duration grace;
    private final int maxMissing;
    private final TreeMap<Long, Instant> missing = new TreeMap<>();
    private long newest;

    ChangeCursor(long newest, Duration grace, int maxMissing) {
        this.newest = newest;
        this.grace = grace;
        this.maxMissing = maxMissing;
    }

    /** The highest id read so far: the next read asks for what comes after it. */
    long newest() {
        return newest;
    }

    /** Skipped ids still worth asking for, newest first, at most {@code max}. */
    List<Long> missing(int max) {
        List<Long> ids = new ArrayList<>();
        for (Long id : missing.descendingKeySet()) {
            if (ids.size() == max) {
                break;
            }
            ids.add(id);
        }
        return ids;
    }

    /** Takes an id just read; true when this node has not handled it before. */
    boolean accept(long id, Instant now) {
        if (id > newest) {
            // Only the latest skipped ids are kept: a jump of thousands is an id step, not thousands of writers.
            for (long skipped = Math.max(newest + 1, id - maxMissing); skipped < id; skipped++) {
                missing.put(skipped, now);
            }
            newest = id;
            trim();
            return true;
        }
        return missing.remove(id) != null;
    }

    /** Gives up on ids skipped longer ago than the grace period. */
    void expire(Instant now) {
        missing.values().removeIf(seen -> seen.plus(grace).isBefore(now));
    }

    int missingCount() {
        return missing.size();
    }

    private void trim() {
        while (missing.size() > maxMissing) {
            missing.pollFirstEntry();
        }
    }
}
