package org.healthportal.cms.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;

/** Test data through the API, each test making its own. */
public final class Articles {

    private Articles() {
    }

    /** A leaf category of the demo tree. */
    public static long categoryId() {
        return Api.as("editor").get("/api/categories").array().stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("slug").equals("zhenci-liaofa")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    public static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonObject create(String title) {
        Api.Response r = Api.as("editor").post("/api/articles", json(title, "针灸治疗的摘要：可以辅助恢复。",
                "<h2>1、改善局部微循环</h2><p>针刺可能改善血液循环，具体效果因人而异。</p>", categoryId(), null).toString());
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    public static JsonObject json(String title, String summary, String body, long categoryId, Long version) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("title", title).add("summary", summary).add("body", body)
                .add("categoryId", categoryId)
                // What review needs besides the text: source, author, audience and a reference.
                .add("source", "测试编辑部").add("byline", "李编辑").add("audience", "成年读者")
                .add("references", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "针灸学").add("publisher", "人民卫生出版社").add("year", 2021)));
        if (version != null) {
            b.add("version", version);
        }
        return b.build();
    }

    public static Api.Response transition(String user, long id, String action) {
        return transition(user, id, action, null);
    }

    public static Api.Response transition(String user, long id, String action, String comment) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("action", action);
        if (comment != null) {
            b.add("comment", comment);
        }
        return Api.as(user).post("/api/articles/" + id + "/transitions", b.build().toString());
    }

    public static JsonObject ok(Api.Response r) {
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** A published article, walked through the workflow by editor and reviewer. */
    public static JsonObject published(String title) {
        long id = create(title).getJsonNumber("id").longValue();
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "approve"));
        return ok(transition("editor", id, "publish"));
    }

    /**
     * Brings the article's scheduled publication to now, behind the server's back: the test schedules it an hour
     * ahead (a schedule a few seconds ahead became a publication at once whenever the request took longer), and the
     * scheduler, which reads the time from the database at every tick, finds it due.
     */
    public static void makeScheduleDue(long articleId) {
        try (Connection db = CmsServer.database(); PreparedStatement s = db.prepareStatement(
                "UPDATE revision SET publish_at = ? WHERE article_id = ? AND publish_at IS NOT NULL")) {
            s.setObject(1, LocalDateTime.of(2020, 1, 1, 0, 0));
            s.setLong(2, articleId);
            assertEquals(1, s.executeUpdate(), "one scheduled revision of article " + articleId);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static long id(JsonObject article) {
        return article.getJsonNumber("id").longValue();
    }
}
