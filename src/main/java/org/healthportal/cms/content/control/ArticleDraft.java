package org.healthportal.cms.content.control;

/**
 * Everything a save stores, as the editor and the API send it: text, category, sources and references, and the
 * address (blank keeps the current one, or on create derives it from the title).
 */
public record ArticleDraft(String title, String summary, String body, Long categoryId, String slug, Sources sources) {

    public ArticleDraft {
        sources = sources == null ? Sources.NONE : sources;
    }
}
