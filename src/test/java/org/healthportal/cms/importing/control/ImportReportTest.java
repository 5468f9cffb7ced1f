package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    @Test
    void theReportCountsEveryOutcomeAndKeepsEachItemsNotes() {
        ImportReport report = new ImportReport("中医养生网.xml");
        report.site("https://old.example.cn");
        report.author("lihua", "editor", "login");
        report.author("ghost", "doctor", "chosen");
        report.category(true);
        report.category(false);
        report.image(true);
        report.image(false);
        report.add(new ImportReport.Line(12, "针刺疗法与康复", ImportReport.Outcome.CREATED, 40L, null,
                List.of(Note.of("note.noAlt", "/media/3/x.png")), List.of("睡眠"), List.of("根治")));
        report.add(new ImportReport.Line(13, "旧文", ImportReport.Outcome.ALREADY_IMPORTED, 41L, null, List.of(),
                List.of(), List.of()));
        report.add(new ImportReport.Line(14, "修订", ImportReport.Outcome.SKIPPED, null, Note.of("skip.revision"), List.of(),
                List.of(), List.of()));
        report.add(new ImportReport.Line(15, "修订二", ImportReport.Outcome.SKIPPED, null, Note.of("skip.revision"), List.of(),
                List.of(), List.of()));
        JsonObject json = ImportReport.render(report.toJson(), java.util.Locale.ENGLISH);
        assertEquals("中医养生网.xml", json.getString("file"));
        JsonObject counts = json.getJsonObject("counts");
        assertEquals(1, counts.getInt("created"));
        assertEquals(1, counts.getInt("alreadyImported"));
        assertEquals(2, counts.getInt("skipped"));
        assertEquals(1, counts.getInt("imagesMissing"));
        assertEquals(2, json.getJsonObject("skippedByReason").getInt("revision"));
        assertEquals("doctor (chosen)", json.getJsonObject("authors").getString("ghost"));
        JsonObject first = json.getJsonArray("items").getJsonObject(0);
        assertEquals("created", first.getString("outcome"));
        assertEquals(40, first.getInt("articleId"));
        assertEquals("根治", first.getJsonArray("claims").getString(0));
        assertEquals("image /media/3/x.png has no alt text: describe it before review",
                first.getJsonArray("notes").getString(0));
        JsonObject chinese = ImportReport.render(report.toJson(), java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(2, chinese.getJsonObject("skippedByReason").getInt("修订版本"), "the same report in Chinese");
        assertEquals("图片 /media/3/x.png 没有替代文本，提交审核前请补写",
                chinese.getJsonArray("items").getJsonObject(0).getJsonArray("notes").getString(0));
        assertEquals("中医养生网.xml: 1 created, 1 already imported, 2 skipped, 0 failed; 1 categories created;"
                + " 1 images, 1 missing", report.summary());
    }
}
