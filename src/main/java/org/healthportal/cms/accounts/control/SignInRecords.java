package org.healthportal.cms.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.LoginAttempt;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditAction;

/** What admins see of failed and refused sign-ins, and the blocks they lift (each lift in the audit chain). */
@Stateless
public class SignInRecords {

    @Inject
    CurrentUser currentUser;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<LoginAttempt> attempts(String username, String address, int page, int size) {
        currentUser.requireAdmin();
        Page.offset(page, size);
        return throttle.recent(username, address, page, size);
    }

    public List<LoginThrottle.Block> blocks() {
        currentUser.requireAdmin();
        return throttle.blocks();
    }

    /** Clears the account's failures from every address, so it may sign in at once. */
    public void liftAccount(String username) {
        Account admin = currentUser.requireAdmin();
        String name = LoginThrottle.normalize(username);
        if (!throttle.liftAccount(name)) {
            throw new CmsException.NotFound("No failed sign-ins of " + name + " to lift").withKey("signins.nothingToLift");
        }
        audit.recordAdministration(admin.getUsername(), clock.instant(), AuditAction.LOGIN_BLOCK_LIFTED,
                "login-block:account:" + name, null);
    }

    /** Clears the address's failures for every account. */
    public void liftAddress(String address) {
        Account admin = currentUser.requireAdmin();
        String value = address == null ? "" : address.strip();
        if (value.isEmpty() || !throttle.liftAddress(value)) {
            throw new CmsException.NotFound("No failed sign-ins from " + value + " to lift").withKey("signins.nothingToLift");
        }
        audit.recordAdministration(admin.getUsername(), clock.instant(), AuditAction.LOGIN_BLOCK_LIFTED,
                "login-block:address:" + value, null);
    }
}
