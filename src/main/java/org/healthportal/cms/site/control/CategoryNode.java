package org.healthportal.cms.site.control;

import java.util.ArrayList;
import java.util.List;

/** A category as the public site shows it: a read-only node of the tree held in memory. */
public final class CategoryNode {

    private final Long id;
    private final String slug;
    private final String nameZh;
    private final String nameEn;
    private final CategoryNode parent;
    private final List<CategoryNode> children = new ArrayList<>();

    CategoryNode(Long id, String slug, String nameZh, String nameEn, CategoryNode parent) {
        this.id = id;
        this.slug = slug;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.parent = parent;
    }

    /** From the root down to this node. */
    public List<CategoryNode> getPath() {
        List<CategoryNode> path = new ArrayList<>();
        for (CategoryNode n = this; n != null; n = n.parent) {
            path.add(0, n);
        }
        return path;
    }

    /** This node's id and those of all its descendants. */
    public List<Long> subtreeIds() {
        List<Long> ids = new ArrayList<>();
        collect(this, ids);
        return ids;
    }

    private static void collect(CategoryNode node, List<Long> ids) {
        ids.add(node.id);
        node.children.forEach(c -> collect(c, ids));
    }

    void addChild(CategoryNode child) {
        children.add(child);
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public CategoryNode getParent() {
        return parent;
    }

    public List<CategoryNode> getChildren() {
        return List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
