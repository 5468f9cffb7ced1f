/**
 * Login-free, expiring preview links: an editor or reviewer shares one revision with an outside expert, who opens
 * it at {@code /preview/{token}} without an account, drawn like the public page under a banner. Tokens are stored
 * as hashes only; links are listed, revoked and audited.
 */
package org.healthportal.cms.preview;
