package org.healthportal.cms.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A person's choice for one kind; a kind without a row is sent by e-mail at once. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreference.Key.class)
@NamedQuery(name = "NotificationPreference.of",
        query = "SELECT p FROM NotificationPreference p WHERE p.accountId = :accountId")
public class NotificationPreference {

    public static final Delivery DEFAULT = Delivery.EMAIL;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Delivery delivery;

    protected NotificationPreference() {
    }

    public NotificationPreference(Long accountId, NotificationKind kind, Delivery delivery) {
        this.accountId = accountId;
        this.kind = kind;
        this.delivery = delivery;
    }

    public void choose(Delivery newDelivery) {
        this.delivery = newDelivery;
    }

    public Long getAccountId() {
        return accountId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private Long accountId;
        private NotificationKind kind;

        public Key() {
        }

        public Key(Long accountId, NotificationKind kind) {
            this.accountId = accountId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, kind);
        }
    }
}
