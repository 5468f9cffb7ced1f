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
import org.healthportal.cms.content.control.ArticleStatistics;
import org.healthportal.cms.workflow.entity.RevisionState;

/** The back-office landing page: who is signed in and how much content is in each state. */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    CurrentUser currentUser;

    @Inject
    ArticleStatistics statistics;

    private Account account;
    private Map<RevisionState, Long> counts;

    @PostConstruct
    void load() {
        account = currentUser.require();
        counts = statistics.countByState();
    }

    public Account getAccount() {
        return account;
    }

    public List<Map.Entry<RevisionState, Long>> getCounts() {
        return new ArrayList<>(counts.entrySet());
    }

    public boolean isNoArticles() {
        return counts.values().stream().mapToLong(Long::longValue).sum() == 0;
    }
}
