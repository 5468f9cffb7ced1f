package org.healthportal.cms.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user can act on. Each subclass is one kind of failure with its own HTTP status; all roll the
 * transaction back so a refused action changes nothing.
 */
@ApplicationException(rollback = true)
public abstract class CmsException extends RuntimeException {

    protected CmsException(String message) {
        super(message);
    }

    /** The HTTP status the API answers with. */
    public abstract int status();

    /** Bad input: a missing, malformed or over-long field. */
    public static class InvalidInput extends CmsException {
        public InvalidInput(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** The caller's roles do not allow the action. */
    public static class Forbidden extends CmsException {
        public Forbidden(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 403;
        }
    }

    /** No such thing. */
    public static class NotFound extends CmsException {
        public NotFound(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** The current state does not allow the action, or the caller's copy is stale. */
    public static class Conflict extends CmsException {
        public Conflict(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 409;
        }
    }
}
