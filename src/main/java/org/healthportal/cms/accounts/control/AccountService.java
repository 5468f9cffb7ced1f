package org.healthportal.cms.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;

/** Accounts and their passwords. Passwords are hashed with PBKDF2 before they reach the entity. */
@Stateless
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordCheck passwords;

    @Inject
    Clock clock;

    public Optional<Account> findByUsername(String username) {
        return em.createNamedQuery("Account.byUsername", Account.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    public long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }

    /** The account if the password matches and the account is enabled. */
    public Optional<Account> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<Account> account = findByUsername(username);
        // Verified even for an unknown name, so a wrong username costs the same time as a wrong password.
        boolean matches = passwords.matches(username, password, account.map(Account::getPasswordHash).orElse(null));
        Optional<Account> signedIn = account.filter(a -> matches && a.isEnabled());
        // A hash from an older, weaker setting is replaced while the password is at hand.
        signedIn.filter(a -> passwords.needsRehash(a.getPasswordHash()))
                .ifPresent(a -> a.upgradePasswordHash(passwords.hash(password)));
        return signedIn;
    }

    /** What a signed-in session must still match; empty for an unknown account. */
    public Optional<SessionState> sessionState(String username) {
        return em.createQuery("SELECT NEW org.healthportal.cms.accounts.control.SessionState(a.enabled,"
                        + " a.sessionGeneration, a.passwordChangeRequired) FROM Account a WHERE a.username = :username",
                        SessionState.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    /** A new account whose password follows the policy. */
    public Account create(String username, String displayName, String password, Set<Role> roles) {
        PasswordPolicy.check(username, password);
        return insert(username, displayName, password, roles);
    }

    /**
     * An account seeded at installation with a password the installer chose: the demo accounts' documented ones,
     * or the bootstrap admin's, which must be replaced at the first sign-in. The policy is not applied here.
     */
    public Account seed(String username, String displayName, String password, Set<Role> roles,
                        boolean changeAtFirstSignIn) {
        if (password == null || password.isBlank()) {
            throw new CmsException.InvalidInput("A password is required").withKey("error.passwordShort",
                    PasswordPolicy.MIN_LENGTH);
        }
        Account account = insert(username, displayName, password, roles);
        if (changeAtFirstSignIn) {
            account.requirePasswordChange();
        }
        return account;
    }

    private Account insert(String username, String displayName, String password, Set<Role> roles) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            throw new CmsException.InvalidInput(
                    "username must start with a letter and use lowercase letters, digits, '.', '_' or '-' (2-64)")
                    .withKey("error.usernameInvalid");
        }
        if (findByUsername(username).isPresent()) {
            throw new CmsException.Conflict("The username " + username + " is taken").withKey("error.usernameTaken", username);
        }
        if (roles.isEmpty()) {
            throw new CmsException.InvalidInput("An account needs at least one role").withKey("error.roleRequired");
        }
        Account account = new Account(username, displayName == null || displayName.isBlank() ? username : displayName.strip(),
                passwords.hash(password), roles, clock.instant());
        em.persist(account);
        return account;
    }

    public ReviewerProfile recordCredentials(ReviewerProfile profile) {
        em.persist(profile);
        return profile;
    }

    public Optional<ReviewerProfile> findReviewerProfile(Account account) {
        return em.createQuery("SELECT p FROM ReviewerProfile p WHERE p.account = :account", ReviewerProfile.class)
                .setParameter("account", account)
                .getResultStream().findFirst();
    }
}
