package org.healthportal.cms.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;

/** Checks usernames and passwords against the account table; the roles become the caller's groups. */
@ApplicationScoped
public class CmsIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return authenticate(credential).map(CmsIdentityStore::result).orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** The enabled account the credential proves, as it was read (for its session generation and flags). */
    public Optional<Account> authenticate(UsernamePasswordCredential credential) {
        return accounts.authenticate(credential.getCaller(), credential.getPasswordAsString());
    }

    public static CredentialValidationResult result(Account account) {
        return new CredentialValidationResult(account.getUsername(), groups(account));
    }

    public static Set<String> groups(Account account) {
        return account.getRoles().stream().map(Role::name).collect(Collectors.toSet());
    }
}
