package org.healthportal.cms.accounts.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.healthportal.cms.accounts.control.AccountAdministration;
import org.healthportal.cms.accounts.control.ClientAddresses;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.control.PasswordPolicy;
import org.healthportal.cms.accounts.control.SignedInSession;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;

/**
 * Everyone changes their own password here; an account whose password someone else set (the bootstrap admin's,
 * an admin's reset) is sent here at sign-in and told who set it and when.
 */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    AccountAdministration administration;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    @Inject
    ClientAddresses addresses;

    private String current;
    private String replacement;
    private String repeated;

    public void change() {
        if (replacement == null || !replacement.equals(repeated)) {
            Feedback.error(new CmsException.InvalidInput("The passwords differ").withKey("password.mismatch").withField("repeated"));
            return;
        }
        try {
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            long generation = administration.changeOwnPassword(current, replacement, addresses.of(request));
            // Every other session of the account ends; this one goes on.
            SignedInSession.continueUnder(request.getSession(false), generation);
            currentUser.forget();
            Feedback.info("password.changed");
        } catch (CmsException refused) {
            // The policy's refusals are about the new password.
            Feedback.error(refused.field() == null && refused.key() != null && refused.key().startsWith("error.password")
                    ? refused.withField("replacement") : refused);
        }
    }

    /** The account as it stands: whether it must choose a new password, and who reset it when. */
    public Account getAccount() {
        return currentUser.require();
    }

    public int getMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getReplacement() {
        return replacement;
    }

    public void setReplacement(String replacement) {
        this.replacement = replacement;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
