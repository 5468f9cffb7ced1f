package org.healthportal.cms.compliance.entity;

/**
 * A text the claims check reads and records findings against: an article's revision, seen from below so that
 * compliance does not depend on the content feature.
 */
public interface CheckedText {

    /** The stored id the findings are recorded under. */
    Long getId();

    String getTitle();

    String getSummary();

    String getBody();
}
