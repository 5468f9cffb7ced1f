package org.healthportal.cms.content.entity;

import java.util.List;
import java.util.Optional;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * What only services know when an article decides about a sign-off (an approval, a re-review): the reviewer's
 * credentials against the category, and the claims check of the text. Asked only when the state and authorship
 * rules already allow the action.
 */
public interface SignOffChecks {

    /** Why the credential gate refuses this reviewer for this category; empty when it lets them. */
    Optional<CmsException> credentialProblem(Account reviewer, Category category);

    /** Terms the claims dictionary flags in the revision now that were not justified at its submission. */
    List<String> unjustifiedClaims(Revision revision);

    /** For screens that show no sign-off: asks nothing, refuses nothing. */
    SignOffChecks NONE = new SignOffChecks() {
        @Override
        public Optional<CmsException> credentialProblem(Account reviewer, Category category) {
            return Optional.empty();
        }

        @Override
        public List<String> unjustifiedClaims(Revision revision) {
            return List.of();
        }
    };
}
