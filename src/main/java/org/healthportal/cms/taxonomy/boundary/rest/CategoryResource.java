package org.healthportal.cms.taxonomy.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.entity.Category;

/** The category tree as a flat list; {@code parentId} links it. */
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CategoryService categories;

    @GET
    public List<CategoryJson> all() {
        return categories.all().stream().map(CategoryJson::of).toList();
    }

    public record CategoryJson(Long id, Long parentId, String slug, String nameZh, String nameEn, int sortOrder,
                               List<String> path) {
        static CategoryJson of(Category c) {
            return new CategoryJson(c.getId(), c.getParent() == null ? null : c.getParent().getId(), c.getSlug(),
                    c.getNameZh(), c.getNameEn(), c.getSortOrder(), c.path().stream().map(Category::getSlug).toList());
        }
    }
}
