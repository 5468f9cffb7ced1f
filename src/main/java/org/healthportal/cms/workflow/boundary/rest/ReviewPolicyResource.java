package org.healthportal.cms.workflow.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.control.ReviewPolicy;
import org.healthportal.cms.taxonomy.control.ReviewSettings;
import org.healthportal.cms.taxonomy.entity.ReviewSetting;

/**
 * The site's re-review rules: {@code GET /api/review-policy}, and {@code PUT} {@code {"overdue": "banner" |
 * "noindex" | "unpublish"}} (admins) to choose what an overdue review does to the public article.
 */
@Path("review-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewPolicyResource {

    @Inject
    ReviewSettings settings;

    @Inject
    ReviewPolicy policy;

    @GET
    public PolicyJson get() {
        ReviewSetting setting = settings.current();
        return new PolicyJson(name(policy.overdue()), name(policy.configured()), policy.defaultMonths(),
                setting.getUpdatedBy(), setting.getUpdatedAt());
    }

    @PUT
    public PolicyJson choose(PolicyInput input) {
        if (input == null || input.overdue() == null || input.overdue().isBlank()) {
            throw new CmsException.InvalidInput("overdue is required: banner, noindex or unpublish");
        }
        ReviewPolicy.Overdue overdue;
        try {
            overdue = ReviewPolicy.parse(input.overdue());
        } catch (IllegalArgumentException e) {
            throw new CmsException.InvalidInput("Unknown policy '" + input.overdue()
                    + "', expected banner, noindex or unpublish");
        }
        settings.choose(overdue);
        return get();
    }

    private static String name(ReviewPolicy.Overdue overdue) {
        return overdue.name().toLowerCase(java.util.Locale.ROOT);
    }

    public record PolicyInput(String overdue) {
    }

    public record PolicyJson(String overdue, String configured, int defaultIntervalMonths, String updatedBy,
                             Instant updatedAt) {
    }
}
