package org.healthportal.cms.preview.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.healthportal.cms.preview.control.PreviewLinks;
import org.healthportal.cms.preview.control.PreviewUrls;
import org.healthportal.cms.preview.entity.PreviewLink;

/** An article's preview links over JSON. The token is in the answer to the POST only, inside the url. */
@Path("articles/{id}/preview-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewLinkResource {

    @Inject
    PreviewLinks links;

    @Inject
    PreviewUrls urls;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    /** {@code hours} (default 48, 1 to 720) and an optional {@code note} for the recipient; both may be left out. */
    public record PreviewLinkInput(Integer hours, String note) {
    }

    public record CreatedJson(Long id, String url, Instant expiresAt, int revision, String note, String createdBy) {
    }

    public record PreviewLinkJson(Long id, Instant expiresAt, String createdBy, Instant createdAt, int revision,
                                  String note, Instant revokedAt, String revokedBy, Instant firstOpenedAt,
                                  String status) {
        static PreviewLinkJson of(PreviewLink l, Instant now) {
            return new PreviewLinkJson(l.getId(), l.getExpiresAt(), l.getCreatedBy(), l.getCreatedAt(),
                    l.getRevision().getNumber(), l.getNote(), l.getRevokedAt(), l.getRevokedBy(),
                    l.getFirstOpenedAt(), l.status(now).wireName());
        }
    }

    @POST
    public Response create(@PathParam("id") long articleId, PreviewLinkInput input) {
        PreviewLinkInput in = input == null ? new PreviewLinkInput(null, null) : input;
        PreviewLinks.Created created = links.create(articleId, in.hours(), in.note());
        PreviewLink l = created.link();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(l.getId())).build())
                .entity(new CreatedJson(l.getId(), urls.of(created.token()), l.getExpiresAt(),
                        l.getRevision().getNumber(), l.getNote(), l.getCreatedBy()))
                .build();
    }

    @GET
    public List<PreviewLinkJson> list(@PathParam("id") long articleId) {
        Instant now = clock.instant();
        return links.list(articleId).stream().map(l -> PreviewLinkJson.of(l, now)).toList();
    }

    @DELETE
    @Path("{linkId}")
    public Response revoke(@PathParam("id") long articleId, @PathParam("linkId") long linkId) {
        links.revoke(articleId, linkId);
        return Response.noContent().build();
    }
}
