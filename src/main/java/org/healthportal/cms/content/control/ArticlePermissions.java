package org.healthportal.cms.content.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.entity.ClaimFinding;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.compliance.entity.CredentialGate;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Refusal;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.content.entity.SignOffChecks;
import org.healthportal.cms.content.entity.WorkflowAction;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * "May this account do this, and if not, why": the article decides ({@link Article#refusal}); this gives it the
 * answers only services have (credentials, claims). The change path enforces the same answer the editor, the
 * review screen, the dashboard and the API's {@code allowedActions} show.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ArticlePermissions {

    /** The name of editing the text (save, restore, a new address) among the workflow actions' names. */
    public static final String EDIT = "edit";

    @Inject
    AccountService accounts;

    @Inject
    ClaimsService claims;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    /** One action and whether the account may take it now; a refusal says why. */
    public record Permission(String action, boolean allowed, Refusal.Reason reason, CmsException refusal) {
        static Permission of(String action, Optional<Refusal> refusal) {
            return refusal.map(r -> new Permission(action, false, r.reason(), r.failure()))
                    .orElseGet(() -> new Permission(action, true, null, null));
        }
    }

    /** Every action (editing first, then each workflow action) with the account's permission now. */
    public List<Permission> allowedActions(Account account, Article article) {
        List<Permission> all = new ArrayList<>();
        all.add(Permission.of(EDIT, article.refusalToEdit(account)));
        SignOffChecks checks = checks();
        for (WorkflowAction action : WorkflowAction.values()) {
            all.add(Permission.of(action.wireName(), article.refusal(action, account, checks)));
        }
        return all;
    }

    public Optional<Refusal> refusal(WorkflowAction action, Account account, Article article) {
        return article.refusal(action, account, checks());
    }

    /** The services' side of a sign-off: the credential gate on today's date, and the claims check. */
    SignOffChecks checks() {
        return new SignOffChecks() {
            @Override
            public Optional<CmsException> credentialProblem(Account reviewer, Category category) {
                try {
                    CredentialGate.check(accounts.findReviewerProfile(reviewer), category,
                            LocalDate.ofInstant(clock.instant(), zones.zone()));
                    return Optional.empty();
                } catch (CmsException refused) {
                    return Optional.of(refused);
                }
            }

            @Override
            public List<String> unjustifiedClaims(Revision revision) {
                List<String> justified = claims.recorded(revision).stream().map(ClaimFinding::getTerm).toList();
                return claims.check(revision).stream().map(ClaimsCheck.Finding::term)
                        .filter(t -> !justified.contains(t)).distinct().toList();
            }
        };
    }
}
