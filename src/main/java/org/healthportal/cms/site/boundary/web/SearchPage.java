package org.healthportal.cms.site.boundary.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.healthportal.cms.site.control.CacheKeys;
import org.healthportal.cms.site.control.SearchIndex;
import org.healthportal.cms.site.control.SearchQueries;
import org.healthportal.cms.site.control.SearchResult;

/** {@code /search?q=…&page=…}: full-text search over the live articles, ten hits a page. */
@Named
@RequestScoped
public class SearchPage {

    static final int SIZE = 10;

    @Inject
    SearchIndex index;

    @Inject
    FacesContext faces;

    private String query;
    private SearchResult result;

    @PostConstruct
    void search() {
        String raw = ((jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest()).getQueryString();
        query = SearchQueries.normalize(parameter(raw, "q"));
        int page = CacheKeys.pageParameter(raw);
        result = query.isEmpty() ? null : index.search(query, Math.max(page, 0), SIZE);
    }

    /** A query parameter decoded as UTF-8, whatever the container's default for query strings. */
    static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    public String getQuery() {
        return query;
    }

    public SearchResult getResult() {
        return result;
    }

    public int getNumber() {
        return result.page() + 1;
    }

    /** The query as a URL parameter value, for the paging links. */
    public String getEncodedQuery() {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
