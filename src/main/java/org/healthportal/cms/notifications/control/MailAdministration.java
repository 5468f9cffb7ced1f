package org.healthportal.cms.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.notifications.entity.MailMessage;
import org.healthportal.cms.notifications.entity.MailStatus;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;

/** What admins see and do of the outbox: the SMTP settings (never the password), the messages, retry, digests now. */
@Stateless
public class MailAdministration {

    @Inject
    CurrentUser currentUser;

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    Digests digests;

    /** How this node sends: the server and sender, or that none is configured. */
    public record Smtp(boolean configured, String host, int port, boolean tls, String from) {
    }

    public Smtp smtp() {
        currentUser.requireAdmin("Only admins see the mail settings");
        return mailer.isConfigured()
                ? new Smtp(true, mailer.host(), mailer.port(), mailer.tls(), mailer.from())
                : new Smtp(false, null, 0, false, mailer.from());
    }

    public Map<MailStatus, Long> counts() {
        currentUser.requireAdmin("Only admins see the outbox");
        return outbox.counts();
    }

    /** Newest first, of one status or all ({@code null}). */
    public Page<MailMessage> messages(MailStatus status, int page, int size) {
        currentUser.requireAdmin("Only admins see the outbox");
        return outbox.page(status, page, size);
    }

    /** Queues a failed or queued message again at once (a failed one with a fresh round of attempts). */
    public void retry(long id) {
        currentUser.requireAdmin("Only admins retry e-mail");
        if (!outbox.retryNow(id)) {
            throw new CmsException.Conflict("Mail " + id + " was sent or is being sent: nothing to retry")
                    .withKey("mail.notRetryable");
        }
    }

    /**
     * Writes every waiting digest now instead of at the daily time; the outbox sends them at its next tick. Outside
     * a transaction, so each person's digest commits (or loses its race) on its own.
     *
     * @return how many digests were written
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendDigestsNow() {
        currentUser.requireAdmin("Only admins send digests");
        return mailer.isConfigured() ? digests.writeAll() : 0;
    }
}
