package org.healthportal.cms.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.healthportal.cms.accounts.entity.AccountNotice;
import org.healthportal.cms.content.entity.ArticleChanged;

/**
 * Hears the changes inside their transactions (plain observers, not after-success ones): a notification that
 * fails to be written fails the change, and a change that rolls back leaves no notification behind.
 */
@ApplicationScoped
public class NotificationEvents {

    @Inject
    Notifier notifier;

    void onArticle(@Observes ArticleChanged changed) {
        notifier.articleChanged(changed);
    }

    void onAccount(@Observes AccountNotice notice) {
        notifier.accountNotice(notice);
    }
}
