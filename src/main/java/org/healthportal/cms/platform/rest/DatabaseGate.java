package org.healthportal.cms.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.healthportal.cms.platform.DatabaseAvailability;

/**
 * While the database does not answer, every API call answers 503 at once: each one needs it, and waiting for a
 * connection would hold the request thread for nothing.
 */
@Provider
@PreMatching
public class DatabaseGate implements ContainerRequestFilter {

    @Inject
    DatabaseAvailability database;

    @Override
    public void filter(ContainerRequestContext request) {
        if (database.isDown()) {
            request.abortWith(unavailable(database.retryAfterSeconds()));
        }
    }

    static Response unavailable(long retryAfter) {
        return Response.fromResponse(ErrorMapper.error(503, "The database is unavailable: try again shortly"))
                .header("Retry-After", retryAfter).build();
    }
}
