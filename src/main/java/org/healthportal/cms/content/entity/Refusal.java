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

    /** None of {@code held} may ask for the action. */
    public static Refusal role(WorkflowAction action, Set<Role> held) {
        return new Refusal(Reason.ROLE, new CmsException.Forbidden("Your roles " + held + " may not "
                + action.wireName() + "; it needs one of " + action.roles()).withKey("error.roleRefuses",
                action.wireName()));
    }

    /** Writing articles (create, save, restore, a new address) is for editors. */
    public static Refusal notAnEditor() {
        return new Refusal(Reason.ROLE, new CmsException.Forbidden("Only editors create and edit articles")
                .withKey("error.editorOnly"));
    }
}
