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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** What this node already looked at: "article:due", so each due date costs one look per node. */
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

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
            Reminders.DueReview last = null;
            for (List<Reminders.DueReview> page = reminders.reviewsDueSoon(null, BATCH); !page.isEmpty();
                 page = reminders.reviewsDueSoon(last, BATCH)) {
                for (Reminders.DueReview due : page) {
                    // Looked at once per due date on this node; the once-key makes it said once on all of them.
                    String key = due.articleId() + ":" + due.due();
                    if (!handled.contains(key) && attempt(() -> reminders.remindReviewDue(due.articleId()),
                            "review-due reminder for article " + due.articleId())) {
                        handled.add(key);
                    }
                }
                last = page.get(page.size() - 1);
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

    private static boolean attempt(Runnable reminder, String what) {
        try {
            reminder.run();
            return true;
        } catch (RuntimeException e) {
            // Most likely another node wrote the same reminder a moment earlier (its once-key is unique); if not,
            // the next tick tries again.
            LOG.log(Level.FINE, what + " not written here", e);
            return false;
        }
    }
}
