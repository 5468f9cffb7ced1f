package org.healthportal.cms.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.CmsServer;
import org.healthportal.cms.testsupport.Smtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a real SMTP server (GreenMail in this JVM, which every test server sends to): messages are
 * written into {@code mail_message} directly, as the notifications would write them, each with a token of its own
 * in the subject, and the test watches what arrives. Headers and encoding; an outage (queued with the error, shown
 * to admins, sent once when the server is back); max attempts, then retry; two nodes on one database sending each
 * of 20 messages once; a node restarted with messages waiting, and a claim left by a node that died; digests.
 */
class MailOutboxIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private static CmsServer second;

    @BeforeAll
    static void smtp() {
        Smtp.get().start();
    }

    @AfterAll
    static void stopSecond() {
        Smtp.get().start();
        if (second != null) {
            second.stop();
        }
    }

    private static synchronized CmsServer second() {
        if (second == null) {
            second = CmsServer.startSharingDatabase("mail-second", List.of()).awaitReady(Duration.ofMinutes(4));
        }
        return second;
    }

    @Test
    void aQueuedMessageArrivesOnceInUtf8AsTextAndHtmlWithItsHeaders() throws Exception {
        String token = token();
        long account = accountId("editor");
        long id = insert(account, "editor@example.org", "【审核要求修改】针刺疗法 " + token,
                "王编辑，您好：\n李医生 要求修改《针刺疗法》。", "<p>王编辑，您好：</p><p>李医生 要求修改《针刺疗法》。</p>", 0);
        String messageId = messageId(id);

        MimeMessage m = Smtp.get().await(Smtp.subjectContains(token), 1, BOUND).get(0);
        assertEquals("【审核要求修改】针刺疗法 " + token, m.getSubject());
        assertTrue(m.getHeader("Subject", null).contains("=?UTF-8?"), m.getHeader("Subject", null));
        assertEquals(messageId, m.getMessageID());
        assertTrue(messageId.matches("<[0-9a-f-]{36}@127\\.0\\.0\\.1>"), messageId);
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("noreply@127.0.0.1", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals("editor@example.org", ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("utf-8"));
        assertEquals("王编辑，您好：\n李医生 要求修改《针刺疗法》。", text(parts, 0));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>王编辑，您好：</p><p>李医生 要求修改《针刺疗法》。</p>", text(parts, 1));

        await(() -> "SENT".equals(column(id, "status")), "message " + id + " marked sent");
        assertNotNull(column(id, "sent_at"));
        assertEquals("1", column(id, "attempts"));
        assertEquals(1, Smtp.get().matching(Smtp.subjectContains(token)).size(), "sent once");
    }

    @Test
    void anOutageQueuesWithTheErrorUntilTheServerIsBackThenFailsAfterTheLastAttemptAndRetrySends() throws Exception {
        String token = token();
        long account = accountId("reviewer");
        Smtp.get().stop();
        long waiting;
        long lastChance;
        try {
            waiting = insert(account, "reviewer@example.org", "outage " + token, "正文", "<p>正文</p>", 0);
            // The editorial action is not held up by the server being away: its e-mail waits in the outbox.
            long article = org.healthportal.cms.testsupport.Articles.id(
                    org.healthportal.cms.testsupport.Articles.create("停机提交 " + token));
            org.healthportal.cms.testsupport.Articles.ok(
                    org.healthportal.cms.testsupport.Articles.transition("editor", article, "submit"));
            // One attempt left of the default eight.
            lastChance = insert(account, "reviewer@example.org", "last chance " + token, "正文", "<p>正文</p>", 7);

            await(() -> "FAILED".equals(column(lastChance, "status")), "the last attempt failed for good");
            // The outbox keeps retrying while the server is away, so the message is now and then being sent:
            // wait for it to be back in the queue rather than catching it between attempts.
            await(() -> Integer.parseInt(column(waiting, "attempts")) >= 1 && column(waiting, "last_error") != null
                    && "QUEUED".equals(column(waiting, "status")), "a failed attempt recorded, queued again");
            String error = column(waiting, "last_error");
            assertTrue(!error.contains("\n") && !error.contains("\tat ") && error.length() <= 300, error);

            // Admins see both, with the error; nobody else does.
            JsonObject queued = awaitListed("/api/mail?status=queued&size=100", waiting);
            assertEquals("outage " + token, queued.getString("subject"));
            assertEquals("queued", queued.getString("status"));
            assertTrue(queued.getInt("attempts") >= 1);
            assertTrue(!queued.getString("lastError").isBlank());
            assertTrue(!queued.containsKey("textBody") && !queued.containsKey("htmlBody"), queued.toString());
            JsonObject failed = find(Api.as("admin").get("/api/mail?status=failed&size=100"), lastChance);
            assertEquals(8, failed.getInt("attempts"));
            Api.Response list = Api.as("admin").get("/api/mail?size=1");
            assertTrue(list.json().getJsonObject("smtp").getBoolean("configured"), list.body());
            assertEquals(Smtp.get().port(), list.json().getJsonObject("smtp").getInt("port"));
            assertTrue(!list.body().contains("password"), list.body());
            assertTrue(list.json().getJsonObject("counts").getJsonNumber("failed").longValue() >= 1);
            assertEquals(403, Api.as("editor").get("/api/mail").status());
            assertEquals(403, Api.as("editor").post("/api/mail/" + waiting + "/retry", "").status());
            assertEquals(400, Api.as("admin").get("/api/mail?status=lost").status());
            String cookie = Api.anonymous().formLogin("admin", "admin-demo").sessionCookie();
            Api.Response screen = Api.anonymous().getWithSession("/admin/mail.xhtml", cookie);
            assertEquals(200, screen.status());
            assertTrue(screen.body().contains("outage " + token) && screen.body().contains("last chance " + token),
                    "the newest messages are on the first page");
            assertTrue(screen.body().contains("127.0.0.1:" + Smtp.get().port()), "the server is named");
            String editorCookie = Api.anonymous().formLogin("editor", "editor-demo").sessionCookie();
            assertEquals(403, Api.anonymous().getWithSession("/admin/mail.xhtml", editorCookie).status());
        } finally {
            Smtp.get().start();
        }

        Smtp.get().await(Smtp.subjectContains("outage " + token), 1, BOUND);
        Smtp.get().await(Smtp.subjectContains("停机提交 " + token), 1, BOUND);
        await(() -> "SENT".equals(column(waiting, "status")), "sent once the server is back");
        assertEquals(1, Smtp.get().matching(Smtp.subjectContains("outage " + token)).size());
        assertEquals("FAILED", column(lastChance, "status"), "a failed message stays failed");
        assertTrue(Smtp.get().matching(Smtp.subjectContains("last chance " + token)).isEmpty());

        Api.Response retried = Api.as("admin").post("/api/mail/" + lastChance + "/retry", "");
        assertEquals(200, retried.status(), retried.toString());
        Smtp.get().await(Smtp.subjectContains("last chance " + token), 1, BOUND);
        await(() -> "SENT".equals(column(lastChance, "status")), "sent after the retry");
        assertEquals(1, Smtp.get().matching(Smtp.subjectContains("last chance " + token)).size());
        assertEquals(409, Api.as("admin").post("/api/mail/" + lastChance + "/retry", "").status(), "already sent");
        assertEquals(404, Api.as("admin").post("/api/mail/999999999/retry", "").status());
    }

    @Test
    void twoNodesSendEachMessageOnceAndARestartedNodeSendsWhatWaits() throws Exception {
        CmsServer node = second();
        String token = token();
        long account = accountId("doctor");
        List<Long> ids = new ArrayList<>();
        try (Connection c = CmsServer.database()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 20; i++) {
                ids.add(insert(c, account, "doctor@example.org", "pair " + token + " #" + i, "正文 " + i,
                        "<p>正文 " + i + "</p>", 0, "QUEUED", null));
            }
            c.commit();
        }
        Smtp.get().await(Smtp.subjectContains("pair " + token), 20, BOUND);
        for (long id : ids) {
            await(() -> "SENT".equals(column(id, "status")), "message " + id + " marked sent");
        }
        assertOncePerMessageId(Smtp.subjectContains("pair " + token), 20);

        // Messages written while a node is down and the SMTP server away, one of them claimed by a node that
        // died mid-send: sent once after, and the node that comes back sends none of them again.
        node.stop();
        second = null;
        Smtp.get().stop();
        List<Long> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                waiting.add(insert(account, "doctor@example.org", "restart " + token + " #" + i, "正文", "<p>正文</p>", 0));
            }
            try (Connection c = CmsServer.database()) {
                waiting.add(insert(c, account, "doctor@example.org", "restart " + token + " claimed", "正文",
                        "<p>正文</p>", 1, "SENDING", "dead-node/1"));
            }
            for (int i = 0; i < waiting.size(); i++) {
                long id = waiting.get(i);
                // The claimed one came with one attempt: the lapsed claim is taken over and tried again.
                int tried = i < 3 ? 1 : 2;
                await(() -> Integer.parseInt(column(id, "attempts")) >= tried, "message " + id + " tried");
            }
        } finally {
            Smtp.get().start();
        }
        node = second();
        Smtp.get().await(Smtp.subjectContains("restart " + token), 4, Duration.ofMinutes(2));
        for (long id : waiting) {
            await(() -> "SENT".equals(column(id, "status")), "message " + id + " marked sent");
        }
        assertOncePerMessageId(Smtp.subjectContains("restart " + token), 4);
        assertTrue(node.isAlive());
    }

    @Test
    void digestsSendOneMailPerPersonListingTheirNotificationsAndNothingTwice() throws Exception {
        String token = token();
        String zh = newAccount("dz" + token);
        String en = newAccount("de" + token);
        try (Connection c = CmsServer.database(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET language = 'en' WHERE username = '" + en + "'");
        }
        long zhId = accountId(zh);
        long enId = accountId(en);
        Instant now = Instant.now();
        notification(zhId, "CHANGES_REQUESTED", "旧文章 " + token, "请补充来源 <b>", "DIGEST", now.minusSeconds(120));
        notification(zhId, "PUBLISHED", "新文章 " + token, null, "DIGEST", now.minusSeconds(60));
        notification(zhId, "APPROVED", "不在摘要 " + token, null, "EMAIL", now.minusSeconds(30));
        long enNote = notification(enId, "APPROVED", "English " + token, null, "DIGEST", now.minusSeconds(60));

        assertEquals(403, Api.as("editor").post("/api/mail/digests", "").status());
        Api.Response first = Api.as("admin").post("/api/mail/digests", "");
        assertEquals(200, first.status(), first.toString());
        assertTrue(first.json().getInt("sent") >= 2, first.body());

        MimeMessage zhMail = Smtp.get().await(to(zh + "@example.org"), 1, BOUND).get(0);
        assertEquals("每日通知摘要（2 条）", zhMail.getSubject());
        String zhText = text((MimeMultipart) zhMail.getContent(), 0);
        int newer = zhText.indexOf("新文章 " + token);
        int older = zhText.indexOf("旧文章 " + token);
        assertTrue(newer > 0 && older > newer, "newest first: " + zhText);
        assertTrue(zhText.contains("请补充来源 <b>"), zhText);
        assertTrue(!zhText.contains("不在摘要"), "an e-mail-at-once notification is not in the digest");
        assertTrue(zhText.contains(CmsServer.get().base().resolve("/admin/articles/edit.xhtml?id=1").toString()), zhText);
        String zhHtml = text((MimeMultipart) zhMail.getContent(), 1);
        assertTrue(zhHtml.contains("请补充来源 &lt;b&gt;"), zhHtml);
        MimeMessage enMail = Smtp.get().await(to(en + "@example.org"), 1, BOUND).get(0);
        assertEquals("Daily digest (1 notification)", enMail.getSubject());
        assertTrue(text((MimeMultipart) enMail.getContent(), 0).contains("approved \u201cEnglish " + token), "English");
        assertNotNull(notificationDigest(enNote));

        Api.Response again = Api.as("admin").post("/api/mail/digests", "");
        assertEquals(200, again.status());
        try (Connection c = CmsServer.database(); PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM mail_message WHERE kind = 'digest' AND recipient_id IN (?, ?)")) {
            p.setLong(1, zhId);
            p.setLong(2, enId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                assertEquals(2, r.getInt(1), "one digest each, and none the second time");
            }
        }
    }

    // --- helpers ---

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Predicate<MimeMessage> to(String address) {
        return m -> {
            try {
                return address.equals(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            } catch (MessagingException e) {
                return false;
            }
        };
    }

    private static void assertOncePerMessageId(Predicate<MimeMessage> wanted, int expected) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : Smtp.get().matching(wanted)) {
            counts.merge(m.getMessageID(), 1, Integer::sum);
        }
        assertEquals(expected, counts.size(), "distinct messages: " + counts);
        counts.forEach((id, n) -> assertEquals(1, n, id + " arrived " + n + " times"));
    }

    private static String text(MimeMultipart parts, int index) throws MessagingException, IOException {
        return (String) parts.getBodyPart(index).getContent();
    }

    /** Lists until the message shows under the filter: a retry may have it "sending" at any one moment. */
    private static JsonObject awaitListed(String path, long id) {
        JsonObject[] found = new JsonObject[1];
        await(() -> (found[0] = listed(Api.as("admin").get(path), id).orElse(null)) != null,
                "message " + id + " listed by " + path);
        return found[0];
    }

    private static JsonObject find(Api.Response list, long id) {
        return listed(list, id).orElseThrow(() -> new AssertionError("message " + id + " not listed: " + list.body()));
    }

    private static Optional<JsonObject> listed(Api.Response list, long id) {
        assertEquals(200, list.status(), list.toString());
        return list.json().getJsonArray("items").stream().map(v -> (JsonObject) v)
                .filter(o -> o.getJsonNumber("id").longValue() == id).findFirst();
    }

    private static String newAccount(String username) {
        Api.Response r = Api.as("admin").post("/api/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"测试"
                + username + "\",\"email\":\"" + username + "@example.org\",\"roles\":[\"EDITOR\"],\"password\":\""
                + username + "-Acupoint-7\"}");
        assertEquals(201, r.status(), r.toString());
        return username;
    }

    private static long accountId(String username) throws SQLException {
        try (Connection c = CmsServer.database();
             PreparedStatement p = c.prepareStatement("SELECT id FROM account WHERE username = ?")) {
            p.setString(1, username);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), username);
                return r.getLong(1);
            }
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long insert(long account, String to, String subject, String text, String html, int attempts)
            throws SQLException {
        try (Connection c = CmsServer.database()) {
            return insert(c, account, to, subject, text, html, attempts, "QUEUED", null);
        }
    }

    /** A row as the outbox writes it, due now (or, SENDING, claimed by a node whose claim lapsed a minute ago). */
    private static long insert(Connection c, long account, String to, String subject, String text, String html,
                               int attempts, String status, String claimedBy) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mail_message (recipient_id, to_address, kind,"
                + " subject, text_body, html_body, message_id, status, attempts, next_attempt_at, claimed_by,"
                + " claimed_until, created_at) VALUES (?, ?, 'changes-requested', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, account);
            p.setString(2, to);
            p.setString(3, subject);
            p.setString(4, text);
            p.setString(5, html);
            p.setString(6, "<" + UUID.randomUUID() + "@127.0.0.1>");
            p.setString(7, status);
            p.setInt(8, attempts);
            p.setObject(9, utc(now.minusSeconds(1)));
            p.setString(10, claimedBy);
            p.setObject(11, claimedBy == null ? null : utc(now.minusSeconds(60)));
            p.setObject(12, utc(now));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long notification(long recipient, String kind, String subject, String detail, String delivery,
                                     Instant at) throws SQLException {
        try (Connection c = CmsServer.database(); PreparedStatement p = c.prepareStatement("INSERT INTO notification"
                + " (recipient_id, kind, article_id, subject, actor, actor_name, detail, link, delivery, created_at)"
                + " VALUES (?, ?, 1, ?, 'reviewer', '李医生', ?, '/admin/articles/edit.xhtml?id=1', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, recipient);
            p.setString(2, kind);
            p.setString(3, subject);
            p.setString(4, detail);
            p.setString(5, delivery);
            p.setObject(6, utc(at));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Long notificationDigest(long id) throws SQLException {
        try (Connection c = CmsServer.database();
             PreparedStatement p = c.prepareStatement("SELECT digest_id FROM notification WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                long value = r.getLong(1);
                return r.wasNull() ? null : value;
            }
        }
    }

    private static String messageId(long id) {
        return column(id, "message_id");
    }

    private static String column(long id, String column) {
        try (Connection c = CmsServer.database();
             PreparedStatement p = c.prepareStatement("SELECT " + column + " FROM mail_message WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), "message " + id);
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + BOUND);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
