package org.healthportal.cms.media.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.healthportal.cms.platform.CmsException;

/** An uploaded image. The bytes never change; the alt text may. */
@Entity
@Table(name = "media_item")
public class MediaItem {

    public static final int ALT_MAX = 250;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = 200, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 50, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int sizeBytes;

    @Column(updatable = false)
    private Integer width;

    @Column(updatable = false)
    private Integer height;

    @Column(name = "alt_text", nullable = false, length = ALT_MAX)
    private String altText;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] data;

    @Column(name = "uploaded_by", nullable = false, length = 64, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Version
    private long version;

    protected MediaItem() {
    }

    public MediaItem(String fileName, String contentType, byte[] data, Integer width, Integer height, String altText,
                     String sha256, String uploadedBy, Instant uploadedAt) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.data = data;
        this.sizeBytes = data.length;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        describe(altText);
    }

    /** Alt text is required: images on a health site must be readable without seeing them. */
    public void describe(String text) {
        String alt = text == null ? "" : text.strip();
        if (alt.isEmpty()) {
            throw new CmsException.InvalidInput("Alt text is required").withKey("error.altRequired").withField("alt");
        }
        if (alt.length() > ALT_MAX) {
            throw new CmsException.InvalidInput("Alt text is too long: at most " + ALT_MAX + " characters").withKey("error.altTooLong", ALT_MAX).withField("alt");
        }
        this.altText = alt;
    }

    /** The public path of the image; the name part is for people, the id decides. */
    public String path() {
        return "/media/" + id + "/" + fileName;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public String getAltText() {
        return altText;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getData() {
        return data;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public long getVersion() {
        return version;
    }
}
