package org.healthportal.cms.accounts.control;

/** What a back-office session was granted under, as the account table says now. */
public record SessionState(boolean enabled, long generation, boolean passwordChangeRequired) {
}
