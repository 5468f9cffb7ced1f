/**
 * Starting a node: the schema migrations, the first admin account, and the demo content of a first run, which
 * uses every feature and so sits above them all.
 */
package org.healthportal.cms.setup;
