package org.healthportal.cms.content.entity;

import java.util.Set;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;

/**
 * Why an account may not take an action on an article now: the kind of reason, for screens and API clients to
 * tell apart, and the failure the change path throws (with its message key for the back office).
 */
public record Refusal(Reason reason, CmsException failure) {

    public enum Reason {
        /** None of the account's roles may take the action. */
        ROLE,
        /** The revision's state does not allow it (or, for the live actions, nothing is online). */
        STATE,
        /** Publishing needs an approval of the exact text, and the text changed since. */
        APPROVAL,
        /** A reviewer may not sign off what they wrote. */
        OWN_WORK,
        /** The reviewer's credentials do not pass the gate for the article's category. */
        CREDENTIALS,
        /** The text has flagged wording that was not justified at submission. */
        CLAIMS
    }

    static Refusal role(String action, Set<Role> held, Set<Role> needed) {
        return new Refusal(Reason.ROLE, new CmsException.Forbidden("Your roles " + held + " may not " + action
                + "; it needs one of " + needed).withKey("error.roleRefuses", action));
    }
}
