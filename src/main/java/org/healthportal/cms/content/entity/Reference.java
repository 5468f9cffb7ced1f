package org.healthportal.cms.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.regex.Pattern;
import org.healthportal.cms.platform.CmsException;

/** One source an article rests on: a guideline, a paper, a textbook. Part of the text a reviewer approves. */
@Embeddable
public class Reference {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+|10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);

    public static final int TITLE_MAX = 300;
    public static final int PUBLISHER_MAX = 200;
    public static final int LINK_MAX = 500;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(nullable = false, length = PUBLISHER_MAX)
    private String publisher;

    @Column(name = "pub_year")
    private Integer year;

    @Column(length = LINK_MAX)
    private String link;

    protected Reference() {
    }

    /** @param link a URL or a DOI (10.xxxx/…); optional */
    public Reference(String title, String publisher, Integer year, String link) {
        this.title = required(title, TITLE_MAX, "error.referenceTitle");
        this.publisher = required(publisher, PUBLISHER_MAX, "error.referencePublisher");
        if (year != null && (year < 1900 || year > 2100)) {
            throw new CmsException.InvalidInput("A reference year is between 1900 and 2100").withKey("error.referenceYear");
        }
        this.year = year;
        String l = link == null ? null : link.strip();
        if (l != null && !l.isEmpty() && (l.length() > LINK_MAX || !LINK.matcher(l).matches())) {
            throw new CmsException.InvalidInput("A reference link is an http(s) URL or a DOI: " + l)
                    .withKey("error.referenceLink");
        }
        this.link = l == null || l.isEmpty() ? null : l;
    }

    private static String required(String value, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new CmsException.InvalidInput("Each reference needs a title and a publisher or journal").withKey(key);
        }
        return v;
    }

    /** The reference as one line, for hashing and display. */
    public String line() {
        return title + " · " + publisher + (year == null ? "" : " · " + year) + (link == null ? "" : " · " + link);
    }

    /** The link as a URL: DOIs resolve through doi.org. */
    public String url() {
        return urlOf(link);
    }

    /**
     * The URL a link as typed would have, or null when it is none (blank, or neither an http(s) URL nor a DOI):
     * the editor's preview links what the public page would link, and nothing else.
     */
    public static String urlOf(String link) {
        String l = link == null ? "" : link.strip();
        if (l.isEmpty() || !LINK.matcher(l).matches()) {
            return null;
        }
        return l.startsWith("10.") ? "https://doi.org/" + l : l;
    }

    public String getTitle() {
        return title;
    }

    public String getPublisher() {
        return publisher;
    }

    public Integer getYear() {
        return year;
    }

    public String getLink() {
        return link;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reference r && line().equals(r.line());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line());
    }
}
