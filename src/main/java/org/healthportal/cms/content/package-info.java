/**
 * Articles and their revisions: what editors write, the sanitizing of bodies, slugs, lists paged in the database,
 * the JSON API over articles and the back office's list, dashboard and editor. What may change when is decided by
 * the {@code Article} entity, with the state table of the workflow package.
 */
package org.healthportal.cms.content;
