/**
 * The editorial workflow: the one table of states and actions, the service that applies it for the back office and
 * the API, scheduled publication, the re-review cycle, review comments, diffs, and the hash-chained audit trail.
 */
package org.healthportal.cms.workflow;
