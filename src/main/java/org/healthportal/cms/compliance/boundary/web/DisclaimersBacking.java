package org.healthportal.cms.compliance.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.compliance.control.DisclaimerService.Shown;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;

/** Admins: write the disclaimer as a new version; see which live articles show which version. */
@Named
@ViewScoped
public class DisclaimersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DisclaimerService disclaimers;

    private String textZh;
    private String textEn;
    private Long shownId;

    public void init() {
        if (textZh == null) {
            Disclaimer current = disclaimers.current();
            textZh = current.getTextZh();
            textEn = current.getTextEn();
        }
    }

    public void publish() {
        try {
            Disclaimer next = disclaimers.publishNewVersion(textZh, textEn);
            Feedback.info("disclaimers.published", next.getVersionNumber());
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public List<DisclaimerService.VersionUse> getVersions() {
        return disclaimers.versions();
    }

    public void show(Long disclaimerId) {
        shownId = disclaimerId;
    }

    public List<Shown> getShownArticles() {
        return shownId == null ? List.of() : disclaimers.liveWith(shownId);
    }

    public Long getShownId() {
        return shownId;
    }

    public String getTextZh() {
        return textZh;
    }

    public void setTextZh(String textZh) {
        this.textZh = textZh;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }
}
