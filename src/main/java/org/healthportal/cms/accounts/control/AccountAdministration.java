package org.healthportal.cms.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;

/**
 * What admins do to accounts, and what everyone may do to their own. Every method checks the caller itself;
 * the screens hiding a button is a convenience, not the rule.
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
    Clock clock;

    public List<Account> list() {
        requireAdmin();
        return em.createQuery("SELECT a FROM Account a ORDER BY a.username", Account.class).setMaxResults(1000)
                .getResultList();
    }

    public Account create(String username, String displayName, String password, Set<Role> roles) {
        requireAdmin();
        return accounts.create(username, displayName, password, roles);
    }

    public Account update(Long id, long expectedVersion, String displayName, Set<Role> roles, boolean enabled) {
        Account admin = requireAdmin();
        Account account = get(id);
        if (account.getVersion() != expectedVersion) {
            throw new CmsException.Conflict("The account was changed by someone else; reload it").withKey("error.staleAccount");
        }
        if (account.getId().equals(admin.getId()) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new CmsException.Conflict("You cannot disable yourself or take away your own admin role")
                    .withKey("error.selfDisable");
        }
        account.rename(displayName);
        account.assignRoles(roles);
        if (enabled) {
            account.enable();
        } else {
            account.disable();
        }
        return account;
    }

    /** The account must choose its own password at its next sign-in, and is told who reset it and when. */
    public void resetPassword(Long id, String newPassword) {
        Account admin = requireAdmin();
        Account account = get(id);
        account.resetPassword(hash(account.getUsername(), newPassword), admin.getUsername(), clock.instant());
    }

    /**
     * Anyone, for their own account: the current password proves it is them at the keyboard. Every other session
     * of the account ends; the answer is the generation the caller's own session continues under.
     */
    public long changeOwnPassword(String currentPassword, String newPassword) {
        Account me = em.merge(currentUser.require());
        if (currentPassword == null || !passwords.matches(me.getUsername(), currentPassword, me.getPasswordHash())) {
            throw new CmsException.InvalidInput("The current password is wrong").withKey("error.passwordWrong");
        }
        if (currentPassword.equals(newPassword)) {
            throw new CmsException.InvalidInput("Choose a password other than the current one")
                    .withKey("error.passwordSame");
        }
        me.changePasswordHash(hash(me.getUsername(), newPassword));
        return me.getSessionGeneration();
    }

    public ReviewerProfile recordCredentials(Long accountId, String title, String institution, String specialty,
                                             String licence, LocalDate verifiedUntil) {
        requireAdmin();
        Account account = get(accountId);
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
        if (profile == null) {
            profile = new ReviewerProfile(account, title.strip(), institution.strip(), specialty.strip(), licence.strip(),
                    verifiedUntil);
            em.persist(profile);
        } else {
            profile.update(title.strip(), institution.strip(), specialty.strip(), licence.strip(), verifiedUntil);
        }
        return profile;
    }

    public Account get(Long id) {
        Account account = id == null ? null : em.find(Account.class, id);
        if (account == null) {
            throw new CmsException.NotFound("No account with id " + id);
        }
        return account;
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
