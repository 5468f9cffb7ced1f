package org.healthportal.cms.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.notifications.entity.Delivery;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.notifications.entity.NotificationKind;
import org.healthportal.cms.notifications.entity.NotificationPreference;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;

/** The signed-in person's own notifications and choices; nobody reads or marks another's. */
@Stateless
public class Inbox {

    @PersistenceContext(unitName = "cms")
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    /** Newest first, paged in the database. */
    public Page<Notification> page(boolean unreadOnly, int page, int size) {
        Account me = currentUser.require();
        int first = Page.offset(page, size);
        var items = em.createNamedQuery(unreadOnly ? "Notification.unreadInbox" : "Notification.inbox",
                        Notification.class)
                .setParameter("recipient", me).setFirstResult(first).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(unreadOnly ? "Notification.unreadCount" : "Notification.count", Long.class)
                .setParameter("recipient", me).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    public long unreadCount() {
        return em.createNamedQuery("Notification.unreadCount", Long.class)
                .setParameter("recipient", currentUser.require()).getSingleResult();
    }

    /** Marks one of the caller's notifications read; someone else's is as unknown as a missing one. */
    public Notification markRead(Long id) {
        Notification n = id == null ? null : em.find(Notification.class, id);
        if (n == null || !n.getRecipient().getId().equals(currentUser.require().getId())) {
            throw new CmsException.NotFound("No such notification").withKey("error.notificationNotFound");
        }
        n.markRead(clock.instant());
        return n;
    }

    public int markAllRead() {
        return em.createNamedQuery("Notification.markAllRead")
                .setParameter("recipient", currentUser.require()).setParameter("now", clock.instant())
                .executeUpdate();
    }

    /** Every kind with the caller's choice for it (the default where none was made). */
    public Map<NotificationKind, Delivery> preferences() {
        Account me = currentUser.require();
        Map<NotificationKind, Delivery> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, notifier.deliveryFor(me, kind));
        }
        return all;
    }

    /** Records the caller's language (if given) and the choices given; kinds left out keep theirs. */
    public void choose(String language, Map<NotificationKind, Delivery> choices) {
        Account me = em.find(Account.class, currentUser.require().getId());
        if (language != null) {
            me.chooseLanguage(language);
        }
        choices.forEach((kind, delivery) -> {
            NotificationPreference p = em.find(NotificationPreference.class,
                    new NotificationPreference.Key(me.getId(), kind));
            if (p == null) {
                em.persist(new NotificationPreference(me.getId(), kind, delivery));
            } else {
                p.choose(delivery);
            }
        });
        currentUser.forget();
    }

    public Account me() {
        return currentUser.require();
    }
}
