package org.healthportal.cms.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthportal.cms.platform.ControlCharacters;

/**
 * Removes characters XML forbids from request parameters (forms and query strings) before JSF or a page reads
 * them, so a crafted post cannot store text that breaks the back office's ajax answers. See
 * {@link ControlCharacters}.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class ControlCharacterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private Map<String, String[]> cleaned;

            @Override
            public String getParameter(String name) {
                return ControlCharacters.strip(super.getParameter(name));
            }

            @Override
            public String[] getParameterValues(String name) {
                String[] values = super.getParameterValues(name);
                return values == null ? null : Arrays.stream(values).map(ControlCharacters::strip).toArray(String[]::new);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                if (cleaned == null) {
                    Map<String, String[]> map = new LinkedHashMap<>();
                    super.getParameterMap().forEach((k, v) -> map.put(k,
                            Arrays.stream(v).map(ControlCharacters::strip).toArray(String[]::new)));
                    cleaned = Collections.unmodifiableMap(map);
                }
                return cleaned;
            }
        }, response);
    }
}
