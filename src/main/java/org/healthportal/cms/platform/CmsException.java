package org.healthportal.cms.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the user can act on. Each subclass is one kind of failure with its own HTTP status; all roll the
 * transaction back so a refused action changes nothing.
 */
@ApplicationException(rollback = true)
public abstract class CmsException extends RuntimeException {

    private String key;
    private Object[] arguments = new Object[0];
    private String field;

    protected CmsException(String message) {
        super(message);
    }

    /**
     * Names the refusal for the back office, which shows it in the user's language from the {@code error.*}
     * entries of its bundle; the English message stays for the API and the log.
     */
    @SuppressWarnings("unchecked")
    public <T extends CmsException> T withKey(String messageKey, Object... args) {
        this.key = messageKey;
        this.arguments = args.clone();
        return (T) this;
    }

    public String key() {
        return key;
    }

    /** Names the input at fault, so a screen can mark it and tie the message to it. */
    @SuppressWarnings("unchecked")
    public <T extends CmsException> T withField(String name) {
        this.field = name;
        return (T) this;
    }

    /**
     * The input at fault: the one named, else the field of an {@code error.required.*} or {@code error.tooLong.*}
     * key; null when the refusal is about no single input.
     */
    public String field() {
        if (field != null || key == null) {
            return field;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("error\\.(?:required|tooLong)\\.(\\w+)").matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    public Object[] arguments() {
        return arguments.clone();
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

    /**
     * The caller's copy is older than the stored one: someone else changed it since it was read. Screens show both
     * versions instead of a message; the API answers 409.
     */
    public static class Stale extends CmsException {
        public Stale(String message) {
            super(message);
            withKey("error.stale");
        }

        @Override
        public int status() {
            return 409;
        }
    }

    /** The current state does not allow the action (a slug in use, a revision in the wrong state). */
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
