package org.healthportal.cms.accounts.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.healthportal.cms.accounts.control.LoginThrottle;
import org.healthportal.cms.accounts.control.SignInRecords;
import org.healthportal.cms.accounts.entity.LoginAttempt;
import org.healthportal.cms.platform.web.Feedback;

/** Admins: the sign-in blocks in force with a way to lift each, and the latest failed or refused sign-ins. */
@Named
@RequestScoped
public class SignInsBacking {

    private static final int SHOWN = 100;

    @Inject
    SignInRecords records;

    private String username;
    private String address;
    private List<LoginThrottle.Block> blocks;
    private List<LoginAttempt> attempts;

    public List<LoginThrottle.Block> getBlocks() {
        if (blocks == null) {
            blocks = records.blocks();
        }
        return blocks;
    }

    public List<LoginAttempt> getAttempts() {
        if (attempts == null) {
            attempts = records.attempts(username, address, 0, SHOWN);
        }
        return attempts;
    }

    public void filter() {
        attempts = null;
    }

    public void lift(LoginThrottle.Block block) {
        boolean lifted = block.username() != null
                ? Feedback.attempt(() -> records.liftAccount(block.username()), "signins.lifted")
                : Feedback.attempt(() -> records.liftAddress(block.clientAddress()), "signins.lifted");
        if (lifted) {
            blocks = null;
            attempts = null;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
