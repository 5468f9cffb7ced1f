package org.healthportal.cms.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.healthportal.cms.platform.CmsException;

/** Slugs are the readable part of public URLs: lowercase ASCII letters, digits and single hyphens. */
public final class Slugs {

    public static final int MAX = 120;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /** The Latin letters and digits of a title as a slug; empty for a title written only in Chinese. */
    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 80) {
            ascii = ascii.substring(0, 80).replaceAll("-+$", "");
        }
        return ascii;
    }

    /** Checks a slug an editor typed. */
    public static String requireValid(String slug) {
        String s = slug == null ? "" : slug.strip();
        if (s.length() > MAX || !VALID.matcher(s).matches()) {
            throw new CmsException.InvalidInput("slug must be lowercase letters, digits and single hyphens, at most "
                    + MAX + " characters: " + slug).withKey("error.slugInvalid");
        }
        return s;
    }
}
