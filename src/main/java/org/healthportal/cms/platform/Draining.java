package org.healthportal.cms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    // Counted without a lock: every request passes here, and a monitor taken by every request on two cores queued
    // them behind each other. A request counts itself in first and then looks at the flag, so a drain that set the
    // flag either sees it counted or it sees the flag and leaves.
    private final AtomicInteger inFlight = new AtomicInteger();
    // The requests among them, apart from timer ticks: readiness reports both, and a tick every second must not
    // pass for a request.
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean draining;

    /** Counts the caller's work in, unless the node is stopping: then false, and the caller refuses the work. */
    public boolean enter() {
        inFlight.incrementAndGet();
        if (draining) {
            exit();
            return false;
        }
        return true;
    }

    /** {@link #enter} for a request. */
    public boolean enterRequest() {
        requests.incrementAndGet();
        if (!enter()) {
            requests.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The end of a request {@link #enterRequest} counted in. */
    public void exitRequest() {
        requests.decrementAndGet();
        exit();
    }

    /** The end of work {@link #enter} counted in. */
    public void exit() {
        if (inFlight.decrementAndGet() <= 0 && draining) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    public boolean isDraining() {
        return draining;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The requests in flight, without timer ticks. */
    public int requestsInFlight() {
        return requests.get();
    }

    /**
     * Takes no new work from now on and waits until the work in flight is done or {@code grace} has passed.
     *
     * @return the work still running when it stopped waiting (0: all done)
     */
    public int drain(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        draining = true;
        synchronized (lock) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return Math.max(0, inFlight.get());
        }
    }
}
