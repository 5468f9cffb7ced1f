/**
 * What runs around the change path over time and for reviewers: scheduled publication and the overdue-review
 * policy on a timer, the review screen, the history and compliance record of an article, the audit screens and
 * the review-policy API. Every change it makes goes through {@code content.control.ArticleChanges}.
 */
package org.healthportal.cms.workflow;
