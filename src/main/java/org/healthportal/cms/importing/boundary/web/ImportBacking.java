package org.healthportal.cms.importing.boundary.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.importing.control.ImportReport;
import org.healthportal.cms.importing.control.WordPressImports;
import org.healthportal.cms.importing.entity.ImportJob;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.platform.web.LocaleBacking;

/** The import screen: the upload form (posted to {@link ImportUploadServlet}), a running job's progress, its report. */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WordPressImports imports;

    @Inject
    Clock clock;

    @Inject
    LocaleBacking locale;

    private Long jobId;
    private transient ImportJob job;
    private Report report;

    /** One item of the report, as the screen lists it. */
    public record Item(long wordpressId, String title, String outcome, Long articleId, String reason,
                       List<String> notes, List<String> tags, List<String> claims) implements Serializable {
    }

    /** A report read from the job's JSON. */
    public record Report(Map<String, Integer> counts, List<String[]> authors, List<String[]> skipped,
                         List<String> notes, List<Item> items) implements Serializable {
    }

    /** Shows what the upload was refused for, once. */
    public void load() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        Object refusal = session == null ? null : session.getAttribute(ImportUploadServlet.REFUSAL);
        if (refusal instanceof CmsException refused) {
            session.removeAttribute(ImportUploadServlet.REFUSAL);
            // Said in the page's language: the view's locale is set only when it renders.
            FacesContext.getCurrentInstance().getViewRoot().setLocale(locale.getLocale());
            Feedback.error(refused);
        }
        if (jobId != null && job() == null) {
            jobId = null;
        }
    }

    public ImportJob job() {
        if (job == null && jobId != null) {
            job = imports.job(jobId).orElse(null);
        }
        return job;
    }

    /** Called by the poll: the job read afresh. */
    public void refresh() {
        job = null;
    }

    public String getStatus() {
        ImportJob j = job();
        return j == null ? null : j.statusAt(clock.instant()).wireName();
    }

    public boolean isEnded() {
        String s = getStatus();
        return "done".equals(s) || "failed".equals(s);
    }

    public String getError() {
        ImportJob j = job();
        return j == null ? null : j.errorAt(clock.instant());
    }

    public Report getReport() {
        ImportJob j = job();
        if (report == null && j != null && isEnded() && j.getReport() != null) {
            report = read(j.getReport(), locale.getLocale());
        }
        return report;
    }

    public List<ImportJob> getRecent() {
        return imports.recent(10);
    }

    public String status(ImportJob j) {
        return j.statusAt(clock.instant()).wireName();
    }

    static Report read(String json, java.util.Locale language) {
        JsonObject r;
        try (var reader = Json.createReader(new StringReader(json))) {
            r = ImportReport.render(reader.readObject(), language);
        }
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        r.getJsonObject("counts").forEach((k, v) -> counts.put(k, ((jakarta.json.JsonNumber) v).intValue()));
        List<String[]> authors = new ArrayList<>();
        r.getJsonObject("authors").forEach((login, v) -> {
            String mapped = ((JsonString) v).getString();
            int paren = mapped.lastIndexOf(" (");
            authors.add(new String[]{login, paren < 0 ? mapped : mapped.substring(0, paren),
                    paren < 0 ? "" : mapped.substring(paren + 2, mapped.length() - 1)});
        });
        List<String[]> skipped = new ArrayList<>();
        r.getJsonObject("skippedByReason").forEach((reason, n) -> skipped.add(new String[]{reason, n.toString()}));
        List<Item> items = r.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> new Item(
                i.getJsonNumber("wordpressId").longValue(), i.getString("title"), i.getString("outcome"),
                i.containsKey("articleId") ? i.getJsonNumber("articleId").longValue() : null,
                i.getString("reason", null), strings(i, "notes"), strings(i, "tags"), strings(i, "claims"))).toList();
        return new Report(counts, authors, skipped, strings(r, "notes"), items);
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    public Long getJobId() {
        return jobId;
    }

    public void setJobId(Long jobId) {
        this.jobId = jobId;
    }
}
