package org.healthportal.cms.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One real SMTP server (GreenMail) per test JVM, started before the first CMS server so that every server the
 * tests start, nodes sharing a database included, sends to it ({@link #serverArguments}). {@link #stop} and
 * {@link #start} on the same port play an outage.
 */
public final class Smtp {

    private static Smtp instance;

    private final int port;
    private final List<MimeMessage> beforeLastStop = new ArrayList<>();
    private GreenMail mail;

    private Smtp(int port) {
        this.port = port;
    }

    public static synchronized Smtp get() {
        if (instance == null) {
            try {
                instance = new Smtp(CmsServer.freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** What every CMS server started by the tests is given: this server, and fast ticks and retries. */
    public static List<String> serverArguments() {
        return List.of("-Dcms.smtp.host=127.0.0.1", "-Dcms.smtp.port=" + get().port, "-Dcms.mail.interval=1",
                "-Dcms.mail.retry-base=PT1S");
    }

    public synchronized void start() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            notifyAll();
        }
    }

    /** Stops listening: connections are refused until {@link #start}. What it received is kept. */
    public synchronized void stop() {
        if (mail != null) {
            beforeLastStop.addAll(Arrays.asList(mail.getReceivedMessages()));
            mail.stop();
            mail = null;
        }
    }

    public int port() {
        return port;
    }

    /** Every message received, before outages too. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(beforeLastStop);
        if (mail != null) {
            all.addAll(Arrays.asList(mail.getReceivedMessages()));
        }
        return all;
    }

    /** The messages received so far that match. */
    public List<MimeMessage> matching(Predicate<MimeMessage> wanted) {
        return received().stream().filter(m -> quietly(wanted, m)).toList();
    }

    /**
     * Waits until at least {@code count} received messages match, or fails after {@code timeout}; then the
     * matching ones (all of them, possibly more than {@code count}).
     */
    public List<MimeMessage> await(Predicate<MimeMessage> wanted, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> found = matching(wanted);
            if (found.size() >= count) {
                return found;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " matching e-mails within " + timeout + ", got "
                        + found.size() + " (of " + received().size() + " received)");
            }
            long pause = Math.min(500, Math.max(1, left / 1_000_000));
            GreenMail current;
            int now;
            synchronized (this) {
                current = mail;
                now = current == null ? 0 : current.getReceivedMessages().length;
            }
            if (current != null) {
                // Returns as soon as one more message arrives (or after the pause).
                current.waitForIncomingEmail(pause, now + 1);
            } else {
                synchronized (this) {
                    try {
                        wait(pause); // until start()
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError("Interrupted", e);
                    }
                }
            }
        }
    }

    /** Whether a message's subject contains the text. */
    public static Predicate<MimeMessage> subjectContains(String text) {
        return m -> {
            try {
                String subject = m.getSubject();
                return subject != null && subject.contains(text);
            } catch (MessagingException e) {
                return false;
            }
        };
    }

    private static boolean quietly(Predicate<MimeMessage> wanted, MimeMessage m) {
        try {
            return wanted.test(m);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
