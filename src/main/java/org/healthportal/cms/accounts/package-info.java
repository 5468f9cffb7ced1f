/**
 * Who signs in: accounts with hashed passwords and roles, reviewers' credentials, the identity store and the
 * authentication mechanism behind the form and Basic logins, and the screens where admins manage accounts and
 * everyone changes their own password.
 */
package org.healthportal.cms.accounts;
