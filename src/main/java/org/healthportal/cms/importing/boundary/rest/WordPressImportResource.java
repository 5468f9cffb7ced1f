package org.healthportal.cms.importing.boundary.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.healthportal.cms.importing.control.ImportOptions;
import org.healthportal.cms.importing.control.ImportReport;
import org.healthportal.cms.importing.control.UploadFiles;
import org.healthportal.cms.importing.control.WordPressImports;
import org.healthportal.cms.importing.control.WxrException;
import org.healthportal.cms.importing.entity.ImportJob;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.rest.ErrorMapper;

/**
 * {@code POST /api/import/wordpress} (admins; multipart: {@code wxr}, the export, and optionally {@code uploads}, a
 * zip of {@code wp-content/uploads}; fields {@code pages}, {@code unpublished}, {@code submit}, {@code fetchImages}
 * ("true" to choose) and {@code author}, the account for posts whose author has none here). A malformed export
 * answers 400 with its line and column and imports nothing. Otherwise the import runs: an import that ends within
 * {@code ?wait=} seconds (default 10, at most 60) answers 200 with its report, a longer one 202 with the job and
 * {@code Location: /api/import/wordpress/{id}}, to poll (with {@code ?wait=} too) until {@code status} is
 * {@code done} or {@code failed}. {@code GET /api/import/wordpress} lists the newest imports.
 */
@Path("import/wordpress")
@Produces(MediaType.APPLICATION_JSON)
public class WordPressImportResource {

    @Inject
    WordPressImports imports;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response start(List<EntityPart> parts, @QueryParam("wait") String waitParameter, @Context UriInfo uri) {
        Duration wait = Duration.ofSeconds(seconds(waitParameter));
        java.nio.file.Path wxr = null;
        java.nio.file.Path uploads = null;
        String fileName = "export.xml";
        boolean pages = false;
        boolean unpublished = false;
        boolean submit = false;
        boolean fetch = false;
        String author = null;
        try {
            for (EntityPart part : parts) {
                switch (part.getName()) {
                    case "wxr" -> {
                        fileName = part.getFileName().filter(n -> !n.isBlank()).orElse(fileName);
                        UploadFiles.delete(wxr);
                        wxr = imports.receiveExport(part.getContent());
                    }
                    case "uploads" -> {
                        UploadFiles.delete(uploads);
                        uploads = imports.receiveUploads(part.getContent());
                    }
                    case "pages" -> pages = yes(part);
                    case "unpublished" -> unpublished = yes(part);
                    case "submit" -> submit = yes(part);
                    case "fetchImages" -> fetch = yes(part);
                    case "author" -> author = text(part);
                    default -> {
                        // Other fields are not ours; ignored.
                    }
                }
            }
            if (wxr == null) {
                throw new CmsException.InvalidInput("The WordPress export is missing: send it as the multipart field 'wxr'");
            }
            if (Files.size(wxr) == 0) {
                throw new CmsException.InvalidInput("The WordPress export is empty");
            }
        } catch (IOException | RuntimeException e) {
            UploadFiles.delete(wxr);
            UploadFiles.delete(uploads);
            if (e instanceof IOException) {
                throw new CmsException.InvalidInput("The upload could not be read: " + e.getMessage());
            }
            throw (RuntimeException) e;
        }
        ImportJob job;
        try {
            job = imports.start(new WordPressImports.Upload(fileName, wxr, uploads),
                    new ImportOptions(pages, unpublished, submit, fetch, author));
        } catch (WxrException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(Json.createObjectBuilder().add("error", e.getMessage()).add("line", e.line())
                            .add("column", e.column()).build()).build();
        }
        java.net.URI location = uri.getBaseUriBuilder().path("import/wordpress/{id}").build(job.getId());
        if (imports.awaitEnd(job.getId(), wait)) {
            ImportJob ended = imports.job(job.getId()).orElse(job);
            return Response.ok(json(ended)).location(location).build();
        }
        return Response.accepted(json(imports.job(job.getId()).orElse(job))).location(location).build();
    }

    /** The job, with its report once it ended; {@code ?wait=} seconds to wait for the end (on the node running it). */
    @GET
    @Path("{id}")
    public JsonObject job(@PathParam("id") long id, @QueryParam("wait") String waitParameter) {
        ImportJob job = imports.job(id).orElseThrow(() -> new CmsException.NotFound("No import " + id));
        if (waitParameter != null && !waitParameter.isBlank()) {
            imports.awaitEnd(id, Duration.ofSeconds(seconds(waitParameter)));
            job = imports.job(id).orElse(job);
        }
        return json(job);
    }

    /** The newest imports, without their reports. */
    @GET
    public List<JsonObject> recent() {
        return imports.recent(20).stream().map(j -> summary(j).build()).toList();
    }

    private JsonObject json(ImportJob job) {
        JsonObjectBuilder b = summary(job);
        if (job.getReport() != null && !job.getReport().isBlank()) {
            try (var reader = Json.createReader(new StringReader(job.getReport()))) {
                // The API speaks English; the screen shows the same report in the reader's language.
                b.add("report", ImportReport.render(reader.readObject(), Locale.ENGLISH));
            }
        }
        return b.build();
    }

    private JsonObjectBuilder summary(ImportJob job) {
        Instant now = clock.instant();
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", job.getId())
                .add("status", job.statusAt(now).wireName()).add("file", job.getFileName())
                .add("site", job.getSiteUrl() == null ? "" : job.getSiteUrl()).add("by", job.getActor())
                .add("options", job.getOptions()).add("total", job.getTotalItems()).add("done", job.getDoneItems())
                .add("percent", job.percent()).add("createdAt", job.getCreatedAt().toString());
        if (job.getFinishedAt() != null) {
            b.add("finishedAt", job.getFinishedAt().toString());
        }
        String error = job.errorAt(now);
        if (error != null) {
            b.add("error", error);
        }
        return b;
    }

    private static boolean yes(EntityPart part) throws IOException {
        String v = text(part);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("on"));
    }

    private static String text(EntityPart part) throws IOException {
        try (InputStream in = part.getContent()) {
            String v = new String(in.readNBytes(1000), java.nio.charset.StandardCharsets.UTF_8).strip();
            return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT).equals("false") ? "false" : v;
        }
    }

    private static long seconds(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return 10;
        }
        try {
            long s = Long.parseLong(parameter.strip());
            if (s < 0 || s > 60) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new CmsException.InvalidInput("wait must be a number of seconds from 0 to 60");
        }
    }
}
