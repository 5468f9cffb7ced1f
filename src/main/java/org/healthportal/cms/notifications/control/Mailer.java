package org.healthportal.cms.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP side of the outbox: Jakarta Mail (Payara Micro ships Angus Mail) against the server named by
 * {@code cms.smtp.*} ({@code CMS_SMTP_HOST}, …). Without a host nothing is sent and nothing is queued: notifications
 * then stay in the back office. Timeouts are short so a hung server delays only the sender's tick.
 */
@ApplicationScoped
public class Mailer {

    /** Connect, read and write timeouts: a hung SMTP server holds the sender no longer than this per step. */
    static final int TIMEOUT_MILLIS = 10_000;

    @Inject
    @ConfigProperty(name = "cms.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "cms.smtp.port")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "cms.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "cms.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "cms.smtp.tls", defaultValue = "false")
    boolean tls;

    @Inject
    @ConfigProperty(name = "cms.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "cms.base-url", defaultValue = "http://127.0.0.1:8080/")
    String baseUrl;

    private Session session;

    @PostConstruct
    void configure() {
        if (!isConfigured()) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host());
        p.setProperty("mail.smtp.port", String.valueOf(port()));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.auth", String.valueOf(user().isPresent()));
        if (tls) {
            // Required, not merely offered: a server (or a man in the middle) that drops STARTTLS gets no password.
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        p.setProperty("mail.mime.charset", "UTF-8");
        session = Session.getInstance(p);
    }

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public String host() {
        return host.map(String::strip).orElse("");
    }

    /** 587 (submission) with STARTTLS, 25 without, unless set. */
    public int port() {
        return port.orElse(tls ? 587 : 25);
    }

    public boolean tls() {
        return tls;
    }

    /** The sender: {@code cms.mail.from}, else {@code noreply@} the host of {@code cms.base-url}. */
    public String from() {
        return from.filter(f -> !f.isBlank()).map(String::strip).orElseGet(() -> "noreply@" + baseHost());
    }

    /** The host of the base URL: the right-hand side of every Message-ID this site writes. */
    public String baseHost() {
        String h = URI.create(baseUrl.strip()).getHost();
        return h == null || h.isBlank() ? "localhost" : h;
    }

    /** Hands one message to the SMTP server; throws when the server is unreachable, refuses or times out. */
    public void send(Outgoing mail) throws MessagingException {
        if (session == null) {
            throw new MessagingException("No SMTP server is configured (CMS_SMTP_HOST)");
        }
        MimeMessage message = compose(session, from(), mail);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host(), port(), user().orElse(null), password.orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private Optional<String> user() {
        return user.filter(u -> !u.isBlank());
    }

    /**
     * The message as it goes out: plain text and HTML as alternatives, UTF-8 throughout (the subject RFC 2047
     * encoded), marked as written by a machine so auto-responders stay quiet, under the Message-ID it was queued with.
     */
    static MimeMessage compose(Session session, String from, Outgoing mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    /** What the sender hands over: a copy of the row, read in the claim's transaction. */
    public record Outgoing(long id, String to, String subject, String text, String html, String messageId,
                           int attempt) {
    }

    /** Jakarta Mail writes a fresh Message-ID at every save; ours is fixed when the message is queued. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
