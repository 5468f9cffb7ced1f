package org.healthportal.cms.notifications.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.notifications.control.MailAdministration;
import org.healthportal.cms.notifications.entity.MailMessage;
import org.healthportal.cms.notifications.entity.MailStatus;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Page;

/**
 * The outbox for admins: {@code GET /api/mail?status=queued|sending|sent|failed&page=&size=} (newest first, without
 * the bodies), {@code POST /api/mail/{id}/retry}, and {@code POST /api/mail/digests} to write the digests now.
 */
@Path("mail")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    @Inject
    MailAdministration administration;

    @GET
    public PageJson list(@QueryParam("status") String status, @QueryParam("page") String pageParameter,
                         @QueryParam("size") String sizeParameter) {
        MailStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = MailStatus.fromWireName(status.strip()).orElseThrow(() -> new CmsException.InvalidInput(
                    "Unknown status '" + status + "', expected queued, sending, sent or failed"));
        }
        Page<MailMessage> found = administration.messages(wanted, Page.parameter("page", pageParameter, 0),
                Page.parameter("size", sizeParameter, 20));
        Map<String, Long> counts = new LinkedHashMap<>();
        administration.counts().forEach((s, n) -> counts.put(s.wireName(), n));
        return new PageJson(found.items().stream().map(MailJson::of).toList(), found.total(), found.page(),
                found.size(), counts, administration.smtp());
    }

    @POST
    @Path("{id}/retry")
    public Map<String, Object> retry(@PathParam("id") long id) {
        administration.retry(id);
        return Map.of("id", id, "status", MailStatus.QUEUED.wireName());
    }

    @POST
    @Path("digests")
    public Map<String, Integer> digests() {
        return Map.of("sent", administration.sendDigestsNow());
    }

    public record PageJson(List<MailJson> items, long total, int page, int size, Map<String, Long> counts,
                           MailAdministration.Smtp smtp) {
    }

    /** One message, without its bodies. */
    public record MailJson(Long id, String recipient, String to, String kind, String subject, String messageId,
                           String status, int attempts, Instant nextAttemptAt, String claimedBy, String lastError,
                           Instant createdAt, Instant sentAt) {
        static MailJson of(MailMessage m) {
            return new MailJson(m.getId(), m.getRecipient().getUsername(), m.getToAddress(), m.getKind(),
                    m.getSubject(), m.getMessageId(), m.getStatus().wireName(), m.getAttempts(), m.getNextAttemptAt(),
                    m.getClaimedBy(), m.getLastError(), m.getCreatedAt(), m.getSentAt());
        }
    }
}
