package org.healthportal.cms.importing.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, item by item, for the person who ran it and for the audit: what became a draft (with what
 * needs work: claims findings, images without alt text, dropped shortcodes, tags), what was there already, what was
 * skipped and why, how authors were mapped. Collected as the import goes; not thread-safe.
 */
public final class ImportReport {

    /** How one item ended. */
    public enum Outcome { CREATED, ALREADY_IMPORTED, SKIPPED, FAILED }

    /** One item of the export and what became of it; {@code articleId} null unless an article has it. */
    public record Line(long wordpressId, String title, Outcome outcome, Long articleId, Note reason,
                       List<Note> notes, List<String> tags, List<String> claims) {
    }

    private final String fileName;
    private String siteUrl = "";
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, String> authors = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private int categoriesCreated;
    private int categoriesExisting;
    private int imagesImported;
    private int imagesMissing;

    public ImportReport(String fileName) {
        this.fileName = fileName;
    }

    public void site(String url) {
        siteUrl = url == null ? "" : url;
    }

    public void add(Line line) {
        lines.add(line);
    }

    /** {@code login} of the old site → the account its posts went to, and how ("login" or "chosen"). */
    public void author(String login, String account, String how) {
        authors.put(login, account + " (" + how + ")");
    }

    public void note(Note note) {
        notes.add(note);
    }

    public void category(boolean created) {
        if (created) {
            categoriesCreated++;
        } else {
            categoriesExisting++;
        }
    }

    public void image(boolean imported) {
        if (imported) {
            imagesImported++;
        } else {
            imagesMissing++;
        }
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Skipped items counted by reason. */
    public Map<Note, Long> skippedByReason() {
        Map<Note, Long> counts = new LinkedHashMap<>();
        lines.stream().filter(l -> l.outcome() == Outcome.SKIPPED)
                .forEach(l -> counts.merge(l.reason(), 1L, Long::sum));
        return counts;
    }

    /** One line for the audit trail: the file and the counts. */
    public String summary() {
        return fileName + ": " + count(Outcome.CREATED) + " created, " + count(Outcome.ALREADY_IMPORTED)
                + " already imported, " + count(Outcome.SKIPPED) + " skipped, " + count(Outcome.FAILED) + " failed; "
                + categoriesCreated + " categories created; " + imagesImported + " images, " + imagesMissing
                + " missing";
    }

    /**
     * The report as stored with its job: notes as keys and arguments ({@link Note#toJson}), so that
     * {@link #render} gives it in any language later.
     */
    public JsonObject toJson() {
        JsonObjectBuilder counts = Json.createObjectBuilder()
                .add("created", count(Outcome.CREATED))
                .add("alreadyImported", count(Outcome.ALREADY_IMPORTED))
                .add("skipped", count(Outcome.SKIPPED))
                .add("failed", count(Outcome.FAILED))
                .add("categoriesCreated", categoriesCreated)
                .add("categoriesExisting", categoriesExisting)
                .add("imagesImported", imagesImported)
                .add("imagesMissing", imagesMissing);
        JsonArrayBuilder skipped = Json.createArrayBuilder();
        skippedByReason().forEach((reason, n) -> skipped.add(Json.createObjectBuilder().add("reason", reason.toJson())
                .add("count", n)));
        JsonObjectBuilder authorMap = Json.createObjectBuilder();
        authors.forEach(authorMap::add);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Line l : lines) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("wordpressId", l.wordpressId())
                    .add("title", l.title()).add("outcome", l.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (l.articleId() != null) {
                item.add("articleId", l.articleId());
            }
            if (l.reason() != null) {
                item.add("reason", l.reason().toJson());
            }
            item.add("notes", notes(l.notes())).add("tags", Json.createArrayBuilder(l.tags()))
                    .add("claims", Json.createArrayBuilder(l.claims()));
            items.add(item);
        }
        return Json.createObjectBuilder().add("file", fileName).add("site", siteUrl).add("counts", counts)
                .add("skippedByReason", skipped).add("authors", authorMap)
                .add("notes", notes(notes)).add("items", items).build();
    }

    private static JsonArrayBuilder notes(List<Note> notes) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        notes.forEach(n -> a.add(n.toJson()));
        return a;
    }

    /**
     * A stored report for a reader: every note in {@code locale}'s words, the skipped items as reason → count. The
     * API gives it in English.
     */
    public static JsonObject render(JsonObject stored, java.util.Locale locale) {
        JsonObjectBuilder skipped = Json.createObjectBuilder();
        for (jakarta.json.JsonValue v : stored.getJsonArray("skippedByReason")) {
            JsonObject o = v.asJsonObject();
            skipped.add(Note.fromJson(o.get("reason")).in(locale), o.getJsonNumber("count").longValue());
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (jakarta.json.JsonValue v : stored.getJsonArray("items")) {
            JsonObject i = v.asJsonObject();
            JsonObjectBuilder item = Json.createObjectBuilder(i);
            if (i.containsKey("reason")) {
                item.add("reason", Note.fromJson(i.get("reason")).in(locale));
            }
            item.add("notes", rendered(i.getJsonArray("notes"), locale));
            items.add(item);
        }
        return Json.createObjectBuilder(stored).add("skippedByReason", skipped)
                .add("notes", rendered(stored.getJsonArray("notes"), locale)).add("items", items).build();
    }

    private static JsonArrayBuilder rendered(jakarta.json.JsonArray notes, java.util.Locale locale) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        notes.forEach(n -> a.add(Note.fromJson(n).in(locale)));
        return a;
    }
}
