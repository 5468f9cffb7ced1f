package org.healthportal.cms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The work in flight on this node, and whether it still takes new work. When the node is told to stop, it stops
 * taking requests and timer ticks, reports not ready ({@link DrainingReadiness}), and waits (bounded) for what already runs: Payara Micro
 * alone waits about two seconds for a request and then closes its connection unanswered.
 *
 * <p>Requests are counted by {@code platform.web.DrainFilter}, timer ticks by their timers; {@code StopGracefully}
 * starts the drain when the process gets SIGTERM or SIGINT.
 */
@ApplicationScoped
public class Draining {

    private final Object lock = new Object();
    private int inFlight;
    private boolean draining;

    /** Counts the caller's work in, unless the node is stopping: then false, and the caller refuses the work. */
    public boolean enter() {
        synchronized (lock) {
            if (draining) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    /** The end of work {@link #enter} counted in. */
    public void exit() {
        synchronized (lock) {
            inFlight--;
            if (inFlight <= 0) {
                lock.notifyAll();
            }
        }
    }

    public boolean isDraining() {
        synchronized (lock) {
            return draining;
        }
    }

    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /**
     * Takes no new work from now on and waits until the work in flight is done or {@code grace} has passed.
     *
     * @return the work still running when it stopped waiting (0: all done)
     */
    public int drain(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            draining = true;
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return inFlight;
        }
    }
}
