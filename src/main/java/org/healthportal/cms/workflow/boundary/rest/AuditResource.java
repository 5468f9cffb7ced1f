package org.healthportal.cms.workflow.boundary.rest;

import jakarta.inject.Inject;
import org.healthportal.cms.accounts.control.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.platform.audit.AuditVerifier;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditEvent;

/**
 * The audit trail as a whole (admins): {@code GET /api/audit} pages through it, filtered like the audit screen, and
 * {@code GET /api/audit/verify} checks its hash chain.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser currentUser;

    /** Newest first; {@code action} by wire name, {@code since} inclusive and {@code until} exclusive. */
    @GET
    public PageJson search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("target") String target, @QueryParam("articleId") Long articleId,
                           @QueryParam("since") String since, @QueryParam("until") String until,
                           @QueryParam("page") String pageParameter,
                           @QueryParam("size") String sizeParameter) {
        AuditAction wanted = null;
        if (action != null && !action.isBlank()) {
            wanted = AuditAction.fromWireName(action.strip()).orElseThrow(() -> new CmsException.InvalidInput(
                    "Unknown action '" + action + "', expected one of: " + AuditAction.wireNames()));
        }
        currentUser.requireAdmin("Only admins read the whole audit trail");
        Page<AuditEvent> found = audit.search(actor, wanted, articleId, target, instant("since", since),
                instant("until", until), Page.parameter("page", pageParameter, 0),
                Page.parameter("size", sizeParameter, 20));
        return new PageJson(found.items().stream().map(EventJson::of).toList(), found.total(), found.page(),
                found.size());
    }

    @GET
    @Path("verify")
    public AuditVerifier.Result verify() {
        currentUser.requireAdmin("Only admins verify the audit chain");
        return verifier.verify();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CmsException.InvalidInput(name + " must be an ISO-8601 instant, e.g. 2026-12-01T08:00:00Z or "
                    + "2026-12-01T08:00:00+08:00: " + value);
        }
    }

    /** A page of events, shaped as {@code GET /api/articles} answers. */
    public record PageJson(List<EventJson> items, long total, int page, int size) {
    }

    /**
     * One event: an article's ({@code articleId}, {@code revision}, states) or an admin's ({@code target}).
     * The comment is shown whole: only admins read this.
     */
    public record EventJson(Long id, Instant at, String actor, String action, String target, Long articleId,
                            Integer revision, String fromState, String toState, String comment, String hash) {
        static EventJson of(AuditEvent e) {
            return new EventJson(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction().wireName(),
                    e.getTarget(), e.getArticleId(), e.getRevisionNumber(),
                    e.getFromState(),
                    e.getToState(), e.getComment(), e.getHash());
        }
    }
}
