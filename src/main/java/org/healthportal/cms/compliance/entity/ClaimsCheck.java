package org.healthportal.cms.compliance.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dictionary's terms in an article's text (title, lead and body without markup). Chinese terms match
 * anywhere; Latin terms match as whole words, case-blind, so "cure" does not flag "secure".
 */
public final class ClaimsCheck {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final int CONTEXT = 20;

    private ClaimsCheck() {
    }

    /** What was found: the term, how often, and the first place in context. */
    public record Finding(String term, ClaimTerm.Kind kind, int occurrences, String excerpt) {
    }

    public static List<Finding> run(String title, String summary, String bodyHtml, List<ClaimTerm> dictionary) {
        String text = plain(title) + "\n" + plain(summary) + "\n" + plain(bodyHtml);
        List<Finding> findings = new ArrayList<>();
        for (ClaimTerm entry : dictionary) {
            Matcher m = pattern(entry.getTerm()).matcher(text);
            int count = 0;
            int first = -1;
            int end = -1;
            while (m.find()) {
                if (count++ == 0) {
                    first = m.start();
                    end = m.end();
                }
            }
            if (count > 0) {
                String excerpt = text.substring(Math.max(0, first - CONTEXT), Math.min(text.length(), end + CONTEXT))
                        .replaceAll("\\s+", " ").strip();
                findings.add(new Finding(entry.getTerm(), entry.getKind(), count, excerpt));
            }
        }
        return findings;
    }

    /** Terms with no justification in the map (blank counts as none). */
    public static List<String> unjustified(List<Finding> findings, Map<String, String> justifications) {
        return findings.stream().map(Finding::term)
                .filter(t -> justifications == null || justifications.get(t) == null || justifications.get(t).isBlank())
                .toList();
    }

    static Pattern pattern(String term) {
        String quoted = Pattern.quote(term);
        boolean latin = term.chars().allMatch(c -> c < 0x2E80);
        boolean wordish = latin && Character.isLetterOrDigit(term.charAt(0))
                && Character.isLetterOrDigit(term.charAt(term.length() - 1));
        return wordish ? Pattern.compile("(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : Pattern.compile(quoted, Pattern.CASE_INSENSITIVE);
    }

    private static String plain(String html) {
        if (html == null) {
            return "";
        }
        return TAG.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#34;", "\"").replace("&#39;", "'").replace("&#37;", "%").replace("&#64;", "@")
                .replace("&amp;", "&");
    }
}
