package org.healthportal.cms.accounts.entity;

/** What an account may do. One account may hold several; the names are the security groups. */
public enum Role {
    /** Creates, edits and submits articles; publishes approved ones. */
    EDITOR,
    /** A medical reviewer: approves or requests changes. */
    REVIEWER,
    /** Manages accounts, disclaimers; archives articles; may publish and unpublish. */
    ADMIN
}
