package org.healthportal.cms.notifications.entity;

/** Where an e-mail of the outbox stands. */
public enum MailStatus {
    /** Waiting for its next attempt ({@code next_attempt_at}). */
    QUEUED,
    /** Claimed by a node that is sending it now, until {@code claimed_until}; after that any node may claim it. */
    SENDING,
    SENT,
    /** Every attempt failed; an admin may queue it again. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<MailStatus> fromWireName(String name) {
        return java.util.Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
