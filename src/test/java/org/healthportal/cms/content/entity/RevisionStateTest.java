package org.healthportal.cms.content.entity;

import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.WorkflowAction;
import static org.healthportal.cms.content.entity.RevisionState.APPROVED;
import static org.healthportal.cms.content.entity.RevisionState.ARCHIVED;
import static org.healthportal.cms.content.entity.RevisionState.CHANGES_REQUESTED;
import static org.healthportal.cms.content.entity.RevisionState.DRAFT;
import static org.healthportal.cms.content.entity.RevisionState.IN_REVIEW;
import static org.healthportal.cms.content.entity.RevisionState.PUBLISHED;
import static org.healthportal.cms.content.entity.RevisionState.UNPUBLISHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.CmsException;
import org.junit.jupiter.api.Test;

/** Every (state, action) pair of the transition table: the allowed ones lead where they should, the rest refuse. */
class RevisionStateTest {

    private static final Map<WorkflowAction, Map<RevisionState, RevisionState>> ALLOWED = new EnumMap<>(WorkflowAction.class);

    static {
        ALLOWED.put(WorkflowAction.SUBMIT, Map.of(DRAFT, IN_REVIEW, CHANGES_REQUESTED, IN_REVIEW));
        ALLOWED.put(WorkflowAction.APPROVE, Map.of(IN_REVIEW, APPROVED));
        ALLOWED.put(WorkflowAction.REQUEST_CHANGES, Map.of(IN_REVIEW, CHANGES_REQUESTED));
        ALLOWED.put(WorkflowAction.PUBLISH, Map.of(APPROVED, PUBLISHED, UNPUBLISHED, PUBLISHED));
        ALLOWED.put(WorkflowAction.UNPUBLISH, Map.of(PUBLISHED, UNPUBLISHED));
        ALLOWED.put(WorkflowAction.ARCHIVE, Map.of(DRAFT, ARCHIVED, IN_REVIEW, ARCHIVED, CHANGES_REQUESTED, ARCHIVED,
                APPROVED, ARCHIVED, PUBLISHED, ARCHIVED, UNPUBLISHED, ARCHIVED));
        ALLOWED.put(WorkflowAction.TAKEDOWN, Map.of(PUBLISHED, UNPUBLISHED));
        ALLOWED.put(WorkflowAction.CORRECT, Map.of(PUBLISHED, PUBLISHED));
        ALLOWED.put(WorkflowAction.CONFIRM_REVIEW, Map.of(PUBLISHED, PUBLISHED));
    }

    @Test
    void everyPairFollowsTheTable() {
        int allowed = 0;
        int refused = 0;
        for (WorkflowAction action : WorkflowAction.values()) {
            for (RevisionState state : RevisionState.values()) {
                RevisionState expected = ALLOWED.get(action).get(state);
                if (expected != null) {
                    assertEquals(expected, state.after(action), state + " --" + action + "-->");
                    assertTrue(state.allows(action));
                    allowed++;
                } else {
                    CmsException.Conflict e = assertThrows(CmsException.Conflict.class, () -> state.after(action),
                            state + " must refuse " + action);
                    assertTrue(e.getMessage().contains(state.name()), e.getMessage());
                    assertFalse(state.allows(action));
                    refused++;
                }
            }
        }
        assertEquals(16, allowed);
        assertEquals(WorkflowAction.values().length * RevisionState.values().length - 16, refused);
    }

    @Test
    void refusalSaysWhereTheActionIsAllowedFrom() {
        CmsException.Conflict e = assertThrows(CmsException.Conflict.class, () -> DRAFT.after(WorkflowAction.APPROVE));
        assertEquals("Cannot approve a revision that is DRAFT (allowed from [IN_REVIEW])", e.getMessage());
    }

    @Test
    void onlyDraftsChangeInPlace() {
        for (RevisionState s : RevisionState.values()) {
            assertEquals(s == DRAFT, s.isEditableInPlace(), s.name());
        }
        assertTrue(PUBLISHED.startsNewRevisionOnEdit());
        assertTrue(APPROVED.startsNewRevisionOnEdit());
        assertTrue(CHANGES_REQUESTED.startsNewRevisionOnEdit());
        assertTrue(UNPUBLISHED.startsNewRevisionOnEdit());
        assertFalse(IN_REVIEW.startsNewRevisionOnEdit());
        assertFalse(ARCHIVED.startsNewRevisionOnEdit());
    }

    @Test
    void rolesPerAction() {
        assertEquals(java.util.Set.of(Role.EDITOR), WorkflowAction.SUBMIT.roles());
        assertEquals(java.util.Set.of(Role.REVIEWER), WorkflowAction.APPROVE.roles());
        assertEquals(java.util.Set.of(Role.REVIEWER), WorkflowAction.REQUEST_CHANGES.roles());
        assertEquals(java.util.Set.of(Role.EDITOR, Role.ADMIN), WorkflowAction.PUBLISH.roles());
        assertEquals(java.util.Set.of(Role.EDITOR, Role.ADMIN), WorkflowAction.UNPUBLISH.roles());
        assertEquals(java.util.Set.of(Role.ADMIN), WorkflowAction.ARCHIVE.roles());
        assertEquals(java.util.Set.of(Role.EDITOR, Role.REVIEWER, Role.ADMIN), WorkflowAction.TAKEDOWN.roles());
        assertEquals(java.util.Set.of(Role.EDITOR, Role.ADMIN), WorkflowAction.CORRECT.roles());
        assertEquals(java.util.Set.of(Role.REVIEWER), WorkflowAction.CONFIRM_REVIEW.roles());
        assertFalse(WorkflowAction.APPROVE.allowedFor(java.util.Set.of(Role.EDITOR, Role.ADMIN)));
        assertTrue(WorkflowAction.APPROVE.allowedFor(java.util.Set.of(Role.EDITOR, Role.REVIEWER)));
    }

    @Test
    void wireNamesRoundTrip() {
        for (WorkflowAction a : WorkflowAction.values()) {
            assertEquals(a, WorkflowAction.fromWireName(a.wireName()).orElseThrow());
        }
        assertTrue(WorkflowAction.fromWireName("APPROVE").isEmpty());
        assertEquals("request-changes", WorkflowAction.REQUEST_CHANGES.wireName());
    }
}
