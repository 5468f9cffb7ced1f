package org.healthportal.cms.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the JVM with a clear message when the CMS cannot start. Payara Micro would otherwise keep running with
 * the application undeployed, answering 404 to everything. Used from the datasource (Payara's JPA deployer
 * connects before any application bean runs) and from {@link Bootstrap}. Once started, failures are left to the
 * health check instead: a database that goes away later makes the instance not ready, not dead.
 */
public final class StartupGuard {

    private static final Logger LOG = Logger.getLogger(StartupGuard.class.getName());
    private static final AtomicBoolean STOPPING = new AtomicBoolean();
    private static volatile boolean started;

    private StartupGuard() {
    }

    public static void started() {
        started = true;
    }

    /** Reports a failure; before the CMS has started, stops the server (unless switched off). */
    public static void fail(String message, Throwable cause) {
        if (started || !STOPPING.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.SEVERE, "CMS STARTUP FAILED: {0}", message);
        LOG.log(Level.FINE, "Startup failure", cause);
        if (exitEnabled()) {
            // From another thread: the failing thread holds deployment locks that shutting down needs.
            Thread exit = new Thread(() -> System.exit(3), "cms-startup-failure");
            exit.start();
        }
    }

    public static String describeDatabaseFailure(String url, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String shown = url == null ? "(none)" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return "The database at " + shown + " cannot be reached or used: " + reason
                + ". Check CMS_DB_URL, CMS_DB_USER and CMS_DB_PASSWORD.";
    }

    private static boolean exitEnabled() {
        String value = System.getProperty("cms.exit-on-startup-failure", System.getenv("CMS_EXIT_ON_STARTUP_FAILURE"));
        return value == null || Boolean.parseBoolean(value);
    }
}
