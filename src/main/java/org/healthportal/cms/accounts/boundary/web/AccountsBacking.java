package org.healthportal.cms.accounts.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.healthportal.cms.accounts.control.AccountAdministration;
import org.healthportal.cms.accounts.control.AccountChanges;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.web.Feedback;

/** Admins: create and disable accounts, assign roles, record reviewer credentials, reset passwords. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration administration;

    private List<Account> list;

    private String username;
    private String displayName;
    private String email;
    private String password;
    private List<Role> roles = new ArrayList<>();

    private Long editedId;
    private long editedVersion;
    private String editedName;
    private String editedEmail;
    private List<Role> editedRoles = new ArrayList<>();
    private boolean editedEnabled;
    private String newPassword;
    private String title;
    private String institution;
    private String specialty;
    private String licence;
    private LocalDate verifiedUntil;

    public List<Account> getList() {
        if (list == null) {
            list = administration.list();
        }
        return list;
    }

    public void create() {
        if (act(() -> administration.create(username, displayName, email, password,
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)), "accounts.created")) {
            username = null;
            displayName = null;
            email = null;
            password = null;
            roles = new ArrayList<>();
        }
    }

    public void edit(Account a) {
        editedId = a.getId();
        editedVersion = a.getVersion();
        editedName = a.getDisplayName();
        editedEmail = a.getEmail();
        editedRoles = new ArrayList<>(a.getRoles());
        editedEnabled = a.isEnabled();
        newPassword = null;
        ReviewerProfile p = administration.credentials(a).orElse(null);
        title = p == null ? null : p.getProfessionalTitle();
        institution = p == null ? null : p.getInstitution();
        specialty = p == null ? null : p.getSpecialty();
        licence = p == null ? null : p.getLicenceNumber();
        verifiedUntil = p == null ? null : p.getVerifiedUntil();
    }

    public void saveEdit() {
        boolean saved = act(() -> {
            // The form always sends the address, so an emptied field removes it.
            Account account = administration.update(editedId, editedVersion, new AccountChanges(editedName,
                    editedEmail == null ? "" : editedEmail,
                    editedRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(editedRoles), editedEnabled,
                    null));
            editedVersion = account.getVersion();
            if (account.has(Role.REVIEWER) && title != null && !title.isBlank()) {
                administration.recordCredentials(editedId, title, institution, specialty, licence, verifiedUntil);
            }
            if (newPassword != null && !newPassword.isEmpty()) {
                administration.resetPassword(editedId, newPassword);
            }
        }, "accounts.saved");
        if (saved) {
            editedId = null;
        }
    }

    public void cancelEdit() {
        editedId = null;
    }

    private boolean act(Runnable action, String successKey) {
        boolean done = Feedback.attempt(action, successKey);
        list = null;
        return done;
    }

    /** The longest e-mail address, for the fields' maxlength. */
    public int getEmailMax() {
        return Account.EMAIL_MAX;
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles;
    }

    public Long getEditedId() {
        return editedId;
    }

    public String getEditedName() {
        return editedName;
    }

    public void setEditedName(String editedName) {
        this.editedName = editedName;
    }

    public String getEditedEmail() {
        return editedEmail;
    }

    public void setEditedEmail(String editedEmail) {
        this.editedEmail = editedEmail;
    }

    public List<Role> getEditedRoles() {
        return editedRoles;
    }

    public void setEditedRoles(List<Role> editedRoles) {
        this.editedRoles = editedRoles;
    }

    public boolean isEditedEnabled() {
        return editedEnabled;
    }

    public void setEditedEnabled(boolean editedEnabled) {
        this.editedEnabled = editedEnabled;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getInstitution() {
        return institution;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }

    public String getSpecialty() {
        return specialty;
    }

    public void setSpecialty(String specialty) {
        this.specialty = specialty;
    }

    public String getLicence() {
        return licence;
    }

    public void setLicence(String licence) {
        this.licence = licence;
    }

    public LocalDate getVerifiedUntil() {
        return verifiedUntil;
    }

    public void setVerifiedUntil(LocalDate verifiedUntil) {
        this.verifiedUntil = verifiedUntil;
    }
}
