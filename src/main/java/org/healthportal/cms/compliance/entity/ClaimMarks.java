package org.healthportal.cms.compliance.entity;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Marks flagged terms in sanitized HTML with {@code <mark>}, touching text only, never tags or attributes. */
public final class ClaimMarks {

    private static final Pattern TAG_OR_TEXT = Pattern.compile("(<[^>]*>)|([^<]+)");

    private ClaimMarks() {
    }

    public static String mark(String html, Collection<String> terms) {
        if (html == null || terms.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = TAG_OR_TEXT.matcher(html);
        while (m.find()) {
            if (m.group(1) != null) {
                out.append(m.group(1));
            } else {
                String text = m.group(2);
                for (String term : terms) {
                    String escaped = org.healthportal.cms.platform.Html.escapeText(term);
                    text = ClaimsCheck.pattern(escaped).matcher(text)
                            .replaceAll(r -> "<mark class=\"claim\">" + Matcher.quoteReplacement(r.group()) + "</mark>");
                }
                out.append(text);
            }
        }
        return out.toString();
    }
}
