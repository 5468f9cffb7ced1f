package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.healthportal.cms.site.entity.SiteChange;
import org.junit.jupiter.api.Test;

class SiteChangesSignalTest {

    @Test
    void aSignalCarriesTheTagsOfWhatTheChangeMadeStale() {
        SiteChanges.Signal s = new SiteChanges.Signal("t1", SiteChange.Kind.ARTICLE, 7L, List.of("a7", "new", "c3"));
        assertEquals("t1|ARTICLE|7|a7,new,c3", s.encode());
        assertEquals(s, SiteChanges.Signal.decode(s.encode()));
    }

    @Test
    void aSignalWithoutTagsFromAnOlderNodeDropsEverything() {
        assertEquals(List.of(CacheTags.SITE), SiteChanges.Signal.decode("t1|ARTICLE|7").tags());
        assertEquals(List.of(CacheTags.SITE), SiteChanges.Signal.decode("t2|CATEGORY||").tags());
    }

    @Test
    void malformedSignalsAreIgnored() {
        assertNull(SiteChanges.Signal.decode("t1|ARTICLE||a1"));
        assertNull(SiteChanges.Signal.decode("t1|NOPE|7|a1"));
        assertNull(SiteChanges.Signal.decode("garbage"));
    }
}
