package org.healthportal.cms.notifications.control;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.platform.Html;

/**
 * The words of an e-mail in the recipient's language, as plain text and as HTML (every value escaped): for one
 * notification, and for a day's digest. Pure, so its escaping and both languages are checked without a server.
 */
public final class MailTexts {

    /** The back-office screen where each person chooses how they are told. */
    public static final String PREFERENCES_PATH = "/admin/notifications.xhtml";

    /** A digest lists at most this many; the rest are in the back office. */
    public static final int DIGEST_SHOWN = 100;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MailTexts() {
    }

    /** A rendered e-mail. */
    public record Rendered(String subject, String text, String html) {
    }

    /** One notification: what happened, by whom and when, the comment or reason, and where to act on it. */
    public static Rendered single(Notification n, Account recipient, String baseUrl, ZoneId zone) {
        Locale locale = recipient.getLocale();
        String subject = NotificationTexts.format(locale, "mail.subject",
                NotificationTexts.kindName(n.getKind(), locale), n.getSubject());
        String sentence = NotificationTexts.sentence(n, locale);
        String comment = NotificationTexts.comment(n);
        String by = NotificationTexts.format(locale, "mail.by", NotificationTexts.actorName(n, locale),
                TIME.format(n.getCreatedAt().atZone(zone)));
        String link = link(baseUrl, n.getLink());
        String open = NotificationTexts.text(locale, "mail.open");

        StringBuilder text = new StringBuilder();
        text.append(greeting(recipient, locale)).append("\n\n").append(sentence).append('\n').append(by).append('\n');
        if (comment != null) {
            text.append('\n').append(NotificationTexts.text(locale, "mail.comment")).append('\n')
                    .append(quoted(comment)).append('\n');
        }
        text.append('\n').append(open).append(": ").append(link).append('\n');
        text.append(footerText(baseUrl, locale));

        StringBuilder html = start(locale, subject);
        html.append("<p>").append(Html.escape(greeting(recipient, locale))).append("</p>\n");
        html.append("<p><strong>").append(Html.escape(sentence)).append("</strong><br>")
                .append(Html.escape(by)).append("</p>\n");
        if (comment != null) {
            html.append("<p>").append(Html.escape(NotificationTexts.text(locale, "mail.comment"))).append("</p>\n")
                    .append("<blockquote>").append(lines(comment)).append("</blockquote>\n");
        }
        html.append("<p><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(open))
                .append("</a></p>\n");
        return new Rendered(subject, text.toString(), end(html, baseUrl, locale));
    }

    /** A day's digest, newest first as given; each entry with its sentence, comment, time and link. */
    public static Rendered digest(List<Notification> newestFirst, Account recipient, String baseUrl, ZoneId zone) {
        Locale locale = recipient.getLocale();
        String subject = NotificationTexts.format(locale, "mail.digest.subject", newestFirst.size());
        List<Notification> shown = newestFirst.subList(0, Math.min(DIGEST_SHOWN, newestFirst.size()));
        String open = NotificationTexts.text(locale, "mail.open");

        StringBuilder text = new StringBuilder();
        text.append(greeting(recipient, locale)).append("\n\n")
                .append(NotificationTexts.text(locale, "mail.digest.intro")).append("\n");
        StringBuilder html = start(locale, subject);
        html.append("<p>").append(Html.escape(greeting(recipient, locale))).append("</p>\n<p>")
                .append(Html.escape(NotificationTexts.text(locale, "mail.digest.intro"))).append("</p>\n<ol>\n");
        for (Notification n : shown) {
            String time = TIME.format(n.getCreatedAt().atZone(zone));
            String sentence = NotificationTexts.sentence(n, locale);
            String comment = NotificationTexts.comment(n);
            String link = link(baseUrl, n.getLink());
            text.append("\n* ").append(time).append("  ").append(sentence).append('\n');
            html.append("<li><p>").append(Html.escape(time)).append(" · <strong>").append(Html.escape(sentence))
                    .append("</strong></p>\n");
            if (comment != null) {
                text.append(quoted(comment)).append('\n');
                html.append("<blockquote>").append(lines(comment)).append("</blockquote>\n");
            }
            text.append("  ").append(link).append('\n');
            html.append("<p><a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(open))
                    .append("</a></p></li>\n");
        }
        html.append("</ol>\n");
        if (newestFirst.size() > shown.size()) {
            String more = NotificationTexts.format(locale, "mail.digest.more", newestFirst.size() - shown.size());
            text.append('\n').append(more).append('\n');
            html.append("<p>").append(Html.escape(more)).append("</p>\n");
        }
        text.append('\n').append(footerText(baseUrl, locale));
        return new Rendered(subject, text.toString(), end(html, baseUrl, locale));
    }

    /** The base URL and a path joined with exactly one slash between them. */
    public static String link(String baseUrl, String path) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (path == null || path.isBlank()) {
            return base + "/";
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    private static String greeting(Account recipient, Locale locale) {
        return NotificationTexts.format(locale, "mail.greeting", recipient.getDisplayName());
    }

    private static String footerText(String baseUrl, Locale locale) {
        return "-- \n" + NotificationTexts.text(locale, "mail.footer") + " " + link(baseUrl, PREFERENCES_PATH) + "\n";
    }

    private static String quoted(String comment) {
        return "> " + comment.replace("\r\n", "\n").replace("\n", "\n> ");
    }

    private static String lines(String comment) {
        return Html.escape(comment).replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static StringBuilder start(Locale locale, String subject) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(Html.escape(locale.toLanguageTag()))
                .append("\">\n<head><meta charset=\"UTF-8\"><title>").append(Html.escape(subject))
                .append("</title></head>\n<body>\n");
    }

    private static String end(StringBuilder html, String baseUrl, Locale locale) {
        String preferences = link(baseUrl, PREFERENCES_PATH);
        return html.append("<hr>\n<p><small>").append(Html.escape(NotificationTexts.text(locale, "mail.footer")))
                .append(" <a href=\"").append(Html.escape(preferences)).append("\">")
                .append(Html.escape(NotificationTexts.text(locale, "mail.preferences"))).append("</a></small></p>\n")
                .append("</body>\n</html>\n").toString();
    }
}
