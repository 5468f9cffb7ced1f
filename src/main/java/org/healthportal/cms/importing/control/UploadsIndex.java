package org.healthportal.cms.importing.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files of a zip of {@code wp-content/uploads}, found by the old URLs that point at them: the zip may be rooted
 * at {@code wp-content/}, {@code uploads/} or the year folders, and posts often use a resized copy
 * ({@code needle-300x200.png}) or the big-image copy ({@code needle-scaled.jpg}): the original is taken when the
 * zip has it, the copy itself otherwise.
 */
public final class UploadsIndex {

    private static final String UPLOADS = "/wp-content/uploads/";
    private static final Pattern SIZE = Pattern.compile("-(\\d{1,5}x\\d{1,5}|scaled)(?=\\.[A-Za-z0-9]{2,5}$)");

    /** Entry name by its path under uploads (as lower case), e.g. "2021/03/needle.png". */
    private final Map<String, String> entries = new HashMap<>();

    /** Adds one zip entry; directories and files outside an uploads tree's shape are kept by their own path. */
    public void add(String entryName) {
        if (entryName.endsWith("/")) {
            return;
        }
        entries.putIfAbsent(key(relative(entryName)), entryName);
    }

    public int size() {
        return entries.size();
    }

    /** The zip entry an old URL (or uploads path) refers to, trying the original of a resized copy as well. */
    public Optional<String> find(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String path = url.strip();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        int at = path.indexOf(UPLOADS);
        if (at < 0) {
            return Optional.empty();
        }
        String rel = java.net.URLDecoder.decode(path.substring(at + UPLOADS.length()).replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        String original = entries.get(key(SIZE.matcher(rel).replaceFirst("")));
        return Optional.ofNullable(original != null ? original : entries.get(key(rel)));
    }

    /** The path under uploads: after "wp-content/uploads/" or "uploads/", else the name as it is. */
    static String relative(String entryName) {
        String name = entryName.replace('\\', '/');
        for (String root : new String[]{"wp-content/uploads/", "uploads/"}) {
            int at = name.indexOf(root);
            if (at >= 0) {
                return name.substring(at + root.length());
            }
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static String key(String rel) {
        return rel.toLowerCase(Locale.ROOT);
    }
}
