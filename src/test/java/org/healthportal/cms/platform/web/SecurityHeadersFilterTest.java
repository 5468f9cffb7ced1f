package org.healthportal.cms.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthportal.cms.platform.web.SecurityHeadersFilter.Area;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    @Test
    void theBackOfficeIsTheAdminScreensAndTheSignInPage() {
        assertEquals(Area.BACK_OFFICE, Area.of("/admin/"));
        assertEquals(Area.BACK_OFFICE, Area.of("/admin"));
        assertEquals(Area.BACK_OFFICE, Area.of("/admin/articles/edit.xhtml"));
        assertEquals(Area.BACK_OFFICE, Area.of("/login.xhtml"));
        assertEquals(Area.API, Area.of("/api/categories"));
        for (String path : new String[]{"/", "/articles/x", "/categories/y", "/search", "/media/1/a.png",
                "/assets/css/site.css", "/health/ready", "/administration", "/apikeys", "/index.xhtml",
                "/jakarta.faces.resource/core.js.xhtml"}) {
            assertEquals(Area.PUBLIC, Area.of(path), path);
        }
    }

    @Test
    void hstsOnlyForAnHttpsBaseUrl() {
        assertTrue(SecurityHeadersFilter.isHttps("https://health.example.org/"));
        assertTrue(SecurityHeadersFilter.isHttps(" HTTPS://health.example.org"));
        assertFalse(SecurityHeadersFilter.isHttps("http://127.0.0.1:8080/"));
        assertFalse(SecurityHeadersFilter.isHttps(""));
    }

    @Test
    void thePublicPolicyAllowsNoScript() {
        String policy = SecurityHeadersFilter.PUBLIC_POLICY;
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        assertFalse(policy.contains("script-src") || policy.contains("unsafe"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }
}
