package org.healthportal.cms.workflow.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthportal.cms.workflow.control.AuditVerifier;

/** The audit trail as a whole: {@code GET /api/audit/verify} checks its hash chain (admins). */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditVerifier verifier;

    @GET
    @Path("verify")
    public AuditVerifier.Result verify() {
        return verifier.verify();
    }
}
