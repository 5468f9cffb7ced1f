package org.healthportal.cms.accounts.entity;

/**
 * A change to an account that its holder should hear of from someone else's hand, fired inside the change's
 * transaction: notifications tell the person. {@code detail} is what it became (the new roles, say).
 */
public record AccountNotice(Long accountId, Kind kind, String actor, String detail) {

    public enum Kind { PASSWORD_RESET, ROLES_CHANGED }
}
