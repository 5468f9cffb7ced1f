package org.healthportal.cms.platform.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditChain;
import org.healthportal.cms.platform.audit.AuditEvent;

/**
 * Walks the audit chain from its first event and recomputes every link. An edited event no longer matches its own
 * hash; a removed or inserted one breaks the next event's link to it. Reads in pages, never the whole table at once. Callers let admins only.
 */
@Stateless
public class AuditVerifier {

    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    public Result verify() {
        String previous = AuditChain.GENESIS;
        long checked = 0;
        long legacy = 0;
        long after = -1;
        while (true) {
            List<AuditEvent> batch = em.createQuery("SELECT e FROM AuditEvent e WHERE e.id > :after ORDER BY e.id",
                    AuditEvent.class).setParameter("after", after).setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            // Only the current page stays in memory.
            em.clear();
            for (AuditEvent e : batch) {
                after = e.getId();
                if (e.getHash() == null && checked == 0) {
                    legacy++; // written before the chain existed
                    continue;
                }
                if (e.getHash() == null || !previous.equals(e.getPrevHash())) {
                    return new Result(false, checked, legacy, e.getId(),
                            "event " + e.getId() + " does not link to the event before it (removed, inserted or reordered)");
                }
                if (!e.getHash().equals(e.computeHash(previous))) {
                    return new Result(false, checked, legacy, e.getId(),
                            "event " + e.getId() + " was changed after it was written");
                }
                previous = e.getHash();
                checked++;
            }
        }
        AuditChain head = em.find(AuditChain.class, AuditChain.ID);
        if (!head.getLastHash().equals(previous)) {
            return new Result(false, checked, legacy, null, "the newest events were removed");
        }
        return new Result(true, checked, legacy, null, null);
    }

    /** What a verification found: intact, or the first broken link and why. */
    public record Result(boolean intact, long checked, long legacy, Long firstBrokenId, String problem) {
    }
}
