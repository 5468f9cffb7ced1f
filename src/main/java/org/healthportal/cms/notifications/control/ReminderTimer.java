package org.healthportal.cms.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.platform.Draining;

/**
 * Runs the {@link Reminders} scan every {@code cms.notifications.reminder-interval} (an hour by default) on every
 * node; the once-keys make a reminder said once, whichever node says it first.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class ReminderTimer {

    private static final Logger LOG = Logger.getLogger(ReminderTimer.class.getName());
    private static final int BATCH = 200;

    @Resource
    TimerService timers;

    @Inject
    Reminders reminders;

    @Inject
    Draining draining;

    @Inject
    DatabaseAvailability database;

    @Inject
    @ConfigProperty(name = "cms.notifications.reminder-interval", defaultValue = "PT1H")
    Duration interval;

    @PostConstruct
    void start() {
        long millis = Math.max(1000, interval.toMillis());
        timers.createIntervalTimer(millis, millis, new TimerConfig("notification-reminders", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scan() {
        if (database.isDown() || !draining.enter()) {
            return;
        }
        try {
            for (Long articleId : reminders.reviewsDueSoon(BATCH)) {
                attempt(() -> reminders.remindReviewDue(articleId), "review-due reminder for article " + articleId);
            }
            for (Long profileId : reminders.credentialsLapsingSoon(BATCH)) {
                attempt(() -> reminders.remindCredentials(profileId), "credentials reminder " + profileId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for reminders: {0}", e.getMessage());
        } finally {
            draining.exit();
        }
    }

    private static void attempt(Runnable reminder, String what) {
        try {
            reminder.run();
        } catch (RuntimeException e) {
            // Most likely another node wrote the same reminder a moment earlier (its once-key is unique).
            LOG.log(Level.FINE, what + " not written here", e);
        }
    }
}
