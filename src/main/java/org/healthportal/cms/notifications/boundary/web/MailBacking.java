package org.healthportal.cms.notifications.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.notifications.control.MailAdministration;
import org.healthportal.cms.notifications.entity.MailMessage;
import org.healthportal.cms.notifications.entity.MailStatus;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.web.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Admins: the outbox (SMTP settings, counts by status, the messages paged in the database), retry, digests now. */
@Named
@ViewScoped
public class MailBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MailAdministration administration;

    private MailStatus status;
    private transient Map<MailStatus, Long> counts;
    private transient MailAdministration.Smtp smtp;

    private final LazyDataModel<MailMessage> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) administration.messages(status, 0, 1).total();
        }

        @Override
        public List<MailMessage> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
            int size = Math.min(pageSize, Page.MAX_SIZE);
            Page<MailMessage> page = administration.messages(status, first / size, size);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(MailMessage m) {
            return String.valueOf(m.getId());
        }
    };

    public void retry(MailMessage message) {
        if (Feedback.attempt(() -> administration.retry(message.getId()), "mail.retried")) {
            counts = null;
        }
    }

    public void sendDigests() {
        try {
            int written = administration.sendDigestsNow();
            Feedback.info("mail.digestsSent", written);
            counts = null;
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public LazyDataModel<MailMessage> getModel() {
        return model;
    }

    public Map<MailStatus, Long> getCounts() {
        if (counts == null) {
            counts = administration.counts();
        }
        return counts;
    }

    public MailAdministration.Smtp getSmtp() {
        if (smtp == null) {
            smtp = administration.smtp();
        }
        return smtp;
    }

    public MailStatus[] getStatuses() {
        return MailStatus.values();
    }

    public MailStatus getStatus() {
        return status;
    }

    public void setStatus(MailStatus status) {
        this.status = status;
    }
}
