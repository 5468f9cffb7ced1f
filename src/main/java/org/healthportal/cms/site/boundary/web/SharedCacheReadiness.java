package org.healthportal.cms.site.boundary.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.healthportal.cms.site.control.CachePurger;
import org.healthportal.cms.site.control.SharedCaches;

/**
 * What the shared caches are owed, for whoever watches {@code /health/ready}. Always up: a cache that is away
 * does not stop this node from serving, and its purges wait in the database until it is back.
 */
@Readiness
@ApplicationScoped
public class SharedCacheReadiness implements HealthCheck {

    @Inject
    SharedCaches caches;

    @Inject
    CachePurger purger;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("shared-caches").up().withData("caches", caches.caches().size());
        if (caches.purging()) {
            response.withData("purges-owed", purger.owed()).withData("last-purge-error", purger.lastError());
        }
        return response.build();
    }
}
