package org.healthportal.cms.platform;

import java.util.List;
import org.healthportal.cms.platform.CmsException;

/** One page of a list that is paged in the database, with the total it was cut from. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;

    /**
     * The first row of a zero-based page. A negative page, a size outside 1 to {@link #MAX_SIZE}, or a page so far
     * out that its first row does not fit in an int (2147483647 × 100) is refused, never handed to the database.
     */
    public static int offset(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new CmsException.InvalidInput("page must be 0 or more and size between 1 and " + MAX_SIZE)
                    .withKey("error.pageParameters", MAX_SIZE);
        }
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            throw new CmsException.InvalidInput("page " + page + " of size " + size + " is beyond any list")
                    .withKey("error.pageParameters", MAX_SIZE);
        }
        return (int) first;
    }

    /** A paging parameter from a URL: absent or blank is the default; anything but a plain whole number is refused. */
    public static int parameter(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String v = value.strip();
        if (v.length() > 10 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CmsException.InvalidInput(name + " must be a whole number of 0 or more, not '"
                    + (v.length() > 20 ? v.substring(0, 20) + "…" : v) + "'");
        }
        long parsed = Long.parseLong(v);
        if (parsed > Integer.MAX_VALUE) {
            throw new CmsException.InvalidInput(name + " is too large: " + v);
        }
        return (int) parsed;
    }
}
