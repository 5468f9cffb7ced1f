package org.healthportal.cms.site.boundary.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.site.control.PublicContent;

/** The public article page's data: the live revision only. */
@Named
@RequestScoped
public class ArticlePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    PublicContent content;

    @Inject
    FacesContext faces;

    private Revision revision;
    private ReviewerProfile reviewer;

    @PostConstruct
    void load() {
        Object slug = faces.getExternalContext().getRequestMap().get(PublicUrlFilter.SLUG);
        if (slug != null) {
            revision = content.findLive(slug.toString()).orElse(null);
            reviewer = revision == null ? null : content.reviewerOf(revision).orElse(null);
        }
        if (revision == null) {
            // Reached without the clean URL, or the article went offline meanwhile.
            try {
                faces.getExternalContext().responseSendError(404, "Not found");
                faces.responseComplete();
            } catch (java.io.IOException e) {
                faces.responseComplete();
            }
        }
    }

    public Revision getRevision() {
        return revision;
    }

    public ReviewerProfile getReviewer() {
        return reviewer;
    }

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
