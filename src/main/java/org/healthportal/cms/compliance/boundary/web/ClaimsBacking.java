package org.healthportal.cms.compliance.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.entity.ClaimTerm;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;

/** Admins: the claims dictionary the check runs on. */
@Named
@ViewScoped
public class ClaimsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClaimsService claims;

    private String term;
    private ClaimTerm.Kind kind = ClaimTerm.Kind.ABSOLUTE;
    private String note;

    public List<ClaimTerm> getTerms() {
        return claims.dictionary();
    }

    public void add() {
        try {
            ClaimTerm added = claims.addTerm(term, kind, note);
            Feedback.info("claims.added", added.getTerm());
            term = null;
            note = null;
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public void remove(ClaimTerm entry) {
        try {
            claims.removeTerm(entry.getId());
            Feedback.info("claims.removed", entry.getTerm());
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public ClaimTerm.Kind[] getKinds() {
        return ClaimTerm.Kind.values();
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public ClaimTerm.Kind getKind() {
        return kind;
    }

    public void setKind(ClaimTerm.Kind kind) {
        this.kind = kind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
