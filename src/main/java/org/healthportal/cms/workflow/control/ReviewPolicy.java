package org.healthportal.cms.workflow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * The site's re-review rules: the default interval where no category sets one (36 months, the NHS's three-year
 * cycle), and what happens when a review is overdue.
 */
@Named
@ApplicationScoped
public class ReviewPolicy {

    /** What an overdue review does to the public article. */
    public enum Overdue {
        /** The page stays, with a notice that its review is overdue. */
        BANNER,
        /** The page stays, with a notice, and asks search engines not to index it. */
        NOINDEX,
        /** The article goes offline until it is reviewed again. */
        UNPUBLISH
    }

    @Inject
    @ConfigProperty(name = "cms.review.interval-months", defaultValue = "36")
    int defaultMonths;

    @Inject
    @ConfigProperty(name = "cms.review.overdue-policy", defaultValue = "banner")
    String overdue;

    public int defaultMonths() {
        return defaultMonths;
    }

    public int intervalFor(Category category) {
        return category.reviewIntervalMonths(defaultMonths);
    }

    public Overdue overdue() {
        return Overdue.valueOf(overdue.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public boolean isNoindex() {
        return overdue() == Overdue.NOINDEX;
    }
}
