/**
 * Articles and their revisions: what editors write, the state table of the workflow and the entity methods that
 * guard each transition, the one change path every change takes ({@code ArticleChanges}) and the one answer to
 * "may this account do this" ({@code Article.refusal}, {@code ArticlePermissions}), the sanitizing of bodies,
 * lists paged in the database, the JSON API over articles and the back office's list, dashboard and editor.
 */
package org.healthportal.cms.content;
