package org.healthportal.cms.media.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.media.control.ImageCheck;
import org.healthportal.cms.media.control.MediaService;
import org.healthportal.cms.media.entity.MediaItem;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.primefaces.model.file.UploadedFile;

/** The media library screen, and the image picker of the editor. */
@Named
@ViewScoped
public class MediaBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 24;

    @Inject
    MediaService media;

    private transient UploadedFile file;
    private String altText;
    private int page;

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Feedback.error(new CmsException.InvalidInput("Choose a file").withKey("media.chooseFile").withField("file"));
            return;
        }
        if (file.getSize() > ImageCheck.MAX_BYTES) {
            Feedback.error(new CmsException.InvalidInput("Too large").withKey("media.tooLarge"));
            return;
        }
        try {
            MediaItem item = media.upload(file.getFileName(), file.getContent(), altText);
            Feedback.info("media.uploaded", item.getFileName());
            altText = null;
            file = null;
            page = 0;
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public void describe(MediaItem item, String text) {
        try {
            media.describe(item.getId(), text);
            Feedback.info("media.described");
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public List<MediaItem> getItems() {
        return current().items();
    }

    public long getTotal() {
        return current().total();
    }

    private Page<MediaItem> current() {
        return media.list(page, PAGE_SIZE);
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < getTotal();
    }

    public void next() {
        page++;
    }

    public void previous() {
        page = Math.max(0, page - 1);
    }

    public int getPage() {
        return page;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getAltText() {
        return altText;
    }

    public void setAltText(String altText) {
        this.altText = altText;
    }

    public int getMaxMegabytes() {
        return ImageCheck.MAX_BYTES / 1024 / 1024;
    }
}
