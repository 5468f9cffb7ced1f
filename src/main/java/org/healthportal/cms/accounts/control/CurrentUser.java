package org.healthportal.cms.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;

/**
 * The signed-in account, as the container knows it: services ask here rather than trusting a name passed in.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accounts;

    private Account account;

    public Account require() {
        if (account == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                throw new CmsException.Forbidden("Sign in first");
            }
            account = accounts.findByUsername(principal.getName())
                    .filter(Account::isEnabled)
                    .orElseThrow(() -> new CmsException.Forbidden("This account is disabled").withKey("error.accountDisabled"));
        }
        return account;
    }

    /** The signed-in account if it is an admin; refused otherwise. */
    public Account requireAdmin() {
        return requireAdmin("Only admins may do this");
    }

    /** As above, saying in the API's words what only admins may do. */
    public Account requireAdmin(String refusal) {
        Account me = require();
        if (!me.has(Role.ADMIN)) {
            throw new CmsException.Forbidden(refusal).withKey("error.adminOnly");
        }
        return me;
    }

    /** Reads the account afresh at the next {@link #require}, after this request changed it. */
    public void forget() {
        account = null;
    }
}
