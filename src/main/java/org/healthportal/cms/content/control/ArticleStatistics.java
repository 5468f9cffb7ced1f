package org.healthportal.cms.content.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;
import org.healthportal.cms.content.entity.RevisionState;

/** Counts for dashboards, grouped in the database. */
@Stateless
public class ArticleStatistics {

    @PersistenceContext
    EntityManager em;

    /** Articles per state of their latest revision. */
    public Map<RevisionState, Long> countByState() {
        Map<RevisionState, Long> counts = new EnumMap<>(RevisionState.class);
        for (RevisionState s : RevisionState.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("SELECT a.listing.state, COUNT(a) FROM Article a GROUP BY a.listing.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((RevisionState) row[0], (Long) row[1]));
        return counts;
    }
}
