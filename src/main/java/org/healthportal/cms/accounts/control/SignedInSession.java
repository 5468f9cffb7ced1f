package org.healthportal.cms.accounts.control;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the HTTP session holds of a signed-in account: its name and roles, when it signed in (for the absolute
 * limit) and the account's session generation then (a disable, role change or new password moves it on).
 */
public final class SignedInSession {

    private static final String CALLER = "cms.caller";
    private static final String GROUPS = "cms.groups";
    private static final String SIGNED_IN_AT = "cms.signedInAt";
    private static final String GENERATION = "cms.generation";

    private SignedInSession() {
    }

    public static void begin(HttpSession session, String caller, Set<String> groups, long generation, Instant at) {
        session.setAttribute(CALLER, caller);
        session.setAttribute(GROUPS, new HashSet<>(groups));
        session.setAttribute(SIGNED_IN_AT, at);
        session.setAttribute(GENERATION, generation);
    }

    /** The session that changed the account's own password goes on under the new generation. */
    public static void continueUnder(HttpSession session, long generation) {
        if (session != null && session.getAttribute(CALLER) != null) {
            session.setAttribute(GENERATION, generation);
        }
    }

    public static void end(HttpSession session) {
        session.removeAttribute(CALLER);
        session.removeAttribute(GROUPS);
        session.removeAttribute(SIGNED_IN_AT);
        session.removeAttribute(GENERATION);
    }

    public static String caller(HttpSession session) {
        return session == null ? null : session.getAttribute(CALLER) instanceof String c ? c : null;
    }

    @SuppressWarnings("unchecked")
    public static Set<String> groups(HttpSession session) {
        return session.getAttribute(GROUPS) instanceof Set<?> g ? (Set<String>) g : Set.of();
    }

    public static Instant signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : Instant.EPOCH;
    }

    public static long generation(HttpSession session) {
        return session.getAttribute(GENERATION) instanceof Long g ? g : -1;
    }
}
