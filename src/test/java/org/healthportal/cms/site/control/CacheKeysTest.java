package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CacheKeysTest {

    @Test
    void onlyThePageParameterMakesADifferentEntry() {
        assertEquals("/categories/zhongyi", CacheKeys.of("/categories/zhongyi", null));
        assertEquals("/categories/zhongyi", CacheKeys.of("/categories/zhongyi", "utm_source=wx"));
        assertEquals("/categories/zhongyi", CacheKeys.of("/categories/zhongyi", "page=1"));
        assertEquals("/categories/zhongyi?page=2", CacheKeys.of("/categories/zhongyi", "page=03&utm=x"));
        assertEquals("/categories/zhongyi?page=1", CacheKeys.of("/categories/zhongyi", "utm=x&page=2"));
    }

    @Test
    void oddOrDeepPagesAreNotStored() {
        assertNull(CacheKeys.of("/categories/zhongyi", "page=x"));
        assertNull(CacheKeys.of("/categories/zhongyi", "page="));
        assertNull(CacheKeys.of("/categories/zhongyi", "page=9999999"));
        assertNull(CacheKeys.of("/categories/zhongyi", "page=" + (CacheKeys.MAX_CACHED_PAGE + 2)));
        assertNull(CacheKeys.of("/" + "a".repeat(400), null));
    }

    @Test
    void pageParameterIsZeroBased() {
        assertEquals(0, CacheKeys.pageParameter(null));
        assertEquals(0, CacheKeys.pageParameter("page=0"));
        assertEquals(4, CacheKeys.pageParameter("q=x&page=5"));
        assertEquals(-1, CacheKeys.pageParameter("page=-1"));
    }
}
