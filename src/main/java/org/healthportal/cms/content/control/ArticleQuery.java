package org.healthportal.cms.content.control;

import org.healthportal.cms.content.entity.RevisionState;

/**
 * A filter over articles by their latest revision, and an order; any filter may be null. {@code text} matches
 * title or summary; {@code notContributedBy} leaves out revisions a user wrote or edited (a reviewer's queue);
 * {@code scheduled} keeps articles with a publication scheduled on any revision.
 */
public record ArticleQuery(RevisionState state, Long categoryId, String author, String text, String notContributedBy,
                           boolean scheduled, boolean live, java.time.Instant reviewDueBefore, Sort sort,
                           boolean ascending) {

    /** What a list can be ordered by. */
    public enum Sort {
        UPDATED("a.modifiedAt"), TITLE("a.listing.title"), STATE("a.listing.state"), AUTHOR("u.username"),
        PUBLISHED("a.listing.publishedAt"), REVIEW_DUE("a.nextReviewDue");

        final String path;

        Sort(String path) {
            this.path = path;
        }
    }

    public static ArticleQuery all() {
        return new ArticleQuery(null, null, null, null, null, false, false, null, Sort.UPDATED, false);
    }

    public ArticleQuery withState(RevisionState s) {
        return new ArticleQuery(s, categoryId, author, text, notContributedBy, scheduled, live, reviewDueBefore, sort, ascending);
    }

    public ArticleQuery withCategory(Long id) {
        return new ArticleQuery(state, id, author, text, notContributedBy, scheduled, live, reviewDueBefore, sort, ascending);
    }

    public ArticleQuery withAuthor(String username) {
        return new ArticleQuery(state, categoryId, username, text, notContributedBy, scheduled, live, reviewDueBefore, sort, ascending);
    }

    public ArticleQuery withText(String t) {
        return new ArticleQuery(state, categoryId, author, t, notContributedBy, scheduled, live, reviewDueBefore, sort, ascending);
    }

    public ArticleQuery notContributedBy(String username) {
        return new ArticleQuery(state, categoryId, author, text, username, scheduled, live, reviewDueBefore, sort, ascending);
    }

    public ArticleQuery scheduledOnly() {
        return new ArticleQuery(state, categoryId, author, text, notContributedBy, true, live, reviewDueBefore, sort, ascending);
    }

    public ArticleQuery liveOnly() {
        return new ArticleQuery(state, categoryId, author, text, notContributedBy, scheduled, true, reviewDueBefore, sort, ascending);
    }

    /** Live articles whose next review is due before the given moment, soonest first. */
    public ArticleQuery reviewDueBefore(java.time.Instant moment) {
        return new ArticleQuery(state, categoryId, author, text, notContributedBy, scheduled, true, moment,
                Sort.REVIEW_DUE, true);
    }

    public ArticleQuery sortedBy(Sort by, boolean asc) {
        return new ArticleQuery(state, categoryId, author, text, notContributedBy, scheduled, live, reviewDueBefore,
                by == null ? Sort.UPDATED : by, asc);
    }
}
