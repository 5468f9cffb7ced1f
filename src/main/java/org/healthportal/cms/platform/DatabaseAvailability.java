package org.healthportal.cms.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database answers, known ahead of the next request. A probe asks it every
 * {@code cms.db.probe-interval} (1 s); any request that meets a lost connection says so at once. While it is down,
 * whatever needs the database answers 503 with {@code Retry-After} straight away instead of holding a request
 * thread for a connection that will not come, and stored pages go on being served. The probe also brings it back:
 * no restart is needed, the pool validates its connections and opens new ones.
 */
@ApplicationScoped
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "cms.db.probe-interval", defaultValue = "PT1S")
    Duration probeInterval;

    /** What clients are told to wait before trying again. */
    @Inject
    @ConfigProperty(name = "cms.db.retry-after", defaultValue = "PT5S")
    Duration retryAfter;

    /** Static because the pool's connection factory ({@link CmsDataSource}) is made by the server, not by CDI. */
    private static volatile boolean down;
    /** Set on the probe's thread: its connection attempts go to the database whatever is known. */
    private static final ThreadLocal<Boolean> PROBING = ThreadLocal.withInitial(() -> false);
    private ScheduledFuture<?> probing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ready) {
        long millis = Math.max(100, probeInterval.toMillis());
        probing = scheduler.scheduleWithFixedDelay(this::probe, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (probing != null) {
            probing.cancel(false);
        }
    }

    /** True while the database is known not to answer: the request should not wait for it. */
    public boolean isDown() {
        return down;
    }

    /** Seconds for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    /** Told of a failure; true (and down until the probe finds it back) when it says the database is away. */
    public boolean failed(Throwable failure) {
        if (!isUnavailable(failure)) {
            return false;
        }
        markDown(failure);
        return true;
    }

    /**
     * True when a new connection should not even be tried: the database is known to be away and this is not the
     * probe. Every request then fails at once instead of waiting out a connection timeout.
     */
    static boolean shortCircuit() {
        return down && !PROBING.get();
    }

    void probe() {
        PROBING.set(true);
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid((int) Math.max(1, probeInterval.toSeconds()))) {
                if (down) {
                    down = false;
                    LOG.info("The database answers again: serving everything");
                }
            } else {
                markDown(null);
            }
        } catch (SQLException | RuntimeException e) {
            markDown(e);
        } finally {
            PROBING.set(false);
        }
    }

    private void markDown(Throwable cause) {
        if (!down) {
            down = true;
            // Once per outage; the driver's words (hosts, users) stay in the log.
            LOG.log(Level.WARNING, "The database does not answer: pages that need it answer 503 until it is back"
                    + (cause == null ? "" : " (" + cause + ")"));
        }
    }

    /** True when the failure, or one of its causes, is a connection that could not be had or was lost. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || H2_CONNECTION_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // Payara's pool, without a compile-time dependency on its internals; its SQLException keeps the cause
            // in the message only.
            if (t.getClass().getName().endsWith(".PoolingException") || t instanceof SQLException
                    && t.getMessage() != null && t.getMessage().startsWith("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    /** H2's codes for a broken connection and for a server that cannot be reached. */
    private static final java.util.Set<String> H2_CONNECTION_STATES = java.util.Set.of("90067", "90028");
}
