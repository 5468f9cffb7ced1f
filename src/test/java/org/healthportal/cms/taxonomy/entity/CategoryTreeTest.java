package org.healthportal.cms.taxonomy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryTreeTest {

    private final Category tcm = new Category(null, "tcm", "中医", "TCM", 0);
    private final Category rehab = new Category(null, "rehab", "康复", "Rehabilitation", 1);
    private final Category special = new Category(tcm, "special", "特色中医", "Special TCM", 0);
    private final Category herbs = new Category(tcm, "herbs", "中药", "Herbs", 1);
    private final Category acupuncture = new Category(special, "acupuncture", "针刺疗法", "Acupuncture", 0);

    @Test
    void readsEachNodeBeforeItsChildrenAndSiblingsInTheirOrder() {
        // Given in the order the database returns them (by sort order alone), not in reading order.
        CategoryTree tree = new CategoryTree(List.of(special, acupuncture, tcm, herbs, rehab));
        assertEquals(List.of("tcm", "special", "acupuncture", "herbs", "rehab"),
                tree.nodes().stream().map(n -> n.category().getSlug()).toList());
        assertEquals(List.of(0, 1, 2, 1, 0), tree.nodes().stream().map(CategoryTree.Node::depth).toList());
        assertFalse(tree.nodes().get(0).leaf());
        assertTrue(tree.nodes().get(2).leaf());
        assertTrue(tree.nodes().get(4).leaf(), "a top category without children is a leaf too");
    }

    @Test
    void aSubtreeIsTheNodeAndEverythingBelowIt() throws ReflectiveOperationException {
        long id = 1;
        for (Category c : List.of(tcm, rehab, special, herbs, acupuncture)) {
            var field = Category.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(c, id++);
        }
        CategoryTree tree = new CategoryTree(List.of(rehab, herbs, acupuncture, tcm, special));
        assertEquals(List.of(1L, 3L, 5L, 4L), tree.subtreeIds(1L));
        assertEquals(List.of(3L, 5L), tree.subtreeIds(3L));
        assertEquals(List.of(2L), tree.subtreeIds(2L));
        assertEquals(2, tree.node(5L).depth());
    }

    @Test
    void anEmptyTreeAndAnUnknownIdAreNothing() {
        CategoryTree tree = new CategoryTree(List.of());
        assertTrue(tree.nodes().isEmpty());
        assertNull(tree.node(null));
        assertNull(tree.node(7L));
        assertTrue(tree.subtreeIds(7L).isEmpty());
    }
}
