package org.healthportal.cms.taxonomy.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.stream.Collectors;
import org.healthportal.cms.platform.web.LocaleBacking;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.taxonomy.entity.CategoryTree;

/**
 * Categories for pickers and lists: the tree in reading order, read once per request, and each category's full
 * path in the user's language (中医 › 特色中医 › 针刺疗法).
 */
@Named
@RequestScoped
public class CategoryLabels {

    @Inject
    LocaleBacking locale;

    @Inject
    CategoryService categories;

    private CategoryTree tree;

    public String label(Category category) {
        return category == null ? "" : category.path().stream().map(c -> c.name(locale.getLocale()))
                .collect(Collectors.joining(" › "));
    }

    public CategoryTree getTree() {
        if (tree == null) {
            tree = categories.tree();
        }
        return tree;
    }

}
