package org.healthportal.cms.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The CMS's one datasource. URL and credentials come from MicroProfile Config, so {@code CMS_DB_URL},
 * {@code CMS_DB_USER} and {@code CMS_DB_PASSWORD} switch from the embedded H2 default to MySQL.
 * Payara's own default datasource lives in a temporary directory and is never used.
 */
@Singleton
@DataSourceDefinition(
        name = DatabaseConfiguration.JNDI_NAME,
        className = "org.healthportal.cms.platform.CmsDataSource",
        url = "${MPCONFIG=cms.db.url}",
        user = "${MPCONFIG=cms.db.user}",
        password = "${MPCONFIG=cms.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
        })
public class DatabaseConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/cms";
}
