package org.healthportal.cms.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: a load balancer stops sending traffic to an instance that lost it. Why it
 * is down goes to the log, once per outage, never into the answer: a driver's message names hosts, users and SQL.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseAvailability availability;

    private final AtomicBoolean down = new AtomicBoolean();

    @Override
    public HealthCheckResponse call() {
        if (availability.isDown()) {
            // Known a moment ago: answered at once, so a balancer's check never waits for a connection.
            return HealthCheckResponse.named("database").down().build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            if (valid && down.compareAndSet(true, false)) {
                LOG.info("The database answers again: ready");
            } else if (!valid && down.compareAndSet(false, true)) {
                LOG.warning("The database connection is not valid: not ready");
            }
            return HealthCheckResponse.named("database").status(valid).build();
        } catch (SQLException e) {
            availability.failed(e);
            if (down.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "The database does not answer: not ready", e);
            }
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
