package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which input a refusal is about, for screens that mark it. */
class CmsExceptionTest {

    @Test
    void aRequiredOrTooLongKeyNamesItsField() {
        assertEquals("title", new CmsException.InvalidInput("title is required").withKey("error.required.title").field());
        assertEquals("summary", new CmsException.InvalidInput("too long").withKey("error.tooLong.summary", 500).field());
    }

    @Test
    void aNamedFieldWinsAndOtherRefusalsNameNone() {
        assertEquals("alt", new CmsException.InvalidInput("Alt text is required").withKey("error.altRequired").withField("alt").field());
        assertNull(new CmsException.InvalidInput("The review gate refuses").withKey("error.credentialsRequired").field());
        assertNull(new CmsException.Conflict("stale").field());
    }
}
