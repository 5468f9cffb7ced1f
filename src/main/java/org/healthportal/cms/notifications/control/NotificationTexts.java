package org.healthportal.cms.notifications.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.healthportal.cms.notifications.entity.Notification;
import org.healthportal.cms.notifications.entity.NotificationKind;

/**
 * The words of a notification in the recipient's language, the same in the back office, the API and e-mail: the
 * sentence is built when it is shown, from what the row recorded, so a person who changes language reads their
 * whole inbox in the new one.
 */
public final class NotificationTexts {

    private static final String BUNDLE = "i18n.messages";

    private NotificationTexts() {
    }

    /** "张医生 提交了《针刺疗法》，等待您的医学审核。" */
    public static String sentence(Notification n, Locale locale) {
        return format(locale, "notification.text." + n.getKind().wireName(), actorName(n, locale), n.getSubject(),
                detail(n, locale));
    }

    /** Roles are recorded by name ("EDITOR, REVIEWER") and said in the reader's words. */
    private static String detail(Notification n, Locale locale) {
        if (n.getDetail() == null) {
            return "";
        }
        if (n.getKind() != NotificationKind.ROLES_CHANGED) {
            return n.getDetail();
        }
        return java.util.Arrays.stream(n.getDetail().split(",\\s*"))
                .map(role -> text(locale, "role." + role.strip()))
                .collect(java.util.stream.Collectors.joining(locale.getLanguage().equals("zh") ? "、" : ", "));
    }

    /** The comment or reason that came with the change, when the sentence does not already say it. */
    public static String comment(Notification n) {
        return n.getKind().detailInSentence() ? null : n.getDetail();
    }

    public static String kindName(NotificationKind kind, Locale locale) {
        return text(locale, kind.messageKey());
    }

    public static String actorName(Notification n, Locale locale) {
        return n.getActor().startsWith("system:") ? text(locale, "notification.system") : n.getActorName();
    }

    public static String text(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static String format(Locale locale, String key, Object... args) {
        MessageFormat format = new MessageFormat(text(locale, key), locale);
        return format.format(args);
    }
}
