package org.healthportal.cms.compliance.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.healthportal.cms.compliance.entity.Disclaimer;

/** The disclaimer versions; the newest is the one a publication records. */
@Stateless
public class DisclaimerService {

    @PersistenceContext
    EntityManager em;

    public Disclaimer current() {
        return em.createNamedQuery("Disclaimer.current", Disclaimer.class).setMaxResults(1)
                .getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No disclaimer: the V2 migration inserts the first one"));
    }
}
