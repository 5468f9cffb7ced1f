package org.healthportal.cms.taxonomy.entity;

/** Fired when an admin changes the overdue-review policy: public pages render it, so they must be dropped. */
public record ReviewPolicyChanged(String policy) {
}
