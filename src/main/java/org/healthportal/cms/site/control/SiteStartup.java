package org.healthportal.cms.site.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Starts the public site's change tracking and index build once the database is migrated ({@code Bootstrap}). */
@Singleton
@Startup
@DependsOn("Bootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SiteStartup {

    @Inject
    SiteChanges changes;

    @Inject
    CachePurger purger;

    @PostConstruct
    void start() {
        changes.start();
        purger.start();
    }
}
