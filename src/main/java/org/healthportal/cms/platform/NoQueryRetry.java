package org.healthportal.cms.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's retry of a query whose connection failed: by default it tries again three times, five
 * seconds apart, so every request that met a database gone away held its thread for about ten seconds before
 * failing. Here it fails at once ({@link DatabaseAvailability} answers 503 from then on), and the pool validates
 * and replaces connections when the database is back. No persistence-unit property sets this.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
