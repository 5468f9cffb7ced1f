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

    public static final int PASSWORD_MIN = 8;

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
        return account.filter(a -> matches && a.isEnabled());
    }

    public Account create(String username, String displayName, String password, Set<Role> roles) {
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
                hash(password), roles, clock.instant());
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

    private String hash(String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw new CmsException.InvalidInput("A password needs at least " + PASSWORD_MIN + " characters")
                    .withKey("error.passwordShort", PASSWORD_MIN);
        }
        return passwords.hash(password);
    }
}
