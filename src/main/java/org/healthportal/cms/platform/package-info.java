/**
 * The shared kernel every feature may use and which uses none: typed failures, paging, slugs, hashing, HTML
 * escaping, text diffs, the clock and time zone, the hash-chained audit trail, the datasource and the database's
 * availability, draining, the security headers, the REST application and its error mapping, back-office messages,
 * and the launcher that runs Payara Micro for {@code mvn -Prun} and the tests.
 */
package org.healthportal.cms.platform;
