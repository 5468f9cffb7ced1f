package org.healthportal.cms.accounts.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.accounts.entity.LoginAttempt;
import org.healthportal.cms.accounts.entity.LoginAttempt.Channel;
import org.healthportal.cms.accounts.entity.LoginAttempt.Outcome;

/**
 * Flood control for sign-ins, kept in the database so every instance counts the same failures (in the spirit of
 * Drupal's: 5 per account in 6 hours, 50 per address in an hour). Three limits, each over a sliding window:
 * <ul>
 * <li>an account from one address ({@code cms.login.account-limit}, Drupal's own default): a guesser elsewhere
 * cannot lock the real user out;</li>
 * <li>an account from every address together ({@code cms.login.account-total-limit}): guessing one password
 * from many addresses;</li>
 * <li>an address over every account ({@code cms.login.address-limit}): one guesser trying many accounts.</li>
 * </ul>
 * Past a limit, attempts are refused without checking the password until the oldest counted failure leaves the
 * window; refusals are recorded but never counted, so a block cannot extend itself. A success clears the
 * account's failures; an admin can clear a block at once.
 */
@Stateless
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.login.account-limit", defaultValue = "5")
    int accountLimit;

    @Inject
    @ConfigProperty(name = "cms.login.account-total-limit", defaultValue = "25")
    int accountTotalLimit;

    @Inject
    @ConfigProperty(name = "cms.login.account-window", defaultValue = "PT6H")
    Duration accountWindow;

    @Inject
    @ConfigProperty(name = "cms.login.address-limit", defaultValue = "50")
    int addressLimit;

    @Inject
    @ConfigProperty(name = "cms.login.address-window", defaultValue = "PT1H")
    Duration addressWindow;

    @Inject
    @ConfigProperty(name = "cms.login.retention", defaultValue = "P30D")
    Duration retention;

    /** Keeps the record to what admins look back on; every node may run it, deleting twice is harmless. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        int removed = em.createQuery("DELETE FROM LoginAttempt a WHERE a.occurredAt < :before")
                .setParameter("before", clock.instant().minus(longest(retention, accountWindow, addressWindow)))
                .executeUpdate();
        if (removed > 0) {
            LOG.info(() -> "Removed " + removed + " sign-in records older than " + retention);
        }
    }

    private static Duration longest(Duration... durations) {
        Duration longest = Duration.ZERO;
        for (Duration d : durations) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    /** What the throttle says of one attempt before the password is looked at. */
    public record Verdict(Optional<Instant> blockedUntil, boolean accountHasFailures) {
        public boolean blocked() {
            return blockedUntil.isPresent();
        }
    }

    /** Which limit holds a name or address back, and until when. */
    public record Block(Kind kind, String username, String clientAddress, long failures, Instant until) {
        public enum Kind { ACCOUNT_FROM_ADDRESS, ACCOUNT, ADDRESS }
    }

    public Verdict check(String typedUsername, String address) {
        String username = normalize(typedUsername);
        Instant now = clock.instant();
        List<Instant> pair = failures("a.username = :username AND a.clientAddress = :address", username, address,
                now.minus(accountWindow), accountLimit);
        List<Instant> account = failures("a.username = :username", username, null, now.minus(accountWindow),
                accountTotalLimit);
        List<Instant> fromAddress = failures("a.clientAddress = :address", null, address, now.minus(addressWindow),
                addressLimit);
        Instant until = latest(until(pair, accountLimit, accountWindow), until(account, accountTotalLimit, accountWindow),
                until(fromAddress, addressLimit, addressWindow));
        return new Verdict(Optional.ofNullable(until), !account.isEmpty());
    }

    /** Recorded on its own, so it stays when the caller's refusal rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String typedUsername, String address, Channel channel) {
        String username = normalize(typedUsername);
        em.persist(new LoginAttempt(username, address, channel, Outcome.FAILED, clock.instant()));
        LOG.warning(() -> "Sign-in failed for '" + printable(username) + "' from " + address + " (" + channel + ")");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void throttled(String typedUsername, String address, Channel channel, Instant until) {
        String username = normalize(typedUsername);
        em.persist(new LoginAttempt(username, address, channel, Outcome.THROTTLED, clock.instant()));
        LOG.warning(() -> "Sign-in refused for '" + printable(username) + "' from " + address + " (" + channel
                + "): too many failures, blocked until " + until);
    }

    /** A successful sign-in starts the account's count afresh. */
    public void succeeded(String username) {
        clear("a.username = :username", normalize(username), null);
    }

    /** The failures and refusals, newest first, optionally of one name or address. */
    public List<LoginAttempt> recent(String username, String address, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (username != null && !username.isBlank()) {
            where.append(" AND a.username = :username");
        }
        if (address != null && !address.isBlank()) {
            where.append(" AND a.clientAddress = :address");
        }
        TypedQuery<LoginAttempt> q = em.createQuery("SELECT a FROM LoginAttempt a" + where
                + " ORDER BY a.occurredAt DESC, a.id DESC", LoginAttempt.class);
        if (username != null && !username.isBlank()) {
            q.setParameter("username", normalize(username));
        }
        if (address != null && !address.isBlank()) {
            q.setParameter("address", address.strip());
        }
        return q.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** Every block in force now, soonest to end last. */
    public List<Block> blocks() {
        Instant now = clock.instant();
        List<Block> blocks = new ArrayList<>();
        for (Object[] row : grouped("a.username, a.clientAddress", now.minus(accountWindow), accountLimit)) {
            blocks.add(new Block(Block.Kind.ACCOUNT_FROM_ADDRESS, (String) row[0], (String) row[1],
                    (Long) row[2], until("a.username = :username AND a.clientAddress = :address", (String) row[0],
                    (String) row[1], now, accountWindow, accountLimit)));
        }
        for (Object[] row : grouped("a.username", now.minus(accountWindow), accountTotalLimit)) {
            blocks.add(new Block(Block.Kind.ACCOUNT, (String) row[0], null, (Long) row[1],
                    until("a.username = :username", (String) row[0], null, now, accountWindow, accountTotalLimit)));
        }
        for (Object[] row : grouped("a.clientAddress", now.minus(addressWindow), addressLimit)) {
            blocks.add(new Block(Block.Kind.ADDRESS, null, (String) row[0], (Long) row[1],
                    until("a.clientAddress = :address", null, (String) row[0], now, addressWindow, addressLimit)));
        }
        blocks.sort(Comparator.comparing(Block::until).reversed());
        return blocks;
    }

    /** Takes an account's failures (from every address) out of the count; true if any were. */
    public boolean liftAccount(String username) {
        return clear("a.username = :username", normalize(username), null) > 0;
    }

    /** Takes an address's failures (for every account) out of the count; true if any were. */
    public boolean liftAddress(String address) {
        return clear("a.clientAddress = :address", null, address.strip()) > 0;
    }

    /** Names are compared as accounts are stored: lowercase, trimmed, at most the column's length. */
    public static String normalize(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.length() <= LoginAttempt.USERNAME_MAX ? u : u.substring(0, LoginAttempt.USERNAME_MAX);
    }

    private List<Instant> failures(String condition, String username, String address, Instant since, int limit) {
        TypedQuery<Instant> q = em.createQuery("SELECT a.occurredAt FROM LoginAttempt a WHERE " + condition
                + " AND a.outcome = :failed AND a.cleared = FALSE AND a.occurredAt > :since"
                + " ORDER BY a.occurredAt DESC", Instant.class);
        bind(q, username, address).setParameter("failed", Outcome.FAILED).setParameter("since", since);
        return q.setMaxResults(Math.max(limit, 1)).getResultList();
    }

    private Instant until(String condition, String username, String address, Instant now, Duration window, int limit) {
        return until(failures(condition, username, address, now.minus(window), limit), limit, window);
    }

    /** The newest {@code limit} failures block until the oldest of them leaves the window. */
    private static Instant until(List<Instant> newestFirst, int limit, Duration window) {
        return limit > 0 && newestFirst.size() >= limit ? newestFirst.get(limit - 1).plus(window) : null;
    }

    private List<Object[]> grouped(String columns, Instant since, int limit) {
        return em.createQuery("SELECT " + columns + ", COUNT(a) FROM LoginAttempt a WHERE a.outcome = :failed"
                        + " AND a.cleared = FALSE AND a.occurredAt > :since GROUP BY " + columns
                        + " HAVING COUNT(a) >= :limit", Object[].class)
                .setParameter("failed", Outcome.FAILED).setParameter("since", since)
                .setParameter("limit", (long) Math.max(limit, 1)).setMaxResults(200).getResultList();
    }

    private int clear(String condition, String username, String address) {
        return bind(em.createQuery("UPDATE LoginAttempt a SET a.cleared = TRUE WHERE " + condition
                + " AND a.cleared = FALSE"), username, address).executeUpdate();
    }

    private static <Q extends jakarta.persistence.Query> Q bind(Q q, String username, String address) {
        if (username != null) {
            q.setParameter("username", username);
        }
        if (address != null) {
            q.setParameter("address", address);
        }
        return q;
    }

    private static Instant latest(Instant... candidates) {
        Instant latest = null;
        for (Instant c : candidates) {
            if (c != null && (latest == null || c.isAfter(latest))) {
                latest = c;
            }
        }
        return latest;
    }

    /** A typed name goes into the log: no line breaks or control characters from it. */
    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
