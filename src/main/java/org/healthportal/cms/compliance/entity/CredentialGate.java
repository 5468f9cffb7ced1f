package org.healthportal.cms.compliance.entity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.taxonomy.entity.Specialties;

/**
 * Who may sign off medical content: a reviewer with recorded credentials, verified until today or later, whose
 * specialty the article's category accepts. Checked when approving; the approval keeps {@link #snapshot} of the
 * credentials as they were at that moment.
 */
public final class CredentialGate {

    private static final String SEPARATOR = " | ";
    private static final String LICENCE = "licence ";
    /** " | licence 110…" up to the next separator or the end. */
    private static final Pattern LICENCE_PART = Pattern.compile(Pattern.quote(SEPARATOR + LICENCE) + ".*?(?="
            + Pattern.quote(SEPARATOR) + "|$)");

    private CredentialGate() {
    }

    /** @throws CmsException.Forbidden naming what is missing */
    public static void check(Optional<ReviewerProfile> credentials, Category category, LocalDate today) {
        ReviewerProfile p = credentials.orElseThrow(() -> new CmsException.Forbidden(
                "No reviewer credentials are recorded for you; an admin must record them before you approve")
                .withKey("error.noCredentials"));
        if (p.getVerifiedUntil() == null || p.getVerifiedUntil().isBefore(today)) {
            throw new CmsException.Forbidden("Your credentials were verified until " + p.getVerifiedUntil()
                    + " and must be verified again before you approve").withKey("error.credentialsLapsed",
                    String.valueOf(p.getVerifiedUntil()));
        }
        Set<String> accepted = category.reviewSpecialties();
        if (!accepted.isEmpty() && !Specialties.overlap(accepted, Specialties.parse(p.getSpecialty()))) {
            throw new CmsException.Forbidden("Your specialty (" + p.getSpecialty() + ") does not cover the category "
                    + category.getNameZh() + ", which needs one of " + accepted)
                    .withKey("error.specialtyMismatch", category.getNameZh(), String.join("、", accepted));
        }
    }

    /** The credentials as recorded with an approval. */
    public static String snapshot(ReviewerProfile p) {
        return String.join(SEPARATOR, p.getAccount().getDisplayName(), p.getProfessionalTitle(), p.getInstitution(),
                p.getSpecialty(), LICENCE + p.getLicenceNumber(), "verified until " + p.getVerifiedUntil());
    }

    /**
     * The text with the licence part of every {@link #snapshot} in it taken out: an approval's credentials, or a
     * re-review's audit comment that ends with them.
     */
    public static String withoutLicence(String text) {
        return text == null ? null : LICENCE_PART.matcher(text).replaceAll("");
    }
}
