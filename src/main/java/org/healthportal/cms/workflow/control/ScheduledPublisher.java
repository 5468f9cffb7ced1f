package org.healthportal.cms.workflow.control;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.platform.Draining;

/**
 * Publishes scheduled revisions when they fall due, and applies the overdue-review policy. The schedule lives in the database, not in the timer, so it
 * survives restarts (a time missed while down is caught up on the next tick) and every instance may look:
 * {@link WorkflowService#publishScheduled} lets exactly one of them publish each revision.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    WorkflowService workflow;

    @Inject
    ReviewCycle reviewCycle;

    @Inject
    Draining draining;

    @Inject
    DatabaseAvailability database;

    @Inject
    @ConfigProperty(name = "cms.scheduler.interval", defaultValue = "15")
    int intervalSeconds;

    @PostConstruct
    void start() {
        long millis = Math.max(1, intervalSeconds) * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig("scheduled-publisher", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void publishDue() {
        if (database.isDown()) {
            // Said once in the log already; what falls due meanwhile is published on the first tick after.
            return;
        }
        // A stopping node starts no tick; the stop waits for one already running.
        if (!draining.enter()) {
            return;
        }
        try {
            for (Long revisionId : workflow.dueForPublication(100)) {
                try {
                    if (workflow.publishScheduled(revisionId)) {
                        LOG.log(Level.INFO, "Published scheduled revision {0}", revisionId);
                    }
                } catch (RuntimeException lostRace) {
                    // Another instance published it first, or it changed meanwhile: the next tick looks again.
                    LOG.log(Level.FINE, "Scheduled revision " + revisionId + " not published here", lostRace);
                }
            }
            for (Long articleId : reviewCycle.overdue(100)) {
                try {
                    reviewCycle.handle(articleId);
                } catch (RuntimeException lostRace) {
                    LOG.log(Level.FINE, "Overdue review of article " + articleId + " not handled here", lostRace);
                }
            }
        } catch (RuntimeException e) {
            // The database may be away; the next tick tries again.
            LOG.log(Level.WARNING, "Could not look for scheduled publications: {0}", e.getMessage());
        } finally {
            draining.exit();
        }
    }
}
