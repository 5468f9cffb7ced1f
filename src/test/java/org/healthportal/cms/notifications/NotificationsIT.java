package org.healthportal.cms.notifications;

import static org.healthportal.cms.testsupport.Articles.create;
import static org.healthportal.cms.testsupport.Articles.id;
import static org.healthportal.cms.testsupport.Articles.makeScheduleDue;
import static org.healthportal.cms.testsupport.Articles.ok;
import static org.healthportal.cms.testsupport.Articles.published;
import static org.healthportal.cms.testsupport.Articles.transition;
import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.healthportal.cms.testsupport.Poll.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.healthportal.cms.testsupport.Smtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * Who hears what, through the API a person reads their own notifications with. Every article here has a title
 * of its own, so each test looks at exactly what it caused among everything the other tests tell the demo
 * accounts. "Only them" is checked against every demo account.
 */
class NotificationsIT {

    private static final List<String> EVERYONE = List.of("admin", "editor", "reviewer", "doctor", "retired");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aSubmissionReachesTheReviewersWhoMayApproveItAndNobodyElse() {
        String title = uniqueTitle("通知提交");
        long id = id(create(title));
        ok(transition("editor", id, "submit"));
        // reviewer passes the gate for 针刺疗法; doctor's specialties do not cover it, retired's lapsed.
        Map<String, List<JsonObject>> told = awaitTold(title, "submitted", Set.of("reviewer"));
        JsonObject n = told.get("reviewer").get(0);
        assertEquals(id, n.getJsonNumber("articleId").longValue());
        assertTrue(n.getString("text").contains("李编辑") && n.getString("text").contains(title), n.toString());
        assertTrue(n.getString("link").endsWith("/admin/articles/review.xhtml?id=" + id), n.getString("link"));
        assertFalse(n.getBoolean("read"));
    }

