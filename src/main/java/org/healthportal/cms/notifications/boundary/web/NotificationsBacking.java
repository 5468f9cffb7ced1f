package org.healthportal.cms.notifications.boundary.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthportal.cms.notifications.control.Inbox;
import org.healthportal.cms.notifications.control.NotificationTexts;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.web.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The signed-in person's notifications, newest first and paged in the database; opening one marks it read. */
@Named
@ViewScoped
public class NotificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Inbox inbox;

    private boolean unreadOnly;

    private final LazyDataModel<Notification> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) inbox.page(unreadOnly, 0, 1).total();
        }

        @Override
        public List<Notification> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            int size = Math.min(pageSize, Page.MAX_SIZE);
            Page<Notification> page = inbox.page(unreadOnly, first / size, size);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(Notification n) {
            return String.valueOf(n.getId());
        }
    };

    /** Marks it read and goes to the screen it is about. */
    public void open(Long id) throws IOException {
        try {
            Notification n = inbox.markRead(id);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + n.getLink());
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public void markRead(Long id) {
        Feedback.attempt(() -> inbox.markRead(id), "notifications.markedRead");
    }

    public void markAllRead() {
        int marked = inbox.markAllRead();
        Feedback.info("notifications.allMarkedRead", marked);
    }

    public String sentence(Notification n) {
        return NotificationTexts.sentence(n, locale());
    }

    public String comment(Notification n) {
        return NotificationTexts.comment(n);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public LazyDataModel<Notification> getModel() {
        return model;
    }

    public boolean isUnreadOnly() {
        return unreadOnly;
    }

    public void setUnreadOnly(boolean unreadOnly) {
        this.unreadOnly = unreadOnly;
    }
}
