package org.healthportal.cms.taxonomy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.taxonomy.entity.ReviewPolicyChanged;
import org.healthportal.cms.taxonomy.entity.ReviewSetting;

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

    @PersistenceContext
    EntityManager em;

    /** The admin's choice as last read, and when; re-read after a change (or half a minute, as a backstop). */
    private volatile Overdue chosen;
    private volatile long readAt;

    /** The policy in force: an admin's choice in the back office, else the configured default. */
    public Overdue overdue() {
        Overdue current = chosen;
        if (current == null || System.nanoTime() - readAt > 30_000_000_000L) {
            ReviewSetting setting = em.find(ReviewSetting.class, ReviewSetting.ID);
            current = parse(setting == null || setting.getOverduePolicy() == null
                    ? overdue : setting.getOverduePolicy());
            chosen = current;
            readAt = System.nanoTime();
        }
        return current;
    }

    /** The policy the configuration sets, used until an admin chooses one. */
    public Overdue configured() {
        return parse(overdue);
    }

    /** Forgets the cached choice: it changed here or on another node. */
    public void forget() {
        chosen = null;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewPolicyChanged change) {
        forget();
    }

    public static Overdue parse(String name) {
        return Overdue.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public boolean isNoindex() {
        return overdue() == Overdue.NOINDEX;
    }
}
