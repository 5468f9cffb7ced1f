package org.healthportal.cms.platform.audit;

import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditChain;
import org.healthportal.cms.platform.audit.AuditEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The audit event's hash: events without a target (every one written before targets existed) hash exactly as
 * before, so old chains still verify; a target is part of the hash of the events that have one.
 */
class AuditEventTest {

    private static final Instant AT = Instant.ofEpochSecond(1_764_000_000L);

    /** Computed independently (Python's hashlib) over the fields as the hash had them before targets. */
    private static final String BEFORE_TARGETS = "e1635c7280edc238f0fac7930f89435b2e5278cbd30a105bd5bcd1f3ebf29f33";

    @Test
    void anArticleEventHashesAsEventsDidBeforeTargets() {
        AuditEvent approve = new AuditEvent(42L, 7L, 3, "reviewer", AT, AuditAction.APPROVE, "IN_REVIEW",
                "APPROVED", null);
        assertNull(approve.getTarget());
        assertEquals(BEFORE_TARGETS, approve.computeHash(AuditChain.GENESIS));
    }

    @Test
    void theTargetIsPartOfTheHash() throws Exception {
        AuditEvent reset = AuditEvent.administration("admin", AT, AuditAction.PASSWORD_RESET, "account:bob", null);
        AuditEvent other = AuditEvent.administration("admin", AT, AuditAction.PASSWORD_RESET, "account:eve", null);
        assertNotEquals(reset.computeHash(AuditChain.GENESIS), other.computeHash(AuditChain.GENESIS));

        reset.seal(AuditChain.GENESIS);
        assertEquals(reset.getHash(), reset.computeHash(AuditChain.GENESIS));
        // A target edited in the database no longer matches the sealed hash, nor does one removed.
        set(reset, "target", "account:eve");
        assertNotEquals(reset.getHash(), reset.computeHash(AuditChain.GENESIS));
        set(reset, "target", null);
        assertNotEquals(reset.getHash(), reset.computeHash(AuditChain.GENESIS));
    }

    @Test
    void anAdministrationEventNamesNoArticle() {
        AuditEvent e = AuditEvent.administration("admin", AT, AuditAction.DISCLAIMER, "disclaimer:3", "new version 3");
        assertNull(e.getArticleId());
        assertNull(e.getRevisionId());
        assertEquals("disclaimer:3", e.getTarget());
        assertEquals("new version 3", e.getComment());
        assertThrows(IllegalArgumentException.class,
                () -> AuditEvent.administration("admin", AT, AuditAction.DISCLAIMER, " ", null));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.administration("admin", AT,
                AuditAction.DISCLAIMER, "x".repeat(AuditEvent.TARGET_MAX + 1), null));
    }

    @Test
    void everyActionHasItsOwnWireName() {
        for (AuditAction a : AuditAction.values()) {
            assertEquals(a, AuditAction.fromWireName(a.wireName()).orElseThrow());
        }
        assertEquals(AuditAction.LOGIN_BLOCK_LIFTED, AuditAction.fromWireName("login-block-lifted").orElseThrow());
    }

    private static void set(AuditEvent e, String field, Object value) throws Exception {
        Field f = AuditEvent.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(e, value);
    }
}
