/**
 * Notifications: who is told of what (reviewers of a submission, authors of a request for changes, …), in the
 * back office and by e-mail through an outbox written with the change and sent by a timer. Sits after
 * {@code workflow} and before {@code site}: it hears {@code content}'s {@code ArticleChanged} and the accounts'
 * own changes, and nothing before it knows it exists.
 */
package org.healthportal.cms.notifications;
