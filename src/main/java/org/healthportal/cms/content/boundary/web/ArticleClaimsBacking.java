package org.healthportal.cms.content.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.entity.ClaimMarks;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.content.control.HtmlSanitizer;
import org.healthportal.cms.platform.web.Feedback;

/**
 * The claims check of the article form: finds the terms a medical text must not use lightly in what is typed
 * (saved or not), and holds the editor's justification for each, which a submission carries.
 */
@Named
@ViewScoped
public class ArticleClaimsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EditArticleBacking editor;

    @Inject
    ClaimsService claims;

    private List<ClaimsCheck.Finding> findings;
    private boolean checkedOnOpening;
    private final Map<String, String> justifications = new HashMap<>();

    /** Runs the claims check on the text as it stands in the editor. */
    public void checkClaims() {
        ArticleForm form = editor.getForm();
        findings = claims.check(form.getTitle(), form.getSummary(), HtmlSanitizer.sanitize(form.getBody()));
        if (findings.isEmpty()) {
            Feedback.info("claims.none");
        }
    }

    /** A submission went through: its findings are settled. */
    public void clear() {
        findings = null;
    }

    /** The findings; for a draft whose stored text had some (an imported one, say), checked once on opening. */
    public List<ClaimsCheck.Finding> getFindings() {
        if (findings == null && !checkedOnOpening && editor.isEditable() && editor.getStatus().claimsFindings() > 0) {
            checkedOnOpening = true;
            ArticleForm form = editor.getForm();
            findings = claims.check(form.getTitle(), form.getSummary(), HtmlSanitizer.sanitize(form.getBody()));
        }
        return findings;
    }

    /** The excerpt of a finding with the term marked. */
    public String marked(ClaimsCheck.Finding finding) {
        String escaped = org.healthportal.cms.platform.Html.escapeText(finding.excerpt());
        return ClaimMarks.mark(escaped, List.of(finding.term()));
    }

    public Map<String, String> getJustifications() {
        return justifications;
    }
}
