package org.healthportal.cms.site.control;

/**
 * The key a public response is stored under: its path plus the only query parameter that changes what is shown
 * ({@code page}, normalized), so {@code ?page=01&utm_source=x} and {@code ?page=1} share one entry and tracking
 * parameters cannot fill the store. Returns null for requests that are never stored.
 */
public final class CacheKeys {

    /** Highest page number stored; deeper pages are rendered every time. */
    static final int MAX_CACHED_PAGE = 50;

    private CacheKeys() {
    }

    public static String of(String path, String query) {
        if (path == null || path.isEmpty() || path.length() > 300) {
            return null;
        }
        int page = pageParameter(query);
        if (page < 0 || page > MAX_CACHED_PAGE) {
            return null;
        }
        return page == 0 ? path : path + "?page=" + page;
    }

    /** The zero-based page the query asks for (the URL says 1 for the first page); -1 when it is not a number. */
    public static int pageParameter(String query) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        int result = 0;
        for (String pair : query.split("&")) {
            if (pair.startsWith("page=")) {
                String v = pair.substring(5);
                if (v.isEmpty() || v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                int n = Integer.parseInt(v);
                result = n <= 1 ? 0 : n - 1;
            }
        }
        return result;
    }
}
