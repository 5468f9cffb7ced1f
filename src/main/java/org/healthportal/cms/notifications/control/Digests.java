package org.healthportal.cms.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.healthportal.cms.platform.DatabaseAvailability;

/**
 * Writes every waiting digest, each person's in a transaction of its own (so one failure, or a race lost to
 * another node, leaves the others written). Called outside any transaction: by the daily timer and by an admin.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class.getName());

    @Inject
    DigestWriter writer;

    /** How many digests were written here. */
    public int writeAll() {
        int written = 0;
        for (Long recipientId : writer.recipientsWaiting()) {
            try {
                if (writer.write(recipientId)) {
                    written++;
                }
            } catch (RuntimeException e) {
                if (DatabaseAvailability.isUnavailable(e)) {
                    throw e;
                }
                // A lost race on the same rows (another node) or a bad row: the others go on.
                LOG.log(Level.WARNING, "Digest for account " + recipientId + " not written here", e);
            }
        }
        if (written > 0) {
            LOG.log(Level.INFO, "Wrote {0} digest e-mails", written);
        }
        return written;
    }
}
