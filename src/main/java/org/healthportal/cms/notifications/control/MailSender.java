package org.healthportal.cms.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.notifications.entity.MailStatus;
import org.healthportal.cms.platform.DatabaseAvailability;
import org.healthportal.cms.platform.Draining;
import org.healthportal.cms.platform.Zones;

/**
 * Sends the outbox: every {@code cms.mail.interval} seconds each node claims the due messages one at a time,
 * sends each outside any transaction and marks it sent or queued again (see {@link MailOutbox}); and once a day at
 * {@code cms.mail.digest-time} (the site's zone) it writes the digests, which the next ticks send. Every node runs
 * both timers; the claims and the digest marks let only one node act on each message and each notification.
 * Without SMTP configured it starts no timer and says so once.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    private static final String SEND = "mail-sender";
    private static final String DIGEST = "mail-digest";
    private static final int BATCH = 50;

    @Resource
    TimerService timers;

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    Digests digests;

    @Inject
    Draining draining;

    @Inject
    DatabaseAvailability database;

    @Inject
    Zones zones;

    @Inject
    @ConfigProperty(name = "cms.mail.interval", defaultValue = "5")
    int intervalSeconds;

    @Inject
    @ConfigProperty(name = "cms.mail.digest-time", defaultValue = "08:00")
    LocalTime digestTime;

    @PostConstruct
    void start() {
        if (!mailer.isConfigured()) {
            LOG.info("No SMTP server is configured (set CMS_SMTP_HOST to send e-mail): notifications stay in the"
                    + " back office only");
            return;
        }
        LOG.log(Level.INFO, "E-mail goes through {0}:{1}{2} from {3}; digests at {4} ({5}), node {6}",
                new Object[]{mailer.host(), String.valueOf(mailer.port()), mailer.tls() ? " (STARTTLS)" : "",
                        mailer.from(), digestTime, zones.zone(), MailOutbox.node()});
        long millis = Math.max(1, intervalSeconds) * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig(SEND, false));
        ScheduleExpression daily = new ScheduleExpression().hour(digestTime.getHour()).minute(digestTime.getMinute())
                .second(0).timezone(zones.zone().getId());
        timers.createCalendarTimer(daily, new TimerConfig(DIGEST, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick(Timer timer) {
        if (database.isDown()) {
            // Said once in the log already; what is queued waits in the database.
            return;
        }
        // A stopping node starts no tick; the stop waits for one already running.
        if (!draining.enter()) {
            return;
        }
        try {
            if (DIGEST.equals(timer.getInfo())) {
                digests.writeAll();
            } else {
                sendDue();
            }
        } catch (RuntimeException e) {
            // The database may be away; the next tick tries again.
            LOG.log(Level.WARNING, "Could not look at the mail outbox: {0}", e.getMessage());
        } finally {
            draining.exit();
        }
    }

    /** One round over what is due; a stopping node finishes the message in hand and leaves the rest. */
    private void sendDue() {
        List<Long> due = outbox.due(BATCH);
        for (Long id : due) {
            if (draining.isDraining()) {
                return;
            }
            Optional<Mailer.Outgoing> claimed = outbox.claim(id);
            if (claimed.isEmpty()) {
                continue; // Another node's.
            }
            send(claimed.get());
        }
    }

    private void send(Mailer.Outgoing mail) {
        try {
            mailer.send(mail);
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            String error = describe(e);
            MailStatus left = outbox.failed(mail.id(), mail.attempt(), error);
            LOG.log(Level.WARNING, "Mail {0} to {1} not sent (attempt {2}): {3}; {4}", new Object[]{mail.id(),
                    mail.to(), mail.attempt(), error, left == MailStatus.FAILED ? "given up" : "tried again later"});
            return;
        }
        try {
            if (!outbox.sent(mail.id())) {
                LOG.log(Level.WARNING, "Mail {0} was sent after its claim had lapsed and another node took it over",
                        mail.id());
            }
        } catch (RuntimeException e) {
            // Sent but not marked: it goes out again once the claim lapses, under the same Message-ID.
            LOG.log(Level.WARNING, "Mail {0} was sent but could not be marked sent: {1}",
                    new Object[]{mail.id(), e.getMessage()});
        }
    }

    /** The failure and its causes in one line: "Couldn't connect to host …: Connection refused". */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

}
