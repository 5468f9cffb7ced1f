package org.healthportal.cms.preview.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.content.entity.Reference;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;
import org.junit.jupiter.api.Test;

/** A preview link's limits, its copy of the revision, and its status over time. */
class PreviewLinkTest {

    private final Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
    private final Category acupuncture = new Category(null, "zhenci", "针刺疗法", "Acupuncture", 0);
    private final Account editor = new Account("editor", "editor", "hash", EnumSet.of(Role.EDITOR), Instant.EPOCH);

    private Revision draft(String title) {
        Article article = new Article("zhenjiu", t0);
        return article.startFirstRevision(new ArticleContent(title, "导语。", "<p>正文。</p>", acupuncture, "编辑部",
                "李编辑", "成年读者", List.of(new Reference("针灸学", "人民卫生出版社", 2021, null))), editor, t0);
    }

    @Test
    void expiresAfterFortyEightHoursByDefault() {
        PreviewLink link = PreviewLink.of(draft("针灸"), "h", null, null, "editor", t0);
        assertEquals(t0.plus(Duration.ofHours(48)), link.getExpiresAt());
        assertEquals(PreviewLink.Status.ACTIVE, link.status(t0.plus(Duration.ofHours(47))));
        assertEquals(PreviewLink.Status.EXPIRED, link.status(t0.plus(Duration.ofHours(48))));
    }

    @Test
    void oneHourToThirtyDaysOnly() {
        Revision r = draft("针灸");
        assertEquals(t0.plus(Duration.ofHours(720)), PreviewLink.of(r, "h", 720, null, "editor", t0).getExpiresAt());
        assertEquals(t0.plus(Duration.ofHours(1)), PreviewLink.of(r, "h", 1, null, "editor", t0).getExpiresAt());
        for (int hours : new int[] {0, -1, 721}) {
            CmsException.InvalidInput refused = assertThrows(CmsException.InvalidInput.class,
                    () -> PreviewLink.of(r, "h", hours, null, "editor", t0));
            assertEquals("error.previewHours", refused.key());
            assertTrue(refused.getMessage().contains("1 to 720"), refused.getMessage());
        }
    }

    @Test
    void theNoteIsOptionalAndBounded() {
        Revision r = draft("针灸");
        assertNull(PreviewLink.of(r, "h", 1, "  ", "editor", t0).getNote());
        assertEquals("请看第二节", PreviewLink.of(r, "h", 1, " 请看第二节 ", "editor", t0).getNote());
        String atLimit = "注".repeat(PreviewLink.NOTE_MAX);
        assertEquals(atLimit, PreviewLink.of(r, "h", 1, atLimit, "editor", t0).getNote());
        CmsException.InvalidInput refused = assertThrows(CmsException.InvalidInput.class,
                () -> PreviewLink.of(r, "h", 1, atLimit + "注", "editor", t0));
        assertEquals("error.previewNote", refused.key());
    }

    @Test
    void keepsTheTextAsItWasWhenShared() {
        Revision r = draft("针灸与神经恢复");
        PreviewLink link = PreviewLink.of(r, "h", 1, null, "editor", t0);
        r.getArticle().edit(new ArticleContent("改过的标题", "新导语。", "<p>新正文。</p>", acupuncture, null, null, null,
                List.of()), editor, t0.plusSeconds(60));
        assertEquals("改过的标题", r.getTitle(), "a draft changes in place");
        assertEquals("针灸与神经恢复", link.getTitle());
        assertEquals("<p>正文。</p>", link.getBody());
        assertEquals("编辑部", link.getSource());
        assertEquals(1, link.getReferences().size());
    }

    @Test
    void aRevokedLinkStaysRevokedOnce() {
        PreviewLink link = PreviewLink.of(draft("针灸"), "h", 1, null, "editor", t0);
        assertTrue(link.revoke("reviewer", t0.plusSeconds(10)));
        assertFalse(link.revoke("editor", t0.plusSeconds(20)));
        assertEquals("reviewer", link.getRevokedBy());
        assertEquals(PreviewLink.Status.REVOKED, link.status(t0.plusSeconds(30)));
        assertFalse(link.isActive(t0.plusSeconds(30)));
    }
}
