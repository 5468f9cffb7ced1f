package org.healthportal.cms.content.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.content.control.HtmlSanitizer;

/**
 * The article form as a reader would see it, saved or not. The page draws it with the public article page's own
 * composition (WEB-INF/includes/article-body.xhtml); this bean only supplies the values.
 */
@Named
@ViewScoped
public class ArticlePreviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EditArticleBacking editor;

    @Inject
    DisclaimerService disclaimers;

    private transient Disclaimer disclaimer;

    /**
     * The disclaimer a publication now would show beneath the article, as it was when the page opened: read once
     * per view, so every ajax answer (a save the database could not take among them) draws without it.
     */
    public Disclaimer getDisclaimer() {
        if (disclaimer == null) {
            disclaimer = disclaimers.current();
        }
        return disclaimer;
    }

    /** The references as the public page lists them: those with a title. */
    public List<ReferenceRow> getReferences() {
        return editor.getForm().getReferences().stream().filter(r -> r.getTitle() != null && !r.getTitle().isBlank())
                .toList();
    }

    /** The body as the public page will show it: sanitized the same way a save does. */
    public String getBody() {
        return HtmlSanitizer.sanitize(editor.getForm().getBody());
    }
}
