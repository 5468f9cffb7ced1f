package org.healthportal.cms.importing.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.healthportal.cms.platform.CmsException;

/**
 * Something an import says about an item, kept as a message key and its arguments (text, or notes in their turn)
 * so that the report reads in the reader's language: Chinese on a Chinese screen, English in the API. The keys are
 * in {@code i18n/import_*.properties}; a refusal of another feature keeps its own key in {@code i18n/messages_*}.
 */
public record Note(String bundle, String key, List<Object> args) {

    static final String IMPORT = "i18n.import";
    static final String MESSAGES = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Note {
        args = List.copyOf(args);
    }

    /** A note of the import's own; an argument is text or another note. */
    public static Note of(String key, Object... args) {
        List<Object> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof Note ? a : String.valueOf(a));
        }
        return new Note(IMPORT, key, list);
    }

    /** A refusal as its feature words it, else its message as it stands. */
    public static Note of(CmsException refused) {
        if (refused.key() != null) {
            List<Object> list = new ArrayList<>();
            for (Object a : refused.arguments()) {
                list.add(String.valueOf(a));
            }
            return new Note(MESSAGES, refused.key(), list);
        }
        return text(refused.getMessage());
    }

    /** Text that has no key (a parser's or the network's words). */
    public static Note text(String text) {
        return of("raw", text == null ? "" : text);
    }

    public String in(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        Locale language = chinese ? Locale.forLanguageTag("zh") : Locale.ENGLISH;
        Object[] rendered = args.stream().map(a -> a instanceof Note n ? n.in(language) : a).toArray();
        try {
            String pattern = ResourceBundle.getBundle(bundle, language, NO_FALLBACK).getString(key);
            return new MessageFormat(pattern, language).format(rendered);
        } catch (MissingResourceException e) {
            return key + " " + List.of(rendered);
        }
    }

    /** In English: the API's language and the logs'. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }

    public JsonObject toJson() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Object arg : args) {
            if (arg instanceof Note n) {
                a.add(n.toJson());
            } else {
                a.add((String) arg);
            }
        }
        return Json.createObjectBuilder().add("b", bundle.equals(IMPORT) ? "import" : "messages").add("k", key)
                .add("a", a).build();
    }

    public static Note fromJson(JsonValue value) {
        if (value instanceof JsonString s) {
            return text(s.getString());
        }
        JsonObject o = value.asJsonObject();
        List<Object> args = new ArrayList<>();
        for (JsonValue a : o.getJsonArray("a")) {
            args.add(a instanceof JsonString s ? s.getString() : fromJson(a));
        }
        return new Note("messages".equals(o.getString("b", "import")) ? MESSAGES : IMPORT, o.getString("k"), args);
    }
}
