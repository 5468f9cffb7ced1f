package org.healthportal.cms.workflow.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import org.healthportal.cms.platform.CmsException;
import org.junit.jupiter.api.Test;

/** Which timer failures are a lost race (quiet) and which an operator must see (WARNING). */
class ScheduledPublisherTest {

    @Test
    void aLostOptimisticRaceIsQuietHoweverWrapped() {
        assertTrue(ScheduledPublisher.isLostRace(new CmsException.Stale("changed meanwhile")));
        assertTrue(ScheduledPublisher.isLostRace(new EJBException(new OptimisticLockException("version"))));
        assertTrue(ScheduledPublisher.isLostRace(new jakarta.ejb.EJBTransactionRolledbackException("rolled back",
                new OptimisticLockException("version"))));
    }

    @Test
    void realErrorsAreNotRaces() {
        assertFalse(ScheduledPublisher.isLostRace(new IllegalStateException("No disclaimer")));
        assertFalse(ScheduledPublisher.isLostRace(new EJBException(new NullPointerException())));
        assertFalse(ScheduledPublisher.isLostRace(new CmsException.Conflict("state").withKey("error.stateRefuses")));
    }
}
