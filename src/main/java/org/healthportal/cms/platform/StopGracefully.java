package org.healthportal.cms.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (and Ctrl-C's SIGINT) first drain this node's requests, then stop Payara Micro as before.
 *
 * <p>Payara Micro's own stop, a JVM shutdown hook, marks the application unavailable at once (new requests get the
 * container's 503), waits about two seconds for requests in flight and then closes their connections unanswered.
 * A shutdown hook of ours would run beside it, not before, so the drain sits in front of the JVM's signal handler:
 * it waits for {@link Draining} (at most {@code cms.shutdown.grace}) and then hands the signal on, and the JVM shuts
 * down as it would have. A second signal during the drain changes nothing (the launcher forwards Ctrl-C as SIGTERM).
 */
@WebListener
public class StopGracefully implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StopGracefully.class.getName());

    @Inject
    Draining draining;

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private Duration grace;
    private ClassLoader application;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The JVM's signal thread has no context class loader; CDI needs the application's.
        application = Thread.currentThread().getContextClassLoader();
        grace = ConfigProvider.getConfig().getOptionalValue("cms.shutdown.grace", Duration.class)
                .orElse(Duration.ofSeconds(20));
        for (String name : List.of("TERM", "INT")) {
            Signal signal = new Signal(name);
            try {
                SignalHandler before = Signal.handle(signal, this::stop);
                if (before == SignalHandler.SIG_IGN) {
                    // Started with the signal ignored (nohup, a background job): it stays ignored.
                    Signal.handle(signal, before);
                } else {
                    previous.put(signal, before);
                }
            } catch (IllegalArgumentException notHere) {
                LOG.log(Level.WARNING, "No graceful stop on SIG{0}: {1}", new Object[] {name, notHere.getMessage()});
            }
        }
    }

    private void stop(Signal signal) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            if (draining.isDraining()) {
                return;
            }
            drain(signal);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not drain the requests in flight: stopping anyway", e);
        } catch (InterruptedException e) {
            thread.interrupt();
        } finally {
            thread.setContextClassLoader(before);
        }
        // Whatever happened above, the signal goes on: the process must stop.
        handOn(signal);
    }

    private void drain(Signal signal) throws InterruptedException {
        LOG.log(Level.INFO, "SIG{0}: taking no new requests, finishing {1} in flight (at most {2})",
                new Object[] {signal.getName(), draining.inFlight(), grace});
        long started = System.nanoTime();
        int left = draining.drain(grace);
        if (left > 0) {
            LOG.log(Level.WARNING, "Stopping with {0} requests still running after {1}", new Object[] {left, grace});
        } else {
            LOG.log(Level.INFO, "Requests finished in {0} ms: stopping",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    private void handOn(Signal signal) {
        SignalHandler before = previous.get(signal);
        try {
            before.handle(signal);
        } catch (UnsupportedOperationException nativeHandler) {
            // The JVM's default disposition: put it back and let it act.
            Signal.handle(signal, before);
            Signal.raise(signal);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // Stopped some other way than a signal: at least report not ready from now on.
        try {
            draining.drain(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // No handler may call into an application that is gone.
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
