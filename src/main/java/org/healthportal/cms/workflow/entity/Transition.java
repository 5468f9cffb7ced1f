package org.healthportal.cms.workflow.entity;

import org.healthportal.cms.content.entity.Revision;

/** One state change an entity method made, for the service to audit. */
public record Transition(AuditAction action, Revision revision, RevisionState from, RevisionState to, String comment) {

    public Transition(AuditAction action, Revision revision, RevisionState from, RevisionState to) {
        this(action, revision, from, to, null);
    }

    public Transition withComment(String note) {
        return new Transition(action, revision, from, to, note);
    }
}
