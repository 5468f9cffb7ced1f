/**
 * Set-up shared by every feature: the datasource, Flyway migrations and first-start data, the authentication
 * mechanism, the security headers of every response, the REST application and its error mapping, the clock and
 * time zone, back-office messages, and the launcher that runs Payara Micro for {@code mvn -Prun} and the tests.
 */
package org.healthportal.cms.platform;
