package org.healthportal.cms.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.AccountNotice;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.accounts.entity.LoginAttempt;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditAction;

/**
 * What admins do to accounts, and what everyone may do to their own. Every method checks the caller itself;
 * the screens hiding a button is a convenience, not the rule. Each change an admin makes is an audit event in
 * the same transaction, with the admin as actor and {@code account:<username>} as target; the screens and the
 * API both come through here, so both are audited alike.
 */
@Stateless
public class AccountAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    PasswordCheck passwords;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    @Inject
    Zones zones;

    @Inject
    jakarta.enterprise.event.Event<AccountNotice> notices;

    public List<Account> list() {
        requireAdmin();
        return em.createQuery("SELECT a FROM Account a ORDER BY a.username", Account.class).setMaxResults(1000)
                .getResultList();
    }

    /** Every reviewer's credentials, by account id. */
    public Map<Long, ReviewerProfile> allCredentials() {
        requireAdmin();
        return em.createQuery("SELECT p FROM ReviewerProfile p", ReviewerProfile.class).getResultList().stream()
                .collect(Collectors.toMap(p -> p.getAccount().getId(), Function.identity()));
    }

    public Optional<ReviewerProfile> credentials(Account account) {
        requireAdmin();
        return accounts.findReviewerProfile(account);
    }

    public Account create(String username, String displayName, String email, String password, Set<Role> roles) {
        Account admin = requireAdmin();
        Account account = accounts.create(username, displayName, password, roles == null ? EnumSet.noneOf(Role.class)
                : roles);
        account.changeEmail(email);
        audit.recordAdministration(admin.getUsername(), clock.instant(), AuditAction.ACCOUNT_CREATE, target(account),
                "display name: " + account.getDisplayName() + "; roles: " + names(account.getRoles())
                        + (account.getEmail() == null ? "" : "; email: " + account.getEmail()));
        return account;
    }

    /**
     * Applies the changes that differ from what the account holds and audits each kind of change once.
     *
     * @param expectedVersion the version the caller saw; null skips the check (the API's partial update)
     */
    public Account update(Long id, Long expectedVersion, AccountChanges changes) {
        Account admin = requireAdmin();
        Account account = get(id);
        if (expectedVersion != null && account.getVersion() != expectedVersion) {
            throw new CmsException.Conflict("The account was changed by someone else; reload it").withKey("error.staleAccount");
        }
        boolean enabled = changes.enabled() == null ? account.isEnabled() : changes.enabled();
        Set<Role> roles = changes.roles() == null ? account.getRoles() : changes.roles();
        if (account.getId().equals(admin.getId()) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new CmsException.Conflict("You cannot disable yourself or take away your own admin role")
                    .withKey("error.selfDisable");
        }
        List<Change> done = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        if (changes.displayName() != null && !changes.displayName().strip().equals(account.getDisplayName())) {
            String before = account.getDisplayName();
            account.rename(changes.displayName());
            renamed.add("display name: " + before + " → " + account.getDisplayName());
        }
        if (changes.email() != null) {
            String before = account.getEmail();
            account.changeEmail(changes.email());
            if (!Objects.equals(before, account.getEmail())) {
                renamed.add("email: " + (before == null ? "-" : before) + " → "
                        + (account.getEmail() == null ? "-" : account.getEmail()));
            }
        }
        if (!renamed.isEmpty()) {
            done.add(new Change(AuditAction.ACCOUNT_RENAME, String.join("; ", renamed)));
        }
        if (changes.roles() != null && !changes.roles().equals(account.getRoles())) {
            String before = names(account.getRoles());
            if (changes.roles().isEmpty()) {
                throw new CmsException.InvalidInput("An account needs at least one role").withKey("error.roleRequired");
            }
            account.assignRoles(changes.roles());
            done.add(new Change(AuditAction.ACCOUNT_ROLES, before + " → " + names(account.getRoles())));
            notices.fire(new AccountNotice(account.getId(), AccountNotice.Kind.ROLES_CHANGED, admin.getUsername(),
                    names(account.getRoles())));
        }
        if (enabled != account.isEnabled()) {
            if (enabled) {
                account.enable();
            } else {
                account.disable();
            }
            done.add(new Change(enabled ? AuditAction.ACCOUNT_ENABLE : AuditAction.ACCOUNT_DISABLE, null));
        }
        if (changes.credentials() != null) {
            AccountChanges.Credentials c = changes.credentials();
            ReviewerProfile recorded = accounts.findReviewerProfile(account).orElse(null);
            applyCredentials(account, pick(c.title(), recorded, ReviewerProfile::getProfessionalTitle),
                    pick(c.institution(), recorded, ReviewerProfile::getInstitution),
                    pick(c.specialty(), recorded, ReviewerProfile::getSpecialty),
                    pick(c.licence(), recorded, ReviewerProfile::getLicenceNumber),
                    c.verifiedUntil() != null || recorded == null ? c.verifiedUntil() : recorded.getVerifiedUntil())
                    .ifPresent(done::add);
        }
        flush();
        for (Change change : done) {
            audit.recordAdministration(admin.getUsername(), clock.instant(), change.action(), target(account),
                    change.detail());
        }
        return account;
    }

    /** The account must choose its own password at its next sign-in, and is told who reset it and when. */
    public void resetPassword(Long id, String newPassword) {
        Account admin = requireAdmin();
        Account account = get(id);
        account.resetPassword(hash(account.getUsername(), newPassword), admin.getUsername(), clock.instant());
        audit.recordAdministration(admin.getUsername(), clock.instant(), AuditAction.PASSWORD_RESET, target(account),
                null);
        notices.fire(new AccountNotice(account.getId(), AccountNotice.Kind.PASSWORD_RESET, admin.getUsername(), null));
    }

    /**
     * Anyone, for their own account: the current password proves it is them at the keyboard. Every other session
     * of the account ends; the answer is the generation the caller's own session continues under.
     */
    public long changeOwnPassword(String currentPassword, String newPassword, String clientAddress) {
        Account me = em.merge(currentUser.require());
        // The current password is a guess like a sign-in's: a stolen session must not learn it here unthrottled.
        LoginThrottle.Verdict verdict = throttle.check(me.getUsername(), clientAddress);
        if (verdict.blocked()) {
            Instant until = verdict.blockedUntil().orElseThrow();
            throttle.throttled(me.getUsername(), clientAddress, LoginAttempt.Channel.FORM, until);
            throw new CmsException.Forbidden("Too many wrong passwords: try again after " + until)
                    .withKey("password.throttled", zones.format(until));
        }
        if (currentPassword == null || !passwords.matches(me.getUsername(), currentPassword, me.getPasswordHash())) {
            throttle.failed(me.getUsername(), clientAddress, LoginAttempt.Channel.FORM);
            throw new CmsException.InvalidInput("The current password is wrong").withKey("error.passwordWrong").withField("current");
        }
        if (currentPassword.equals(newPassword)) {
            throw new CmsException.InvalidInput("Choose a password other than the current one")
                    .withKey("error.passwordSame");
        }
        me.changePasswordHash(hash(me.getUsername(), newPassword));
        return me.getSessionGeneration();
    }

    /** Records a reviewer's credentials in full (the screen's form), replacing what was recorded. */
    public ReviewerProfile recordCredentials(Long accountId, String title, String institution, String specialty,
                                             String licence, LocalDate verifiedUntil) {
        Account admin = requireAdmin();
        Account account = get(accountId);
        Optional<Change> change = applyCredentials(account, title, institution, specialty, licence, verifiedUntil);
        flush();
        change.ifPresent(c -> audit.recordAdministration(admin.getUsername(), clock.instant(), c.action(),
                target(account), c.detail()));
        return accounts.findReviewerProfile(account).orElseThrow();
    }

    /** Validates and records credentials; the change to audit, or empty when they are as recorded. */
    private Optional<Change> applyCredentials(Account account, String title, String institution, String specialty,
                                              String licence, LocalDate verifiedUntil) {
        if (!account.has(Role.REVIEWER)) {
            throw new CmsException.Conflict("Credentials belong to reviewers; give the account the reviewer role first")
                    .withKey("error.credentialsReviewerOnly");
        }
        for (String[] field : new String[][]{{"title", title}, {"institution", institution}, {"specialty", specialty},
                {"licence number", licence}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new CmsException.InvalidInput("The " + field[0] + " is required").withKey("error.credentialsRequired");
            }
        }
        ReviewerProfile profile = accounts.findReviewerProfile(account).orElse(null);
        String newLicence = licence.strip();
        String licenceNote;
        if (profile == null) {
            profile = new ReviewerProfile(account, title.strip(), institution.strip(), specialty.strip(), newLicence,
                    verifiedUntil);
            em.persist(profile);
            licenceNote = "licence number recorded";
        } else {
            String before = describe(profile);
            boolean licenceChanged = !profile.getLicenceNumber().equals(newLicence);
            profile.update(title.strip(), institution.strip(), specialty.strip(), newLicence, verifiedUntil);
            if (before.equals(describe(profile)) && !licenceChanged) {
                return Optional.empty();
            }
            licenceNote = licenceChanged ? "licence number changed" : "licence number unchanged";
        }
        // The licence number itself stays out of the trail: every back-office user reads the audit screen.
        return Optional.of(new Change(AuditAction.CREDENTIALS, describe(profile) + "; " + licenceNote));
    }

    /** Writes the account's changes now, so a concurrent edit is a stale-account refusal before anything is audited. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new CmsException.Conflict("The account was changed by someone else at the same moment; reload it")
                    .withKey("error.staleAccount");
        }
    }

    /** One audited change, recorded once the account's own changes are written. */
    private record Change(AuditAction action, String detail) {
    }

    public Account get(Long id) {
        Account account = id == null ? null : em.find(Account.class, id);
        if (account == null) {
            throw new CmsException.NotFound("No account with id " + id);
        }
        return account;
    }

    public Account get(String username) {
        requireAdmin();
        return accounts.findByUsername(username)
                .orElseThrow(() -> new CmsException.NotFound("No account named " + username));
    }

    private static String describe(ReviewerProfile p) {
        return String.join(" | ", p.getProfessionalTitle(), p.getInstitution(), p.getSpecialty(),
                "verified until " + p.getVerifiedUntil());
    }

    private static String pick(String given, ReviewerProfile recorded, Function<ReviewerProfile, String> field) {
        return given != null || recorded == null ? given : field.apply(recorded);
    }

    private static String target(Account account) {
        return "account:" + account.getUsername();
    }

    private static String names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }

    private String hash(String username, String password) {
        PasswordPolicy.check(username, password);
        return passwords.hash(password);
    }

    private Account requireAdmin() {
        Account me = currentUser.require();
        if (!me.has(Role.ADMIN)) {
            throw new CmsException.Forbidden("Only admins manage accounts").withKey("error.adminOnly");
        }
        return me;
    }
}
