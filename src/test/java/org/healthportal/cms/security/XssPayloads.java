package org.healthportal.cms.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XSS corpus of {@code security/xss-payloads.txt}, and the packing of its payloads into fields of limited
 * length: each field takes as many payloads as fit, and the next value of the same field goes on where the last
 * one stopped, so over a few articles every payload passes through every field.
 */
final class XssPayloads {

    private static final Pattern NUMBER = Pattern.compile("(?<![0-9])(1[0-9]{2})(?![0-9])");

    private final List<String> all;
    private final Map<String, Integer> cursors = new LinkedHashMap<>();

    private XssPayloads(List<String> all) {
        this.all = List.copyOf(all);
    }

    static XssPayloads load() {
        try (InputStream in = XssPayloads.class.getResourceAsStream("/security/xss-payloads.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/xss-payloads.txt is missing from the test resources");
            }
            List<String> payloads = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (l.isBlank() || l.equals("#") || l.startsWith("# ")) {
                    continue;
                }
                payloads.add(l.replace("{NUL}", "\u0000"));
            }
            return new XssPayloads(payloads);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> all() {
        return all;
    }

    /** The payload whose marker call carries this number, for failure messages. */
    Optional<String> byNumber(String number) {
        Optional<String> called = all.stream().filter(p -> p.contains("(" + number + ")") || p.contains("`" + number + "`"))
                .findFirst();
        return called.isPresent() ? called : all.stream().filter(p -> {
            Matcher m = NUMBER.matcher(p);
            while (m.find()) {
                if (m.group(1).equals(number)) {
                    return true;
                }
            }
            return false;
        }).findFirst();
    }

    /**
     * The next value of a field: {@code prefix}, then payloads from where this field last stopped, joined by a
     * space, as many as fit in {@code max} characters (at least one, cut if a single one is longer).
     */
    String next(String field, String prefix, int max) {
        return next(field, prefix, max, all);
    }

    String next(String field, String prefix, int max, List<String> from) {
        int cursor = cursors.getOrDefault(field, 0);
        StringBuilder value = new StringBuilder(prefix);
        int taken = 0;
        while (taken < from.size()) {
            String p = from.get((cursor + taken) % from.size());
            String sep = value.length() == 0 ? "" : " ";
            if (value.length() + sep.length() + p.length() > max) {
                if (taken == 0) {
                    value.append(sep).append(p, 0, Math.max(0, max - value.length() - sep.length()));
                    taken = 1;
                }
                break;
            }
            value.append(sep).append(p);
            taken++;
        }
        cursors.put(field, (cursor + taken) % from.size());
        return value.toString().strip();
    }

    /** Payloads usable as a reference link: an http(s) URL or a DOI without spaces, as the editor accepts. */
    List<String> links() {
        return all.stream().filter(p -> p.matches("(?i)(https?://\\S+|10\\.\\d{4,9}/\\S+)")).toList();
    }

    /** Payloads without {@code =}: the claims check matches them in a body's text too (the sanitizer encodes =). */
    List<String> withoutEquals() {
        return all.stream().filter(p -> p.indexOf('=') < 0 && p.indexOf('\u0000') < 0 && p.length() <= 100).toList();
    }
}
