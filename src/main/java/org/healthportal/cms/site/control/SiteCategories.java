package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * The category tree in memory, read whole from the database on first use after a change (it has hundreds of
 * nodes, not more). {@link SiteChanges} drops it on every node when a category changes.
 */
@ApplicationScoped
public class SiteCategories {

    @Inject
    CategoryService categories;

    private volatile Tree tree;

    public List<CategoryNode> roots() {
        return tree().roots;
    }

    public Optional<CategoryNode> byId(Long id) {
        return Optional.ofNullable(id == null ? null : tree().byId.get(id));
    }

    /** The ids of this category and the ones enclosing it, top first; just the id when it is not in the tree. */
    public List<Long> pathIds(Long id) {
        return byId(id).map(n -> n.getPath().stream().map(CategoryNode::getId).toList())
                .orElse(id == null ? List.of() : List.of(id));
    }

    /** The ids of these categories and the ones enclosing them, each once; null ids are skipped. */
    public List<Long> pathIds(Collection<Long> ids) {
        Set<Long> all = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id != null) {
                all.addAll(pathIds(id));
            }
        }
        return List.copyOf(all);
    }

    public Optional<CategoryNode> bySlug(String slug) {
        return Optional.ofNullable(tree().bySlug.get(slug));
    }

    public List<CategoryNode> all() {
        return tree().all;
    }

    private long generation;

    /** The top categories if the tree is in memory, else none: for pages that must not wait for the database. */
    public List<CategoryNode> rootsIfLoaded() {
        Tree t = tree;
        return t == null ? List.of() : t.roots;
    }

    public synchronized void forget() {
        generation++;
        tree = null;
    }

    private Tree tree() {
        Tree t = tree;
        if (t == null) {
            long g;
            synchronized (this) {
                g = generation;
            }
            t = load(categories.all());
            synchronized (this) {
                if (g == generation) {
                    tree = t;
                }
            }
        }
        return t;
    }

    /** Builds the tree from categories ordered so that siblings come in their display order. */
    static Tree load(List<Category> all) {
        Map<Long, CategoryNode> byId = new HashMap<>();
        Map<String, CategoryNode> bySlug = new HashMap<>();
        List<CategoryNode> roots = new ArrayList<>();
        List<CategoryNode> ordered = new ArrayList<>();
        List<Category> pending = new ArrayList<>(all);
        // Parents first: a category is placed once its parent is.
        for (int pass = 0; !pending.isEmpty() && pass <= all.size(); pass++) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                Category c = it.next();
                Long parentId = c.getParent() == null ? null : c.getParent().getId();
                CategoryNode parent = parentId == null ? null : byId.get(parentId);
                if (parentId != null && parent == null) {
                    continue;
                }
                CategoryNode node = new CategoryNode(c.getId(), c.getSlug(), c.getNameZh(), c.getNameEn(), parent);
                if (parent == null) {
                    roots.add(node);
                } else {
                    parent.addChild(node);
                }
                byId.put(node.getId(), node);
                bySlug.put(node.getSlug(), node);
                ordered.add(node);
                it.remove();
            }
        }
        return new Tree(List.copyOf(roots), Map.copyOf(byId), Map.copyOf(bySlug), List.copyOf(ordered));
    }

    record Tree(List<CategoryNode> roots, Map<Long, CategoryNode> byId, Map<String, CategoryNode> bySlug,
                List<CategoryNode> all) {
    }
}
