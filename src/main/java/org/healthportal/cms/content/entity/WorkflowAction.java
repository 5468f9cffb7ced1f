package org.healthportal.cms.content.entity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.compliance.entity.Disclaimer;

/**
 * The transitions a person can ask for: who may ask, which revision each acts on, and the entity method that
 * carries it out. Adding an action means a constant here, its row in {@link RevisionState}'s table and its
 * {@link Article} method; the change path, the permissions and the screens follow from those.
 */
public enum WorkflowAction {
    SUBMIT("submit", EnumSet.of(Role.EDITOR), false, false, true) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            Transition submitted = article.submit(request.now());
            request.submitted(submitted.revision());
            return List.of(submitted);
        }
    },
    APPROVE("approve", EnumSet.of(Role.REVIEWER), false, true, true) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            return List.of(article.approve(request.actor(), () -> request.signOff(article.getLatestRevision()),
                    request.now()));
        }
    },
    REQUEST_CHANGES("request-changes", EnumSet.of(Role.REVIEWER), false, false, false) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            Transition requested = article.requestChanges(request.comment(), request.now());
            request.commented(requested);
            return List.of(requested);
        }
    },
    PUBLISH("publish", EnumSet.of(Role.EDITOR, Role.ADMIN), false, false, true) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            Instant at = request.publishAt();
            return at != null && at.isAfter(request.now()) ? List.of(article.schedule(at, request.now()))
                    : article.publish(request.disclaimer(), request.now());
        }
    },
    UNPUBLISH("unpublish", EnumSet.of(Role.EDITOR, Role.ADMIN), true, false, false) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            return List.of(article.unpublish(request.comment(), request.now()));
        }
    },
    ARCHIVE("archive", EnumSet.of(Role.ADMIN), false, false, false) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            return article.archive(request.comment(), request.now());
        }
    },
    /** An urgent unpublish with a required reason: anyone answerable for the content may pull it. */
    TAKEDOWN("takedown", EnumSet.of(Role.EDITOR, Role.REVIEWER, Role.ADMIN), true, false, false) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            return List.of(article.takeDown(request.comment(), request.now()));
        }
    },
    /** Publishes a correction notice on the live article; the comment is the notice. */
    CORRECT("correct", EnumSet.of(Role.EDITOR, Role.ADMIN), true, false, false) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            return List.of(article.correct(request.comment(), request.now()));
        }
    },
    /** A reviewer confirms the live text after the review interval, without changes. */
    CONFIRM_REVIEW("confirm-review", EnumSet.of(Role.REVIEWER), true, true, false) {
        @Override
        List<Transition> carryOut(Article article, Request request) {
            String credentials = request.signOff(article.getLiveRevision());
            String comment = request.comment();
            return List.of(article.confirmReview(request.actor(), comment == null || comment.isBlank() ? credentials
                    : comment.strip() + " — " + credentials, request.now()));
        }
    };

    /**
     * What an action needs besides the article, given by the change path: the request, and the services'
     * answers the entity cannot give itself.
     */
    public interface Request {
        Account actor();

        String comment();

        /** For {@code publish}: a later moment schedules instead. */
        Instant publishAt();

        Instant now();

        /** The disclaimer a publication now shows beneath the article. */
        Disclaimer disclaimer();

        /** Runs the sign-off checks for the revision and returns what to record of the reviewer's credentials. */
        String signOff(Revision revision);

        /** Records the claims check of a revision just submitted, with the editor's justifications. */
        void submitted(Revision revision);

        /** Keeps a reviewer's comment beside the revision it is about. */
        void commented(Transition requested);
    }

    private final String wireName;
    private final Set<Role> roles;
    private final boolean onLive;
    private final boolean signOff;
    private final boolean keepsNote;

    WorkflowAction(String wireName, Set<Role> roles, boolean onLive, boolean signOff, boolean keepsNote) {
        this.wireName = wireName;
        this.roles = roles;
        this.onLive = onLive;
        this.signOff = signOff;
        this.keepsNote = keepsNote;
    }

    /** Calls the entity method; the change path has asked {@link Article#refusal} first. */
    abstract List<Transition> carryOut(Article article, Request request);

    /**
     * Carries the action out on the article and returns the transitions to audit; a note given with an action that
     * takes none of its own (submit, approve, publish) is kept on the last one.
     */
    public List<Transition> apply(Article article, Request request) {
        List<Transition> transitions = new java.util.ArrayList<>(carryOut(article, request));
        String note = request.comment();
        if (keepsNote && note != null && !note.isBlank() && !transitions.isEmpty()) {
            int last = transitions.size() - 1;
            transitions.set(last, transitions.get(last).withComment(note.strip()));
        }
        return transitions;
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

    /** True for the actions on what the public reads now (the live revision) rather than the latest one. */
    public boolean actsOnLive() {
        return onLive;
    }

    /** True for a reviewer's sign-off: never of one's own work, and only with credentials that pass the gate. */
    public boolean isSignOff() {
        return signOff;
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
