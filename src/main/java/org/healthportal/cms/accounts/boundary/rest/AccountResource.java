package org.healthportal.cms.accounts.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.healthportal.cms.accounts.control.AccountAdministration;
import org.healthportal.cms.accounts.control.AccountChanges;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;

/**
 * Accounts over JSON, for admins provisioning reviewers by script. Every call goes through
 * {@link AccountAdministration}, as the accounts screen does: the same checks, errors and audit events.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountAdministration administration;

    @Context
    UriInfo uriInfo;

    @GET
    public List<AccountJson> list() {
        Map<Long, ReviewerProfile> credentials = administration.allCredentials();
        return administration.list().stream().map(a -> AccountJson.of(a, credentials.get(a.getId()))).toList();
    }

    @POST
    public Response create(NewAccount input) {
        NewAccount in = require(input);
        Account created = administration.create(in.username(), in.displayName(), in.email(), in.password(),
                roles(in.roles() == null ? List.of() : in.roles()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.getUsername()).build())
                .entity(AccountJson.of(created, null)).build();
    }

    @GET
    @Path("{username}")
    public AccountJson get(@PathParam("username") String username) {
        Account account = administration.get(username);
        return AccountJson.of(account, administration.credentials(account).orElse(null));
    }

    /** A partial update: what the body leaves out stays as it is; {@code version}, when sent, must be current. */
    @PUT
    @Path("{username}")
    public AccountJson update(@PathParam("username") String username, AccountUpdate input) {
        AccountUpdate in = require(input);
        CredentialsJson c = in.credentials();
        Account updated = administration.update(administration.get(username).getId(), in.version(),
                new AccountChanges(in.displayName(), in.email(), in.roles() == null ? null : roles(in.roles()),
                        in.enabled(), c == null ? null : new AccountChanges.Credentials(c.title(), c.institution(),
                        c.specialty(), c.licence(), date(c.verifiedUntil()))));
        return AccountJson.of(updated, administration.credentials(updated).orElse(null));
    }

    @POST
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username, PasswordInput input) {
        PasswordInput in = require(input);
        administration.resetPassword(administration.get(username).getId(), in.password());
        return Response.noContent().build();
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CmsException.InvalidInput("Unknown role '" + name + "', expected some of "
                        + Arrays.toString(Role.values()));
            }
        }
        return roles;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CmsException.InvalidInput("verifiedUntil must be a date like 2027-06-30: " + value);
        }
    }

    private static <T> T require(T input) {
        if (input == null) {
            throw new CmsException.InvalidInput("A JSON body is required");
        }
        return input;
    }

    /** The body of {@code POST /api/accounts}. */
    public record NewAccount(String username, String displayName, String email, List<String> roles,
                             String password) {
    }

    /** The body of {@code PUT /api/accounts/{username}}: any of its fields. */
    public record AccountUpdate(String displayName, String email, List<String> roles, Boolean enabled,
                                CredentialsJson credentials, Long version) {
    }

    /** The body of {@code POST /api/accounts/{username}/password}. */
    public record PasswordInput(String password) {
    }

    /** A reviewer's credentials; {@code verifiedUntil} as {@code yyyy-MM-dd}. */
    public record CredentialsJson(String title, String institution, String specialty, String licence,
                                  String verifiedUntil) {
        static CredentialsJson of(ReviewerProfile p) {
            return p == null ? null : new CredentialsJson(p.getProfessionalTitle(), p.getInstitution(),
                    p.getSpecialty(), p.getLicenceNumber(),
                    p.getVerifiedUntil() == null ? null : p.getVerifiedUntil().toString());
        }
    }

    /** An account as admins see it: never its password hash. */
    public record AccountJson(String username, String displayName, String email, List<String> roles,
                              boolean enabled, Instant createdAt, long version, CredentialsJson credentials) {
        static AccountJson of(Account a, ReviewerProfile credentials) {
            return new AccountJson(a.getUsername(), a.getDisplayName(), a.getEmail(),
                    a.getRoles().stream().sorted().map(Role::name).toList(), a.isEnabled(), a.getCreatedAt(),
                    a.getVersion(), CredentialsJson.of(credentials));
        }
    }
}
