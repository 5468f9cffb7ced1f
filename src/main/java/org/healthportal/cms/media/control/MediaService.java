package org.healthportal.cms.media.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.media.entity.MediaItem;
import org.healthportal.cms.platform.CmsException;

/** Uploads and lists images. Editors upload; anyone may read what the public pages reference. */
@Stateless
public class MediaService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** Largest image accepted, in pixels (width × height as its header declares them). */
    @Inject
    @ConfigProperty(name = "cms.media.max-pixels", defaultValue = "" + ImageCheck.DEFAULT_MAX_PIXELS)
    long maxPixels;

    public MediaItem upload(String fileName, byte[] data, String altText) {
        return upload(fileName, data, altText, currentUser.require());
    }

    /** As above, for an upload made on someone's behalf (an import running after its request ended). */
    public MediaItem upload(String fileName, byte[] data, String altText, Account uploader) {
        if (!uploader.has(Role.EDITOR) && !uploader.has(Role.ADMIN)) {
            throw new CmsException.Forbidden("Only editors upload images").withKey("error.editorOnly");
        }
        String type = ImageCheck.contentType(data);
        int[] size = ImageCheck.requireWithinPixels(data, maxPixels);
        byte[] stored = ImageMetadata.strip(data, type);
        MediaItem item = new MediaItem(safeName(fileName, type), type, stored, size[0], size[1], altText,
                sha256(stored), uploader.getUsername(), clock.instant());
        em.persist(item);
        return item;
    }

    public MediaItem describe(Long id, String altText) {
        MediaItem item = find(id).orElseThrow(() -> new CmsException.NotFound("No image with id " + id));
        item.describe(altText);
        return item;
    }

    public Optional<MediaItem> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(MediaItem.class, id));
    }

    /** A page of images without their bytes, newest first. */
    public Page<MediaItem> list(int page, int size) {
        int first = Page.offset(page, size);
        List<MediaItem> items = em.createQuery("SELECT m FROM MediaItem m ORDER BY m.uploadedAt DESC, m.id DESC",
                MediaItem.class).setFirstResult(first).setMaxResults(size).getResultList();
        long total = em.createQuery("SELECT COUNT(m) FROM MediaItem m", Long.class).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    /** A file name safe in a URL path: Latin letters, digits, dots and hyphens, with the right extension. */
    static String safeName(String fileName, String type) {
        String extension = switch (type) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            default -> "webp";
        };
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        base = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "image";
        }
        return (base.length() > 60 ? base.substring(0, 60) : base) + "." + extension;
    }

    private static String sha256(byte[] data) {
        return org.healthportal.cms.platform.Hashing.sha256Hex(data);
    }

}
