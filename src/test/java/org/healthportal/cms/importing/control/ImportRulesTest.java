package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which items become articles, the old addresses they keep, and the uploads they find. */
class ImportRulesTest {

    private static Wxr.Item item(String type, String status) {
        return new Wxr.Item(12, type, status, "标题", "https://old.example.cn/2021/03/05/%e9%92%88%e7%81%b8/", "%e9%92%88%e7%81%b8",
                "lihua", "", "", Instant.parse("2021-03-05T02:30:00Z"), 0, "", List.of(), Map.of());
    }

    @Test
    void postsAreImportedRevisionsMenusAndAutoDraftsNeverAndTheRestByChoice() {
        ImportOptions defaults = ImportOptions.DEFAULTS;
        ImportOptions all = new ImportOptions(true, true, false);
        assertEquals(Optional.empty(), ItemSelection.skipReason(item("post", "publish"), defaults));
        assertEquals(Optional.empty(), ItemSelection.skipReason(item("post", "future"), defaults));
        assertEquals(Optional.of("revision"), ItemSelection.skipReason(item("revision", "inherit"), all).map(Note::toString));
        assertEquals(Optional.of("menu item"), ItemSelection.skipReason(item("nav_menu_item", "publish"), all).map(Note::toString));
        assertEquals(Optional.of("auto-draft"), ItemSelection.skipReason(item("post", "auto-draft"), all).map(Note::toString));
        assertTrue(ItemSelection.skipReason(item("attachment", "inherit"), all).orElseThrow().toString().startsWith("attachment"));
        assertTrue(ItemSelection.skipReason(item("wp_block", "publish"), all).isPresent());
        for (String unpublished : List.of("draft", "pending", "private", "trash")) {
            assertTrue(ItemSelection.skipReason(item("post", unpublished), defaults).isPresent(), unpublished);
            assertEquals(Optional.empty(), ItemSelection.skipReason(item("post", unpublished), all), unpublished);
        }
        assertTrue(ItemSelection.skipReason(item("page", "publish"), defaults).isPresent());
        assertEquals(Optional.empty(), ItemSelection.skipReason(item("page", "publish"), all));
    }

    @Test
    void aPostKeepsItsIdItsPermalinkItsDatedAddressAndItsBareSlugDecoded() {
        Set<String> paths = OldAddresses.ofItem(item("post", "publish"), "https://old.example.cn");
        assertEquals(List.of("/?p=12", "/2021/03/05/针灸/", "/针灸/"), List.copyOf(paths));
        Wxr.Item page = new Wxr.Item(7, "page", "publish", "关于", "https://old.example.cn/?page_id=7", "about", "", "",
                "", null, 0, "", List.of(), Map.of());
        assertEquals(List.of("/?page_id=7", "/about/"), List.copyOf(OldAddresses.ofItem(page, "https://old.example.cn")));
        Wxr.Item elsewhere = new Wxr.Item(8, "post", "publish", "x", "https://other.example/x/", "", "", "", "", null, 0,
                "", List.of(), Map.of());
        assertEquals(List.of("/?p=8"), List.copyOf(OldAddresses.ofItem(elsewhere, "https://old.example.cn")),
                "a link to another host is not this site's address");
        assertEquals("/category/tcm/针灸/", OldAddresses.ofCategory(List.of("tcm", "%e9%92%88%e7%81%b8")));
    }

    @Test
    void requestsAreNormalisedTheSameWay() {
        assertEquals("/?p=12", OldAddresses.normalise("/", "utm_source=x&p=012"));
        assertEquals("/?page_id=7", OldAddresses.normalise("/", "page_id=7"));
        assertEquals("/2021/03/05/针灸/", OldAddresses.normalise("/2021/03/05/%E9%92%88%E7%81%B8", null));
        assertEquals("/zhenci/", OldAddresses.normalise("/ZhenCi/", "replytocom=3"));
        assertEquals("/", OldAddresses.normalise("/", "p=abc"));
        assertNull(OldAddresses.normalise("/a/../b/", null));
        assertNull(OldAddresses.normalise("x", null));
    }

    @Test
    void uploadsAreFoundByTheirOldUrlsThroughResizedCopiesWhateverTheZipsRoot() {
        UploadsIndex index = new UploadsIndex();
        index.add("wp-content/uploads/2021/03/needle.png");
        index.add("uploads/2021/03/");
        index.add("uploads/2021/04/cup-scaled.jpg");
        index.add("2022/01/艾灸.jpg");
        assertEquals(3, index.size());
        String old = "https://old.example.cn/wp-content/uploads/";
        assertEquals(Optional.of("wp-content/uploads/2021/03/needle.png"), index.find(old + "2021/03/needle.png"));
        assertEquals(Optional.of("wp-content/uploads/2021/03/needle.png"), index.find(old + "2021/03/needle-300x200.png?v=2"));
        assertEquals(Optional.of("uploads/2021/04/cup-scaled.jpg"), index.find(old + "2021/04/cup-scaled.jpg"));
        assertEquals(Optional.of("2022/01/艾灸.jpg"), index.find(old + "2022/01/%E8%89%BE%E7%81%B8.jpg"));
        assertEquals(Optional.empty(), index.find(old + "2021/03/missing.png"));
        assertEquals(Optional.empty(), index.find("https://elsewhere.example/needle.png"));
    }
}