    @Test
    void changesRequestedReachTheAuthorWithTheCommentButNotTheReviewer() {
        String title = uniqueTitle("通知修改");
        long id = id(create(title));
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "request-changes", "请补充禁忌人群"));
        JsonObject n = awaitTold(title, "changes-requested", Set.of("editor")).get("editor").get(0);
        assertEquals("请补充禁忌人群", n.getString("comment"));
        assertTrue(n.getString("text").contains("王医生"), n.toString());
        assertTrue(n.getString("link").endsWith("/admin/articles/edit.xhtml?id=" + id));
    }

    @Test
    void approvalPublicationTakedownAndCorrectionReachAuthorApproverAndAdminsAsTheIssueSays() {
        String title = uniqueTitle("通知发布");
        long id = id(published(title));
        // The approver approved (own action: not told of it); the editor published (own action).
        awaitTold(title, "approved", Set.of("editor"));
        awaitTold(title, "published", Set.of("reviewer"));
        ok(transition("editor", id, "correct", "第2节剂量更正"));
        Map<String, List<JsonObject>> corrected = awaitTold(title, "corrected", Set.of("reviewer", "admin"));
        assertEquals("第2节剂量更正", corrected.get("admin").get(0).getString("comment"));
        ok(transition("reviewer", id, "takedown", "剂量错误，立即下线"));
        Map<String, List<JsonObject>> takenDown = awaitTold(title, "takedown", Set.of("editor", "admin"));
        assertEquals("剂量错误，立即下线", takenDown.get("editor").get(0).getString("comment"));
        assertTrue(takenDown.get("editor").get(0).getString("link").endsWith("/admin/articles/history.xhtml?id=" + id));
    }

    @Test
    void aFailedScheduledPublicationReachesTheAuthorAndTheApprover() throws Exception {
        String title = uniqueTitle("通知定时失败");
        long id = id(create(title));
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "approve"));
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).toString();
        ok(Api.as("editor").post("/api/articles/" + id + "/transitions",
                Json.createObjectBuilder().add("action", "publish").add("publishAt", at).build().toString()));
        // The approval no longer matches the text when the time comes: the scheduler refuses to publish it.
        try (Connection db = CmsServer.database();
             PreparedStatement s = db.prepareStatement("UPDATE revision SET approved_hash = ? WHERE article_id = ?")) {
            s.setString(1, "0".repeat(64));
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
        makeScheduleDue(id);
        Map<String, List<JsonObject>> told = awaitTold(title, "schedule-failed", Set.of("editor", "reviewer"));
        assertTrue(told.get("editor").get(0).getString("actor").startsWith("system:"));
    }

    @Test
    void aScheduledPublicationReachesTheAuthorAsWellSinceTheSchedulerDidIt() {
        String title = uniqueTitle("通知定时发布");
        long id = id(create(title));
        ok(transition("editor", id, "submit"));
        ok(transition("reviewer", id, "approve"));
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).toString();
        ok(Api.as("editor").post("/api/articles/" + id + "/transitions",
                Json.createObjectBuilder().add("action", "publish").add("publishAt", at).build().toString()));
        makeScheduleDue(id);
        Map<String, List<JsonObject>> told = awaitTold(title, "published", Set.of("editor", "reviewer"));
        assertEquals("system:scheduler", told.get("editor").get(0).getString("actor"));
    }

    @Test
    void aReviewDueWithinThirtyDaysAndAnOverdueOneReachTheLastReviewerAndTheCategorysEditors() throws Exception {
        String soon = uniqueTitle("通知复审将到期");
        long soonId = id(published(soon));
        setNextReviewDue(soonId, Instant.now().plus(Duration.ofDays(10)));
        Map<String, List<JsonObject>> due = awaitTold(soon, "review-due", Set.of("reviewer", "editor"));
        String date = LocalDate.now(ZoneOffset.ofHours(8)).plusDays(10).toString();
        assertTrue(due.get("reviewer").get(0).getString("text").contains(date), due.toString());

        String late = uniqueTitle("通知复审逾期");
        long lateId = id(published(late));
        setNextReviewDue(lateId, Instant.now().minus(Duration.ofDays(1)));
        awaitTold(late, "review-overdue", Set.of("reviewer", "editor"));
        // Said once per due date, however often the reminder scan runs.
        awaitTold(soon, "review-due", Set.of("reviewer", "editor"));
        assertEquals(1, inbox("reviewer").stream().filter(n -> n.getString("subject").equals(soon)
                && n.getString("kind").equals("review-due")).count());
    }

    @Test
    void aPasswordResetAndARoleChangeReachThePersonInTheirLanguage() {
        String username = "nt" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Harbor-" + UUID.randomUUID().toString().substring(0, 12) + "-lamp";
        Api.Response created = Api.as("admin").post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("displayName", "通知测试").add("roles", Json.createArrayBuilder().add("EDITOR"))
                .add("password", password).build().toString());
        assertEquals(201, created.status(), created.toString());
        Api person = Api.as(username, password);
        assertEquals(200, person.put("/api/notifications/preferences", "{\"language\":\"en\"}").status());
        ok(Api.as("admin").put("/api/accounts/" + username, "{\"roles\":[\"EDITOR\",\"REVIEWER\"]}"));
        JsonObject roles = await(() -> person.get("/api/notifications").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(n -> n.getString("kind").equals("roles-changed")).findFirst()
                .orElse(null), "the role change is told");
        assertTrue(roles.getString("text").contains("Medical reviewer"), "in English, the roles by name: " + roles);
        String reset = "Harbor-" + UUID.randomUUID().toString().substring(0, 12) + "-lamp";
        assertEquals(204, Api.as("admin").post("/api/accounts/" + username + "/password",
                Json.createObjectBuilder().add("password", reset).build().toString()).status());
        // Until they choose a new password the API turns them away; the notification waits in their inbox.
        assertEquals(1, countIn(username, "password-reset"));
        assertEquals(0, countIn("admin", "password-reset"), "the admin is not told of their own action");
    }

    @Test
    void lapsingCredentialsReachTheReviewer() {
        String username = "nc" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Harbor-" + UUID.randomUUID().toString().substring(0, 12) + "-lamp";
        assertEquals(201, Api.as("admin").post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("roles", Json.createArrayBuilder().add("REVIEWER")).add("password", password).build().toString())
                .status());
        String until = LocalDate.now(ZoneOffset.ofHours(8)).plusDays(20).toString();
        ok(Api.as("admin").put("/api/accounts/" + username, Json.createObjectBuilder().add("credentials",
                Json.createObjectBuilder().add("title", "主治医师").add("institution", "示例医院").add("specialty", "针灸科")
                        .add("licence", "110000000000777").add("verifiedUntil", until)).build().toString()));
        JsonObject n = await(() -> Api.as(username, password).get("/api/notifications").json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).filter(x -> x.getString("kind").equals("credentials-lapsing"))
                .findFirst().orElse(null), "the lapsing credentials are told");
        assertTrue(n.getString("text").contains(until), n.toString());
    }

    @Test
    void readUnreadAndSomeoneElsesNotification() {
        String title = uniqueTitle("通知已读");
        long id = id(create(title));
        ok(transition("editor", id, "submit"));
        JsonObject n = awaitTold(title, "submitted", Set.of("reviewer")).get("reviewer").get(0);
        long nid = n.getJsonNumber("id").longValue();
        Api reviewer = Api.as("reviewer");
        assertTrue(reviewer.get("/api/notifications?unread=true&size=100").json().getJsonArray("items").stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == nid));
        assertEquals(404, Api.as("editor").post("/api/notifications/" + nid + "/read", "").status(),
                "someone else's notification is as unknown as a missing one");
        JsonObject read = ok(reviewer.post("/api/notifications/" + nid + "/read", ""));
        assertTrue(read.getBoolean("read"));
        assertFalse(reviewer.get("/api/notifications?unread=true&size=100").json().getJsonArray("items").stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == nid));
        ok(reviewer.post("/api/notifications/read-all", ""));
        assertEquals(0, reviewer.get("/api/notifications?unread=true").json().getInt("unread"));
        assertEquals(400, reviewer.get("/api/notifications?unread=maybe").status());
        assertEquals(400, reviewer.get("/api/notifications?size=1000").status());
        assertEquals(401, Api.anonymous().get("/api/notifications").status());
    }

    @Test
    void preferencesAreThePersonsOwnAndCheckedOnTheServer() {
        Api doctor = Api.as("doctor");
        JsonObject prefs = doctor.get("/api/notifications/preferences").json();
        assertEquals(12, prefs.getJsonArray("kinds").size());
        assertEquals("doctor@example.org", prefs.getString("email"));
        assertEquals(400, doctor.put("/api/notifications/preferences", "{\"kinds\":{\"submitted\":\"pigeon\"}}").status());
        assertEquals(400, doctor.put("/api/notifications/preferences", "{\"kinds\":{\"gossip\":\"email\"}}").status());
        assertEquals(400, doctor.put("/api/notifications/preferences", "{\"language\":\"fr\"}").status());
        JsonObject chosen = ok(doctor.put("/api/notifications/preferences", "{\"kinds\":{\"published\":\"in-app\"}}"));
        assertTrue(chosen.getJsonArray("kinds").stream().map(v -> v.asJsonObject())
                .anyMatch(k -> k.getString("kind").equals("published") && k.getString("delivery").equals("in-app")));
        ok(doctor.put("/api/notifications/preferences", "{\"kinds\":{\"published\":\"email\"}}"));
    }

    @Test
    void eMailsReachTheRightPeopleInTheirLanguageWithAWorkingLinkAsEachChose() throws Exception {
        String username = "nm" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Harbor-" + UUID.randomUUID().toString().substring(0, 12) + "-lamp";
        assertEquals(201, Api.as("admin").post("/api/accounts", Json.createObjectBuilder().add("username", username)
                .add("displayName", "Jane Editor").add("email", username + "@example.org")
                .add("roles", Json.createArrayBuilder().add("EDITOR")).add("password", password).build().toString())
                .status());
        Api author = Api.as(username, password);
        ok(author.put("/api/notifications/preferences", "{\"language\":\"en\"}"));
        String title = uniqueTitle("邮件通知");
        Api.Response created = author.post("/api/articles", org.healthportal.cms.testsupport.Articles.json(title,
                "针灸治疗的摘要：可以辅助恢复。", "<h2>1、原理</h2><p>针刺可能改善血液循环。</p>",
                org.healthportal.cms.testsupport.Articles.categoryId(), null).toString());
        assertEquals(201, created.status(), created.toString());
        long id = id(created.json());
        ok(author.post("/api/articles/" + id + "/transitions", "{\"action\":\"submit\"}"));
        Smtp smtp = Smtp.get();
        // In Chinese to the reviewer (the default language), never to its author.
        MimeMessage submitted = smtp.await(about(title, "文章提交审核"), 1, WAIT).get(0);
        assertEquals(List.of("reviewer@example.org"), recipients(submitted));
        assertEquals("auto-generated", submitted.getHeader("Auto-Submitted", null));

        ok(transition("reviewer", id, "request-changes", "请补充禁忌人群 / add contraindications"));
        MimeMessage changes = smtp.await(about(title, "Changes requested"), 1, WAIT).get(0);
        assertEquals(List.of(username + "@example.org"), recipients(changes));
        String text = plainText(changes);
        assertTrue(text.contains("requested changes to") && text.contains("add contraindications")
                && text.contains("王医生"), text);
        String link = text.lines().filter(l -> l.contains("/admin/articles/edit.xhtml?id=" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("a link to the editor: " + text));
        String path = link.substring(link.indexOf("/admin/"));
        String session = Api.anonymous().formLogin(username, password).sessionCookie();
        Api.Response screen = Api.anonymous().getWithSession(path.strip(), session);
        assertEquals(200, screen.status());
        assertTrue(screen.body().contains(title), "the link opens the article in the editor");
        // Only the submission went to reviewers so far: nobody else was written to about it.
        assertEquals(1, smtp.matching(about(title, "文章提交审核")).size());

        // The approval in the day's digest, the takedown only in the back office.
        ok(author.put("/api/notifications/preferences", "{\"kinds\":{\"approved\":\"digest\",\"takedown\":\"in-app\"}}"));
        JsonObject draft = author.get("/api/articles/" + id).json();
        ok(author.put("/api/articles/" + id, org.healthportal.cms.testsupport.Articles.json(title,
                "针灸治疗的摘要：可以辅助恢复。", "<h2>1、原理</h2><p>针刺可能改善血液循环，禁忌人群见下。</p>",
                org.healthportal.cms.testsupport.Articles.categoryId(), draft.getJsonNumber("version").longValue())
                .toString()));
        ok(author.post("/api/articles/" + id + "/transitions", "{\"action\":\"submit\"}"));
        ok(transition("reviewer", id, "approve"));
        ok(author.post("/api/articles/" + id + "/transitions", "{\"action\":\"publish\"}"));
        ok(transition("reviewer", id, "takedown", "剂量错误，立即下线"));
        // The admins' takedown mail was queued in the same transaction as the author's would have been.
        smtp.await(m -> about(title, "文章被紧急下线").test(m) && recipients(m).contains("admin@example.org"), 1, WAIT);
        Api.Response digests = Api.as("admin").post("/api/mail/digests", "");
        assertTrue(digests.status() == 200 && digests.json().getInt("sent") >= 1, digests.toString());
        MimeMessage digest = smtp.await(m -> recipients(m).contains(username + "@example.org")
                && plainText(m).contains(title) && !subject(m).contains(title), 1, WAIT).get(0);
        assertTrue(plainText(digest).contains("approved"), plainText(digest));
        List<String> toAuthor = smtp.matching(m -> recipients(m).contains(username + "@example.org")).stream()
                .map(NotificationsIT::subject).toList();
        assertEquals(1, toAuthor.stream().filter(s -> s.contains(title)).count(),
                "only the changes request came at once; approval waited for the digest, takedown stayed in-app: "
                        + toAuthor);
        assertTrue(author.get("/api/notifications").json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .anyMatch(n -> n.getString("kind").equals("takedown") && n.getString("subject").equals(title)),
                "the takedown is in the back office");
    }

    private static java.util.function.Predicate<MimeMessage> about(String title, String kindName) {
        return m -> subject(m).contains(title) && subject(m).contains(kindName);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(0).getContent().toString();
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers

    private static void setNextReviewDue(long articleId, Instant due) throws Exception {
        try (Connection db = CmsServer.database();
             PreparedStatement s = db.prepareStatement("UPDATE article SET next_review_due = ? WHERE id = ?")) {
            // The server keeps times in UTC (-Duser.timezone=UTC); a Timestamp would be written in this JVM's zone.
            s.setObject(1, java.time.LocalDateTime.ofInstant(due, ZoneOffset.UTC));
            s.setLong(2, articleId);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static List<JsonObject> inbox(String username) {
        return Api.as(username).get("/api/notifications?size=100").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).toList();
    }

    private static long countIn(String username, String kind) {
        try (Connection db = CmsServer.database();
             PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM notification n JOIN account a"
                     + " ON a.id = n.recipient_id WHERE a.username = ? AND n.kind = ?")) {
            s.setString(1, username);
            s.setString(2, kind.toUpperCase().replace('-', '_'));
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until exactly {@code expected} of the demo accounts were told {@code kind} about {@code title}, and then
     * that nobody else was: every demo account's inbox is read.
     */
    private static Map<String, List<JsonObject>> awaitTold(String title, String kind, Set<String> expected) {
        Instant deadline = Instant.now().plus(WAIT);
        Map<String, List<JsonObject>> told = new TreeMap<>();
        while (Instant.now().isBefore(deadline)) {
            told.clear();
            for (String user : EVERYONE) {
                List<JsonObject> mine = inbox(user).stream()
                        .filter(n -> n.getString("subject").equals(title) && n.getString("kind").equals(kind)).toList();
                if (!mine.isEmpty()) {
                    told.put(user, mine);
                }
            }
            if (told.keySet().containsAll(expected)) {
                break;
            }
            pause();
        }
        assertEquals(expected, told.keySet(), "told of " + kind + " about " + title);
        told.values().forEach(list -> assertEquals(1, list.size(), "told once: " + list));
        return told;
    }

    private static <T> T await(java.util.function.Supplier<T> found, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            pause();
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }
}
