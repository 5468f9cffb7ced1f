package org.healthportal.cms.content.boundary.web;

import java.io.Serializable;
import org.healthportal.cms.content.entity.Reference;

/** A reference as the article form edits it: loose text until a save turns it into a {@link Reference}. */
public class ReferenceRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private String title;
    private String publisher;
    private Integer year;
    private String link;

    static ReferenceRow of(Reference r) {
        ReferenceRow row = new ReferenceRow();
        row.title = r.getTitle();
        row.publisher = r.getPublisher();
        row.year = r.getYear();
        row.link = r.getLink();
        return row;
    }

    boolean isBlank() {
        return (title == null || title.isBlank()) && (publisher == null || publisher.isBlank()) && year == null
                && (link == null || link.isBlank());
    }

    Reference toReference() {
        return new Reference(title, publisher, year, link);
    }

    /** The address the public page would link, as {@link Reference#url()}; null when the link is none. */
    public String url() {
        return Reference.urlOf(link);
    }

    @Override
    public String toString() {
        return title + "|" + publisher + "|" + year + "|" + link;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPublisher() {
        return publisher;
    }

    public void setPublisher(String publisher) {
        this.publisher = publisher;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }
}
