package org.healthportal.cms.notifications.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.healthportal.cms.notifications.control.Inbox;

/** The unread count in every back-office screen's header: one indexed count per page view. */
@Named
@RequestScoped
public class NotificationBadge {

    @Inject
    Inbox inbox;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = inbox.unreadCount();
        }
        return unread;
    }
}
