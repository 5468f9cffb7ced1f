/**
 * Moving a WordPress site in: its export (WXR) read as a stream, its text cleaned of blocks and shortcodes, and
 * (to come) its posts turned into drafts that still need this CMS's medical review before anything is public.
 */
package org.healthportal.cms.importing;
