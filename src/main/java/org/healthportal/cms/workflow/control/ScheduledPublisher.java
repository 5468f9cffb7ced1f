package org.healthportal.cms.workflow.control;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.platform.CmsException;
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
 * {@link ArticleChanges#publishScheduled} lets exactly one of them publish each revision.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ArticleChanges changes;

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
            for (Long revisionId : changes.dueForPublication(100)) {
                try {
                    if (changes.publishScheduled(revisionId)) {
                        LOG.log(Level.INFO, "Published scheduled revision {0}", revisionId);
                    }
                } catch (RuntimeException e) {
                    failed("Scheduled revision " + revisionId + " not published here", e);
                }
            }
            for (Long articleId : reviewCycle.overdue(100)) {
                try {
                    changes.handleOverdue(articleId);
                } catch (RuntimeException e) {
                    failed("Overdue review of article " + articleId + " not handled here", e);
                }
            }
        } catch (RuntimeException e) {
            // The database may be away; the next tick tries again.
            LOG.log(Level.WARNING, "Could not look for scheduled publications: {0}", e.getMessage());
        } finally {
            draining.exit();
        }
    }

    /**
     * A lost race (another node, or an editor, changed the article at the same moment) is expected with several
     * nodes and quiet; anything else is a real failure the operator must see. The next tick tries again either way.
     */
    private void failed(String what, RuntimeException e) {
        if (isLostRace(e)) {
            LOG.log(Level.FINE, what + ": lost the race to another change", e);
        } else if (DatabaseAvailability.isUnavailable(e)) {
            LOG.log(Level.WARNING, "{0}: the database is unavailable ({1})", new Object[]{what, e.getMessage()});
        } else {
            LOG.log(Level.WARNING, what, e);
        }
    }

    static boolean isLostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CmsException.Stale || t instanceof OptimisticLockException
                    || t instanceof PessimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return true;
            }
            if (t instanceof EJBException ejb && ejb.getCausedByException() != null && ejb.getCausedByException() != t.getCause()) {
                if (isLostRace(ejb.getCausedByException())) {
                    return true;
                }
            }
        }
        return false;
    }
}
