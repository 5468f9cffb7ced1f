package org.healthportal.cms.content.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.control.LicenceDisclosure;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.content.control.ArticleQuery;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.content.control.Sources;
import org.healthportal.cms.content.entity.Reference;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.control.ArticleDraft;
import org.healthportal.cms.content.control.ArticlePermissions;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.platform.audit.AuditEvent;
import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.WorkflowAction;

/** Articles and their workflow over JSON. Only parsing and shaping here; the services decide. */
@Path("articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    ArticleService articles;

    @Inject
    ArticleChanges changes;

    @Inject
    ArticlePermissions permissions;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    @Inject
    ClaimsService claims;

    @Inject
    LicenceDisclosure licences;

    @Context
    UriInfo uriInfo;

    @GET
    public PageJson list(@QueryParam("state") String state, @QueryParam("categoryId") Long categoryId,
                         @QueryParam("author") String author, @QueryParam("q") String text,
                         @QueryParam("sort") @DefaultValue("updated") String sort,
                         @QueryParam("dir") @DefaultValue("desc") String dir,
                         @QueryParam("page") @Parameter(description = "zero-based page",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                         String pageParameter,
                         @QueryParam("size") @Parameter(description = "items per page",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + Page.MAX_SIZE,
                                         defaultValue = "20"))
                         String sizeParameter) {
        // As strings: JAX-RS answers a non-number in an int parameter with 404; this is a 400 that says why.
        int page = Page.parameter("page", pageParameter, 0);
        int size = Page.parameter("size", sizeParameter, 20);
        ArticleQuery.Sort by;
        try {
            by = ArticleQuery.Sort.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CmsException.InvalidInput("Unknown sort '" + sort + "', expected one of: updated, title, state,"
                    + " author, published, review-due");
        }
        if (!dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
            throw new CmsException.InvalidInput("Unknown dir '" + dir + "', expected asc or desc");
        }
        RevisionState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = RevisionState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CmsException.InvalidInput("Unknown state '" + state + "', expected one of: "
                        + java.util.Arrays.toString(RevisionState.values()));
            }
        }
        Page<Article> found = articles.list(ArticleQuery.all().withState(wanted).withCategory(categoryId).withAuthor(author)
                .withText(text).sortedBy(by, dir.equalsIgnoreCase("asc")), page, size);
        return new PageJson(found.items().stream().map(ArticleSummaryJson::of).toList(), found.total(),
                found.page(), found.size());
    }

    @POST
    public Response create(ArticleInput input) {
        ArticleInput in = require(input);
        Article article = changes.create(in.draft());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(article.getId())).build())
                .entity(json(article)).build();
    }

    @GET
    @Path("{id}")
    public ArticleJson get(@PathParam("id") long id) {
        return json(articles.get(id));
    }

    @PUT
    @Path("{id}")
    public ArticleJson update(@PathParam("id") long id, ArticleInput input) {
        ArticleInput in = require(input);
        // Text and a new address in one transaction: a refused address saves nothing.
        return json(changes.save(id, in.version(), in.draft()));
    }

    @POST
    @Path("{id}/transitions")
    public ArticleJson transition(@PathParam("id") long id, TransitionInput input) {
        TransitionInput in = require(input);
        if (in.action() == null || in.action().isBlank()) {
            throw new CmsException.InvalidInput("action is required, one of: " + WorkflowAction.wireNames());
        }
        WorkflowAction action = WorkflowAction.fromWireName(in.action().strip())
                .orElseThrow(() -> new CmsException.InvalidInput("Unknown action '" + in.action()
                        + "', expected one of: " + WorkflowAction.wireNames()));
        if (in.publishAt() != null && action != WorkflowAction.PUBLISH) {
            throw new CmsException.InvalidInput("publishAt goes with the publish action only");
        }
        return json(changes.apply(id, action, in.comment(), parseInstant(in.publishAt()),
                in.justifications() == null ? Map.of() : in.justifications()));
    }

    @GET
    @Path("{id}/revisions")
    public List<RevisionJson> revisions(@PathParam("id") long id) {
        return articles.revisions(id).stream().map(r -> RevisionJson.of(r, false, licences)).toList();
    }

    @GET
    @Path("{id}/revisions/{number}")
    public RevisionJson revision(@PathParam("id") long id, @PathParam("number") int number) {
        return articles.revisions(id).stream().filter(r -> r.getNumber() == number).findFirst()
                .map(r -> RevisionJson.of(r, true, licences))
                .orElseThrow(() -> new CmsException.NotFound("Article " + id + " has no revision " + number));
    }

    /** The claims check of the latest revision: what the dictionary flags now, and what was justified at submission. */
    @GET
    @Path("{id}/claims")
    public ClaimsJson claims(@PathParam("id") long id) {
        Revision latest = articles.get(id).getLatestRevision();
        return new ClaimsJson(latest.getNumber(), claims.check(latest),
                claims.recorded(latest).stream().map(f -> new RecordedJson(f.getTerm(), f.getKind().name(),
                        f.getOccurrences(), f.getExcerpt(), f.getJustification(), f.getCheckedBy())).toList());
    }

    /** The claims check of a revision. */
    public record ClaimsJson(int revision, List<ClaimsCheck.Finding> current, List<RecordedJson> recorded) {
    }

    /** A finding recorded at submission, with its justification. */
    public record RecordedJson(String term, String kind, int occurrences, String excerpt, String justification,
                               String checkedBy) {
    }

    @GET
    @Path("{id}/audit")
    public List<AuditJson> audit(@PathParam("id") long id) {
        articles.get(id);
        return audit.forArticle(id).stream().map(e -> AuditJson.of(e, licences)).toList();
    }

    private ArticleJson json(Article article) {
        return ArticleJson.of(article, permissions.allowedActions(currentUser.require(), article));
    }

    private static <T> T require(T input) {
        if (input == null) {
            throw new CmsException.InvalidInput("A JSON body is required");
        }
        return input;
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CmsException.InvalidInput("publishAt must be an ISO-8601 time with offset, e.g. "
                    + "2026-12-01T08:00:00+08:00: " + value);
        }
    }

    /** A page of articles. */
    public record PageJson(List<ArticleSummaryJson> items, long total, int page, int size) {
    }

    /** An article in a list: no body. */
    public record ArticleSummaryJson(Long id, String slug, String title, String summary, Long categoryId,
                                     String state, long version, boolean live, String author, Instant updatedAt) {
        static ArticleSummaryJson of(Article a) {
            Revision r = a.getLatestRevision();
            return new ArticleSummaryJson(a.getId(), a.getSlug(), r.getTitle(), r.getSummary(),
                    r.getCategory().getId(), r.getState().name(), a.getVersion(), a.isLive(),
                    r.getAuthor().getUsername(), r.getUpdatedAt());
        }
    }

    /** The body of a create or an update; {@code version} is required on update, {@code slug} optional on create. */
    public record ArticleInput(String title, String summary, String body, Long categoryId, String slug, Long version,
                               String source, String byline, String audience, List<ReferenceJson> references) {
        ArticleDraft draft() {
            return new ArticleDraft(title, summary, body, categoryId, slug, sources());
        }

        Sources sources() {
            return new Sources(source, byline, audience, references == null ? List.of()
                    : references.stream().map(r -> {
                        if (r == null) {
                            throw new CmsException.InvalidInput("A reference may not be null");
                        }
                        return new Reference(r.title(), r.publisher(), r.year(), r.link());
                    }).toList());
        }
    }

    /** A reference: title, publisher or journal, year, URL or DOI. */
    public record ReferenceJson(String title, String publisher, Integer year, String link) {
        static ReferenceJson of(Reference r) {
            return new ReferenceJson(r.getTitle(), r.getPublisher(), r.getYear(), r.getLink());
        }
    }

    /** The body of a transition request. */
    public record TransitionInput(String action, String comment, String publishAt, Map<String, String> justifications) {
    }

    /** A revision; the body only when asked for one revision; the approver's licence number for admins only. */
    public record RevisionJson(Long id, int number, String state, String title, String summary, String body,
                               Long categoryId, String author, Instant createdAt, Instant updatedAt,
                               String contentHash, Instant submittedAt, String approvedBy, Instant approvedAt,
                               Instant scheduledFor, Instant publishedAt, Integer disclaimerVersion,
                               String approvalCredentials) {
        static RevisionJson of(Revision r, boolean withBody, LicenceDisclosure licences) {
            return new RevisionJson(r.getId(), r.getNumber(), r.getState().name(), r.getTitle(), r.getSummary(),
                    withBody ? r.getBody() : null, r.getCategory().getId(), r.getAuthor().getUsername(),
                    r.getCreatedAt(), r.getUpdatedAt(), r.getContentHash(), r.getSubmittedAt(),
                    r.getApprovedBy() == null ? null : r.getApprovedBy().getUsername(), r.getApprovedAt(),
                    r.getPublishAt(), r.getPublishedAt(),
                    r.getDisclaimer() == null ? null : r.getDisclaimer().getVersionNumber(),
                    licences.shown(r.getApprovalCredentials()));
        }
    }

    /** One audit event; a re-review's comment carries the reviewer's credentials, the licence for admins only. */
    public record AuditJson(Long id, Instant at, String actor, String action, Integer revision, String fromState,
                            String toState, String comment) {
        static AuditJson of(AuditEvent e, LicenceDisclosure licences) {
            return new AuditJson(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction().wireName(),
                    e.getRevisionNumber(), e.getFromState(),
                    e.getToState(), licences.shown(e.getComment()));
        }
    }
}
