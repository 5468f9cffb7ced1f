package org.healthportal.cms.content.control;

import java.util.List;
import org.healthportal.cms.content.entity.Reference;

/** Source, author, audience and references of an edit, as they come from a form or the API. */
public record Sources(String source, String byline, String audience, List<Reference> references) {

    public static final Sources NONE = new Sources(null, null, null, List.of());

    public Sources {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
