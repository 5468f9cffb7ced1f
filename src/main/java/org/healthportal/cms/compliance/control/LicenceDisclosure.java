package org.healthportal.cms.compliance.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.CredentialGate;

/**
 * Who reads reviewers' licence numbers: admins, and the compliance record. Every other screen and API answer that
 * shows recorded credentials (an approval's, a re-review's audit comment) passes them through here, so editors and
 * reviewers see the credentials without the number.
 */
@Named("licences")
@RequestScoped
public class LicenceDisclosure {

    @Inject
    CurrentUser currentUser;

    /** The text as this caller may read it. */
    public String shown(String credentials) {
        if (credentials == null || currentUser.require().has(Role.ADMIN)) {
            return credentials;
        }
        return CredentialGate.withoutLicence(credentials);
    }
}
