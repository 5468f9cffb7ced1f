package org.healthportal.cms.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready once the node is stopping, so a load balancer that asks sends its traffic elsewhere; the requests still
 * in flight show how far the drain is.
 */
@Readiness
@ApplicationScoped
public class DrainingReadiness implements HealthCheck {

    @Inject
    Draining draining;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-requests").status(!draining.isDraining())
                .withData("in-flight", draining.inFlight()).withData("requests", draining.requestsInFlight()).build();
    }
}
