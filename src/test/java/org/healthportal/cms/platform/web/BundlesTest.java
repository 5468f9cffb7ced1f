package org.healthportal.cms.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.content.entity.RevisionState;
import org.junit.jupiter.api.Test;

/** The back office is fully translated: every key in both languages, every state and action named. */
class BundlesTest {

    private final ResourceBundle zh = ResourceBundle.getBundle("i18n.messages", Locale.SIMPLIFIED_CHINESE);
    private final ResourceBundle en = ResourceBundle.getBundle("i18n.messages", Locale.ENGLISH);

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
    }

    @Test
    void everyStateAndAuditActionHasAName() {
        for (RevisionState s : RevisionState.values()) {
            assertTrue(zh.containsKey("state." + s) && en.containsKey("state." + s), s.name());
        }
        for (AuditAction a : AuditAction.values()) {
            assertTrue(zh.containsKey("audit.action." + a) && en.containsKey("audit.action." + a), a.name());
        }
    }

    @Test
    void theWorkflowButtonsReadExactlyAsAgreed() {
        assertEquals("Save draft", en.getString("action.save"));
        assertEquals("Submit for review", en.getString("action.submit"));
        assertEquals("Approve", en.getString("action.approve"));
        assertEquals("Request changes", en.getString("action.requestChanges"));
        assertEquals("Publish", en.getString("action.publish"));
        assertEquals("Schedule", en.getString("action.schedule"));
        assertEquals("Unpublish", en.getString("action.unpublish"));
        assertEquals("保存草稿", zh.getString("action.save"));
    }

    @Test
    void chineseIsNotEnglish() {
        Set<String> same = new TreeSet<>();
        for (String key : zh.keySet()) {
            if (zh.getString(key).equals(en.getString(key)) && zh.getString(key).matches(".*[a-z]{4,}.*")) {
                same.add(key);
            }
        }
        assertTrue(same.isEmpty(), "untranslated: " + same);
    }
}
