package org.healthportal.cms.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A medical reviewer's credentials, shown with every approval they give. */
@Entity
@Table(name = "reviewer_profile")
public class ReviewerProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, unique = true)
    private Account account;

    /** 职称, e.g. 主任医师. */
    @Column(name = "professional_title", nullable = false, length = 100)
    private String professionalTitle;

    @Column(nullable = false, length = 200)
    private String institution;

    @Column(nullable = false, length = 200)
    private String specialty;

    @Column(name = "licence_number", nullable = false, length = 64)
    private String licenceNumber;

    @Column(name = "verified_until")
    private LocalDate verifiedUntil;

    @Version
    private long version;

    protected ReviewerProfile() {
    }

    public ReviewerProfile(Account account, String professionalTitle, String institution, String specialty,
                           String licenceNumber, LocalDate verifiedUntil) {
        this.account = account;
        this.professionalTitle = professionalTitle;
        this.institution = institution;
        this.specialty = specialty;
        this.licenceNumber = licenceNumber;
        this.verifiedUntil = verifiedUntil;
    }

    /** Records new credentials, e.g. after a licence was renewed and checked. */
    public void update(String title, String institution, String specialty, String licence, LocalDate verified) {
        this.professionalTitle = title;
        this.institution = institution;
        this.specialty = specialty;
        this.licenceNumber = licence;
        this.verifiedUntil = verified;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getProfessionalTitle() {
        return professionalTitle;
    }

    public String getInstitution() {
        return institution;
    }

    public String getSpecialty() {
        return specialty;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public LocalDate getVerifiedUntil() {
        return verifiedUntil;
    }

    public long getVersion() {
        return version;
    }
}
