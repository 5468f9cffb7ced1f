package org.healthportal.cms.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.notifications.entity.Delivery;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.notifications.entity.NotificationKind;
import org.junit.jupiter.api.Test;

class MailTextsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant AT = Instant.parse("2026-12-01T00:30:00Z");

    private static Account person(String language) {
        Account a = new Account("editor", "王编辑 <b>", "hash", EnumSet.of(Role.EDITOR), AT);
        a.changeEmail("editor@example.org");
        a.chooseLanguage(language);
        return a;
    }

    private static Notification changesRequested(Account to) {
        return new Notification(to, NotificationKind.CHANGES_REQUESTED, 5L, "针刺 <script>alert(1)</script> & 康复",
                "reviewer", "李医生 \"审核\"", "第一段请补充来源 <参考>\n第二行 & 更多", "/admin/articles/edit.xhtml?id=5",
                Delivery.EMAIL, AT, null);
    }

    @Test
    void chineseByDefaultWithEveryPartAndTheLinkJoinedOnce() {
        MailTexts.Rendered mail = MailTexts.single(changesRequested(person("zh-CN")), person("zh-CN"),
                "http://cms.example.org/", SHANGHAI);
        assertEquals("【审核要求修改】针刺 <script>alert(1)</script> & 康复", mail.subject());
        assertTrue(mail.text().contains("李医生 \"审核\" 要求修改《针刺 <script>alert(1)</script> & 康复》。"), mail.text());
        assertTrue(mail.text().contains("操作人：李医生 \"审核\"，时间：2026-12-01 08:30"), mail.text());
        assertTrue(mail.text().contains("> 第一段请补充来源 <参考>\n> 第二行 & 更多"), mail.text());
        assertTrue(mail.text().contains("http://cms.example.org/admin/articles/edit.xhtml?id=5"), mail.text());
        assertTrue(mail.text().contains("http://cms.example.org/admin/notifications.xhtml"), mail.text());
        assertFalse(mail.text().contains("org//admin"), mail.text());
        assertTrue(mail.html().contains("<html lang=\"zh-CN\">"), mail.html());
        assertTrue(mail.html().contains("href=\"http://cms.example.org/admin/articles/edit.xhtml?id=5\""), mail.html());
    }

    @Test
    void htmlEscapesEveryValue() {
        String html = MailTexts.single(changesRequested(person("zh-CN")), person("zh-CN"), "http://cms.example.org",
                SHANGHAI).html();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<参考>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("针刺 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 康复"), html);
        assertTrue(html.contains("李医生 &quot;审核&quot;"), html);
        assertTrue(html.contains("第一段请补充来源 &lt;参考&gt;<br>第二行 &amp; 更多"), html);
        assertTrue(html.contains("王编辑 &lt;b&gt;"), html);
    }

    @Test
    void englishForThoseWhoChoseIt() {
        Account en = person("en");
        MailTexts.Rendered mail = MailTexts.single(changesRequested(en), en, "https://cms.example.org//", SHANGHAI);
        assertEquals("[Changes requested] 针刺 <script>alert(1)</script> & 康复", mail.subject());
        assertTrue(mail.text().startsWith("Hello 王编辑 <b>,"), mail.text());
        assertTrue(mail.text().contains("requested changes to \u201c针刺"), mail.text());
        assertTrue(mail.text().contains("Comment or reason:"), mail.text());
        assertTrue(mail.text().contains("https://cms.example.org/admin/articles/edit.xhtml?id=5"), mail.text());
        assertTrue(mail.html().contains("Open in the back office"), mail.html());
        assertTrue(mail.html().contains("<html lang=\"en\">"), mail.html());
    }

    @Test
    void aDigestListsNewestFirstWithTimesInTheSiteZone() {
        Account zh = person("zh-CN");
        Notification older = changesRequested(zh);
        Notification newer = new Notification(zh, NotificationKind.PUBLISHED, 6L, "失眠 & 针灸", "system:scheduler",
                "scheduler", null, "admin/articles/edit.xhtml?id=6", Delivery.DIGEST, AT.plus(Duration.ofHours(3)), null);
        MailTexts.Rendered mail = MailTexts.digest(List.of(newer, older), zh, "http://cms.example.org/", SHANGHAI);
        assertEquals("每日通知摘要（2 条）", mail.subject());
        int first = mail.text().indexOf("2026-12-01 11:30  系统 发布了《失眠 & 针灸》。");
        int second = mail.text().indexOf("2026-12-01 08:30  李医生");
        assertTrue(first > 0 && second > first, mail.text());
        assertTrue(mail.text().contains("http://cms.example.org/admin/articles/edit.xhtml?id=6"), mail.text());
        assertTrue(mail.html().contains("失眠 &amp; 针灸"), mail.html());
        assertFalse(mail.html().contains("<script>"), mail.html());
    }

    @Test
    void theMessageIsTextAndHtmlInUtf8UnderItsOwnMessageId() throws Exception {
        Mailer.Outgoing out = new Mailer.Outgoing(1, "editor@example.org", "【审核要求修改】针刺疗法", "正文 text",
                "<p>正文 html</p>", "<abc@cms.example.org>", 1);
        MimeMessage m = Mailer.compose(Session.getInstance(new Properties()), "noreply@cms.example.org", out);
        assertEquals("<abc@cms.example.org>", m.getMessageID());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("【审核要求修改】针刺疗法", m.getSubject());
        assertTrue(m.getHeader("Subject", null).startsWith("=?UTF-8?"), m.getHeader("Subject", null));
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("charset=utf-8"));
        assertEquals("正文 text", parts.getBodyPart(0).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>正文 html</p>", parts.getBodyPart(1).getContent());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        assertTrue(raw.toString(StandardCharsets.US_ASCII).contains("Message-ID: <abc@cms.example.org>"));
    }

    @Test
    void backOffDoublesUpToAnHour() {
        Duration base = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(30), MailOutbox.backOff(base, 1));
        assertEquals(Duration.ofSeconds(60), MailOutbox.backOff(base, 2));
        assertEquals(Duration.ofSeconds(240), MailOutbox.backOff(base, 4));
        assertEquals(Duration.ofHours(1), MailOutbox.backOff(base, 8));
        assertEquals(Duration.ofHours(1), MailOutbox.backOff(base, 1000));
    }

    @Test
    void errorsAreOneShortLine() {
        assertEquals("Couldn't connect: refused", MailOutbox.shortError("Couldn't connect:\n  refused"));
        assertEquals(300, MailOutbox.shortError("x".repeat(5000)).length());
        assertEquals("Couldn't connect to host: Connection refused", MailSender.describe(
                new jakarta.mail.MessagingException("Couldn't connect to host",
                        new java.net.ConnectException("Connection refused"))));
    }
}
