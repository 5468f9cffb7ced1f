package org.healthportal.cms.accounts.control;

import java.time.LocalDate;
import java.util.Set;
import org.healthportal.cms.accounts.entity.Role;

/**
 * What an admin changes on an account; a null field stays as it is. A blank {@code email} removes the address.
 * {@code credentials} are merged the same way with the reviewer's recorded ones.
 */
public record AccountChanges(String displayName, String email, Set<Role> roles, Boolean enabled,
                             Credentials credentials) {

    /** A reviewer's credentials, each field optional against what is recorded. */
    public record Credentials(String title, String institution, String specialty, String licence,
                              LocalDate verifiedUntil) {
    }
}
