package org.healthportal.cms.importing.boundary.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OldAddressFilterTest {

    @Test
    void wordPressAddressesAreLookedUp() {
        assertTrue(OldAddressFilter.candidate("/", "p=123"));
        assertTrue(OldAddressFilter.candidate("/", "utm_source=x&p=123"));
        assertTrue(OldAddressFilter.candidate("/", "page_id=7"));
        assertTrue(OldAddressFilter.candidate("/2021/03/04/acupuncture/", null));
        assertTrue(OldAddressFilter.candidate("/%E9%92%88%E7%81%B8/", null));
        assertTrue(OldAddressFilter.candidate("/category/tcm/acupuncture/", null));
        assertTrue(OldAddressFilter.candidate("/blog/acupuncture.html", null));
    }

    @Test
    void theCmsOwnPathsAndFilesPassWithoutALookup() {
        assertFalse(OldAddressFilter.candidate("/", null), "the home page");
        assertFalse(OldAddressFilter.candidate("/", "page=2"));
        for (String own : new String[]{"/admin/index.xhtml", "/api/articles", "/articles/x", "/categories/tcm",
                "/media/1/a.png", "/resources/css/site.css", "/jakarta.faces.resource/x.js", "/search", "/feed.xml",
                "/sitemap.xml", "/robots.txt", "/health/ready", "/favicon.ico", "/login.xhtml", "/preview/abc"}) {
            assertFalse(OldAddressFilter.candidate(own, null), own);
        }
        assertFalse(OldAddressFilter.candidate("/" + "a".repeat(1001), null), "too long to be an address of ours");
    }
}
