package org.healthportal.cms.taxonomy.boundary.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.stream.Collectors;
import org.healthportal.cms.platform.web.LocaleBacking;
import org.healthportal.cms.taxonomy.entity.Category;

/** A category's full path in the user's language, e.g. 中医 › 特色中医 › 针刺疗法, for pickers and lists. */
@Named
@RequestScoped
public class CategoryLabels {

    @Inject
    LocaleBacking locale;

    public String label(Category category) {
        return category == null ? "" : category.path().stream().map(c -> c.name(locale.getLocale()))
                .collect(Collectors.joining(" › "));
    }
}
