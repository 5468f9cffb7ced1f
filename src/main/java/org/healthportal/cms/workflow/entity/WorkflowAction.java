package org.healthportal.cms.workflow.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthportal.cms.accounts.entity.Role;

/** The transitions a person can ask for, with the roles that may ask. */
public enum WorkflowAction {
    SUBMIT("submit", EnumSet.of(Role.EDITOR)),
    APPROVE("approve", EnumSet.of(Role.REVIEWER)),
    REQUEST_CHANGES("request-changes", EnumSet.of(Role.REVIEWER)),
    PUBLISH("publish", EnumSet.of(Role.EDITOR, Role.ADMIN)),
    UNPUBLISH("unpublish", EnumSet.of(Role.EDITOR, Role.ADMIN)),
    ARCHIVE("archive", EnumSet.of(Role.ADMIN)),
    /** An urgent unpublish with a required reason: anyone answerable for the content may pull it. */
    TAKEDOWN("takedown", EnumSet.of(Role.EDITOR, Role.REVIEWER, Role.ADMIN)),
    /** Publishes a correction notice on the live article; the comment is the notice. */
    CORRECT("correct", EnumSet.of(Role.EDITOR, Role.ADMIN)),
    /** A reviewer confirms the live text after the review interval, without changes. */
    CONFIRM_REVIEW("confirm-review", EnumSet.of(Role.REVIEWER));

    private final String wireName;
    private final Set<Role> roles;

    WorkflowAction(String wireName, Set<Role> roles) {
        this.wireName = wireName;
        this.roles = roles;
    }

    /** The name used in the API and the audit trail, e.g. {@code request-changes}. */
    public String wireName() {
        return wireName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean allowedFor(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }

    /** The states this action may start from, for messages. */
    public Set<RevisionState> allowedFrom() {
        return Arrays.stream(RevisionState.values()).filter(s -> s.allows(this)).collect(Collectors.toCollection(() -> EnumSet.noneOf(RevisionState.class)));
    }

    public static Optional<WorkflowAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(WorkflowAction::wireName).collect(Collectors.joining(", "));
    }
}
