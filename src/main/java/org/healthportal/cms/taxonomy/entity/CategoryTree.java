package org.healthportal.cms.taxonomy.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole category tree in reading order (each node followed by its children, siblings in their set order), for
 * pickers and lists that show it indented. Built from one read of every category: the tree is small.
 */
public final class CategoryTree {

    private static final Comparator<Category> SIBLING_ORDER = Comparator.comparingInt(Category::getSortOrder)
            .thenComparing(Category::getId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A category where it stands in the tree. */
    public record Node(Category category, int depth, boolean leaf) {
        public Long getId() {
            return category.getId();
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Long, Node> byId = new HashMap<>();
    private final Map<Object, List<Category>> children = new HashMap<>();

    public CategoryTree(Collection<Category> all) {
        List<Category> roots = new ArrayList<>();
        for (Category c : all) {
            if (c.getParent() == null) {
                roots.add(c);
            } else {
                children.computeIfAbsent(key(c.getParent()), p -> new ArrayList<>()).add(c);
            }
        }
        add(roots, 0);
    }

    private void add(List<Category> siblings, int depth) {
        siblings.sort(SIBLING_ORDER);
        for (Category c : siblings) {
            List<Category> below = children.getOrDefault(key(c), List.of());
            Node node = new Node(c, depth, below.isEmpty());
            nodes.add(node);
            if (c.getId() != null) {
                byId.put(c.getId(), node);
            }
            add(new ArrayList<>(below), depth + 1);
        }
    }

    /** By id, so a lazily loaded parent matches its row; by the object itself before it has one. */
    private static Object key(Category c) {
        return c.getId() != null ? c.getId() : c;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The node of this id, or null (also for null: a picker's "none" row asks too). */
    public Node node(Long id) {
        return id == null ? null : byId.get(id);
    }

    /** The category and everything below it, as a filter "in this category" means; empty when unknown. */
    public List<Long> subtreeIds(Long id) {
        Node node = node(id);
        if (node == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        int start = nodes.indexOf(node);
        ids.add(id);
        for (int i = start + 1; i < nodes.size() && nodes.get(i).depth() > node.depth(); i++) {
            ids.add(nodes.get(i).getId());
        }
        return ids;
    }
}
