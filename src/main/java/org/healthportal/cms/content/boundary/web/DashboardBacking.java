package org.healthportal.cms.content.boundary.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.content.control.ArticleQuery;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.control.ArticleStatistics;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.WorkflowAction;

/**
 * The back-office landing page: each person's own queues first, then the whole picture. Which queues a person
 * sees follows from the workflow actions their roles allow.
 */
@Named
@RequestScoped
public class DashboardBacking {

    private static final int SHOWN = 5;

    @Inject
    CurrentUser currentUser;

    @Inject
    ArticleStatistics statistics;

    @Inject
    ArticleService articles;

    @Inject
    java.time.Clock clock;

    private Account account;
    private Map<RevisionState, Long> counts;
    private final List<Queue> queues = new ArrayList<>();

    @PostConstruct
    void load() {
        account = currentUser.require();
        counts = statistics.countByState();
        String me = account.getUsername();
        if (WorkflowAction.SUBMIT.allowedFor(account.getRoles())) {
            queues.add(queue("myDrafts", ArticleQuery.all().withState(RevisionState.DRAFT).withAuthor(me)));
            queues.add(queue("changesRequested",
                    ArticleQuery.all().withState(RevisionState.CHANGES_REQUESTED).withAuthor(me)));
            queues.add(queue("readyToPublish", ArticleQuery.all().withState(RevisionState.APPROVED)));
        }
        if (WorkflowAction.APPROVE.allowedFor(account.getRoles())) {
            queues.add(queue("awaitingMyReview",
                    ArticleQuery.all().withState(RevisionState.IN_REVIEW).notContributedBy(me)
                            .sortedBy(ArticleQuery.Sort.UPDATED, true)));
        }
        if (WorkflowAction.CONFIRM_REVIEW.allowedFor(account.getRoles())
                || WorkflowAction.SUBMIT.allowedFor(account.getRoles())) {
            // Due within a month, overdue ones first.
            queues.add(queue("dueForReview", ArticleQuery.all().reviewDueBefore(
                    clock.instant().plus(java.time.Duration.ofDays(30)))));
        }
        queues.add(queue("scheduled", ArticleQuery.all().scheduledOnly()));
        queues.add(queue("recentlyPublished", ArticleQuery.all().liveOnly().sortedBy(ArticleQuery.Sort.PUBLISHED, false)));
    }

    private Queue queue(String key, ArticleQuery query) {
        Page<Article> page = articles.list(query, 0, SHOWN);
        return new Queue(key, page.items(), page.total());
    }

    public Account getAccount() {
        return account;
    }

    public List<Map.Entry<RevisionState, Long>> getCounts() {
        return new ArrayList<>(counts.entrySet());
    }

    public List<Queue> getQueues() {
        return queues;
    }

    public boolean isNoArticles() {
        return counts.values().stream().mapToLong(Long::longValue).sum() == 0;
    }

    /** One list on the dashboard: the first few and how many there are in all. */
    public record Queue(String key, List<Article> items, long total) {
    }
}
