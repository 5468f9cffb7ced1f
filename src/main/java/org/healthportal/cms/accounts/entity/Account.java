package org.healthportal.cms.accounts.entity;

import org.healthportal.cms.platform.CmsException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A person who signs in to the back office or the API. The password is only ever held as a PBKDF2 hash. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byUsername", query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
public class Account {

    /** The longest address SMTP carries (RFC 5321's path limit less its angle brackets). */
    public static final int EMAIL_MAX = 254;

    public static final String DEFAULT_LANGUAGE = "zh-CN";
    public static final java.util.List<String> LANGUAGES = java.util.List.of("zh-CN", "en");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(length = EMAIL_MAX)
    private String email;

    /** The language of what the CMS writes to this person (notifications, e-mail): zh-CN or en. */
    @Column(nullable = false, length = 8)
    private String language = DEFAULT_LANGUAGE;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @Convert(converter = RolesConverter.class)
    @Column(nullable = false, length = 100)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Moves on whenever what a session was granted changes; sessions of an older generation are over. */
    @Column(name = "session_generation", nullable = false)
    private long sessionGeneration;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Column(name = "password_reset_by", length = 64)
    private String passwordResetBy;

    @Column(name = "password_reset_at")
    private Instant passwordResetAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The account's own new password: every other session ends, and a pending reset notice is done with. */
    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
        this.passwordResetBy = null;
        this.passwordResetAt = null;
        sessionGeneration++;
    }

    /** A password someone else chose: every session ends and the account must choose its own at its next sign-in. */
    public void resetPassword(String newHash, String resetBy, Instant at) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = true;
        this.passwordResetBy = resetBy;
        this.passwordResetAt = at;
        sessionGeneration++;
    }

    /** The same password, hashed at today's work factor: nothing else changes. */
    public void upgradePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    /** For a password chosen at installation (the bootstrap admin's), to be replaced at the first sign-in. */
    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    public void rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank() || newDisplayName.strip().length() > 100) {
            throw new org.healthportal.cms.platform.CmsException.InvalidInput("A display name of 1 to 100 characters is required");
        }
        this.displayName = newDisplayName.strip();
    }

    /** A new address, or none for null or blank; only a plain syntax check, nothing is sent to it. */
    public void changeEmail(String newEmail) {
        String e = newEmail == null ? "" : newEmail.strip();
        if (e.isEmpty()) {
            this.email = null;
            return;
        }
        if (e.length() > EMAIL_MAX || !EMAIL.matcher(e).matches()) {
            throw new org.healthportal.cms.platform.CmsException.InvalidInput("An e-mail address looks like name@example.org,"
                    + " at most " + EMAIL_MAX + " characters").withKey("error.emailInvalid", EMAIL_MAX);
        }
        this.email = e;
    }

    public void chooseLanguage(String newLanguage) {
        if (newLanguage == null || !LANGUAGES.contains(newLanguage)) {
            throw new org.healthportal.cms.platform.CmsException.InvalidInput("The language is one of " + LANGUAGES)
                    .withKey("error.languageInvalid", String.join(", ", LANGUAGES));
        }
        this.language = newLanguage;
    }

    public String getLanguage() {
        return language;
    }

    public java.util.Locale getLocale() {
        return java.util.Locale.forLanguageTag(language);
    }

    public void assignRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new org.healthportal.cms.platform.CmsException.InvalidInput("An account needs at least one role");
        }
        if (!roles.equals(newRoles)) {
            sessionGeneration++;
        }
        this.roles = EnumSet.copyOf(newRoles);
    }

    public void disable() {
        if (enabled) {
            sessionGeneration++;
        }
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getSessionGeneration() {
        return sessionGeneration;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public String getPasswordResetBy() {
        return passwordResetBy;
    }

    public Instant getPasswordResetAt() {
        return passwordResetAt;
    }

    public long getVersion() {
        return version;
    }
}
