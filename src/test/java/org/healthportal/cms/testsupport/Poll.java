package org.healthportal.cms.testsupport;

import java.util.concurrent.TimeUnit;

/** Between two looks at something a server's timer is about to change. */
public final class Poll {

    private Poll() {
    }

    /**
     * A tenth of a second: a loop asking without a pause keeps the server's request threads busy on a 2-core
     * machine, and the timer it waits for gets the CPU later.
     */
    public static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
