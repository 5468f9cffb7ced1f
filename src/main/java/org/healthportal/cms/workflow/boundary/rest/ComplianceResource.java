package org.healthportal.cms.workflow.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthportal.cms.workflow.control.ComplianceRecord;

/** The compliance record of an article, for inspectors and the archive: beside the article, drawn from the review. */
@Path("articles/{id}/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    @Inject
    ComplianceRecord complianceRecord;

    @GET
    public ComplianceRecord.Record compliance(@PathParam("id") long id) {
        return complianceRecord.of(id);
    }
}
