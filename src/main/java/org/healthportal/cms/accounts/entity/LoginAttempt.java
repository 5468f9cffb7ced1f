package org.healthportal.cms.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sign-in that failed or was refused by the throttle, as the name was typed (it need not be an account).
 * Written once; {@code cleared} is set when a success or an admin takes it out of the count.
 */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

    public static final int USERNAME_MAX = 64;
    public static final int ADDRESS_MAX = 64;

    /** Where the credentials came in. */
    public enum Channel { FORM, BASIC }

    public enum Outcome {
        /** Wrong password, unknown or disabled account: counts toward the limits. */
        FAILED,
        /** Refused unchecked because a limit was reached: recorded, never counted. */
        THROTTLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = USERNAME_MAX)
    private String username;

    @Column(name = "client_address", nullable = false, updatable = false, length = ADDRESS_MAX)
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 12)
    private Outcome outcome;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private boolean cleared;

    protected LoginAttempt() {
    }

    public LoginAttempt(String username, String clientAddress, Channel channel, Outcome outcome, Instant occurredAt) {
        this.username = clip(username, USERNAME_MAX);
        this.clientAddress = clip(clientAddress, ADDRESS_MAX);
        this.channel = channel;
        this.outcome = outcome;
        this.occurredAt = occurredAt;
    }

    private static String clip(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public Channel getChannel() {
        return channel;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public boolean isCleared() {
        return cleared;
    }
}
