package org.healthportal.cms.accounts.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.healthportal.cms.accounts.control.AccountAdministration;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;

/** Everyone changes their own password here. */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    AccountAdministration administration;

    private String current;
    private String replacement;
    private String repeated;

    public void change() {
        if (replacement == null || !replacement.equals(repeated)) {
            Feedback.error(new CmsException.InvalidInput("The passwords differ").withKey("password.mismatch"));
            return;
        }
        try {
            administration.changeOwnPassword(current, replacement);
            Feedback.info("password.changed");
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
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
