package org.healthportal.cms.site.control;

import java.time.Instant;
import java.util.List;

/** Everything an article page reads from the database, read in one transaction. */
public record LivePage(ArticleView article, Instant firstPublished, List<ReviewHistoryEntry> history) {
}
