package org.healthportal.cms.taxonomy.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.stream.Collectors;
import org.healthportal.cms.platform.DatabaseAvailability;
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

    /**
     * The tree as last read on this node, for the moments the database does not answer: a form posted then still
     * draws its category picker, with the user's choice, and says why nothing was saved.
     */
    private static volatile CategoryTree lastRead;

    private CategoryTree tree;

    public String label(Category category) {
        return category == null ? "" : category.path().stream().map(c -> c.name(locale.getLocale()))
                .collect(Collectors.joining(" › "));
    }

    public CategoryTree getTree() {
        if (tree == null) {
            try {
                tree = categories.tree();
                lastRead = tree;
            } catch (RuntimeException e) {
                if (lastRead == null || !DatabaseAvailability.isUnavailable(e)) {
                    throw e;
                }
                tree = lastRead;
            }
        }
        return tree;
    }

}
