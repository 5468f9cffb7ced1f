package org.healthportal.cms.site.control;

import java.time.Instant;
import org.healthportal.cms.platform.audit.AuditAction;

/** One line of an article's public review history. */
public record ReviewHistoryEntry(Instant at, AuditAction action, Integer revision) {

    /** The bundle key naming the event for readers. */
    public String getLabelKey() {
        return "article.history." + action.name();
    }

    public Instant getAt() {
        return at;
    }

    public Integer getRevision() {
        return revision;
    }
}
