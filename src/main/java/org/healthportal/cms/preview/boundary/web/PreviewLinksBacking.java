package org.healthportal.cms.preview.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.preview.control.PreviewLinks;
import org.healthportal.cms.preview.control.PreviewUrls;
import org.healthportal.cms.preview.entity.PreviewLink;

/**
 * The preview links of the article on the editor and review screens (WEB-INF/includes/preview-links.xhtml): make
 * one for the revision on screen and copy it, see the article's links, revoke one. The page passes the article's
 * id to each call; the service decides who may.
 */
@Named
@ViewScoped
public class PreviewLinksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PreviewLinks links;

    @Inject
    PreviewUrls urls;

    @Inject
    Clock clock;

    private Integer hours = PreviewLink.DEFAULT_HOURS;
    private String note;
    /** The link just made: shown once, to copy. Its token is nowhere else. */
    private String url;
    private transient List<PreviewLink> loaded;
    private transient Long loadedFor;

    /** A fresh dialog: the default expiry, no note, no link shown. */
    public void start() {
        hours = PreviewLink.DEFAULT_HOURS;
        note = null;
        url = null;
    }

    public void create(Long articleId) {
        try {
            PreviewLinks.Created created = links.create(articleId, hours, note);
            url = urls.of(created.token());
            loaded = null;
            Feedback.info("preview.created");
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public void revoke(Long articleId, Long linkId) {
        if (Feedback.attempt(() -> links.revoke(articleId, linkId), "preview.revokedMessage")) {
            loaded = null;
        }
    }

    /** The article's links, newest first; read once, and again after this bean made or revoked one. */
    public List<PreviewLink> links(Long articleId) {
        if (articleId == null) {
            return List.of();
        }
        if (loaded == null || !articleId.equals(loadedFor)) {
            try {
                loaded = links.list(articleId);
            } catch (CmsException refused) {
                loaded = List.of();
            }
            loadedFor = articleId;
        }
        return loaded;
    }

    /** active, expired or revoked, now. */
    public String status(PreviewLink link) {
        return link.status(clock.instant()).wireName();
    }

    public boolean isActive(PreviewLink link) {
        return link.isActive(clock.instant());
    }

    public Integer getHours() {
        return hours;
    }

    public void setHours(Integer hours) {
        this.hours = hours;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getUrl() {
        return url;
    }
}
