package org.healthportal.cms.setup;

import org.healthportal.cms.platform.DatabaseConfiguration;
import org.healthportal.cms.platform.DemoGuard;
import org.healthportal.cms.platform.StartupGuard;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.healthportal.cms.setup.DemoContent;

/**
 * Brings the database up to date before anything else runs, then seeds what a first start needs: the demo
 * accounts and content on the embedded database, or the first admin on MySQL. A database that cannot be reached
 * or migrated stops the server with a message saying what to fix, rather than leaving a half-deployed CMS.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    private static final String MYSQL_TABLE_OPTIONS =
            " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "cms.db.url")
    String dbUrl;

    @Inject
    @ConfigProperty(name = "cms.demo", defaultValue = "auto")
    String demo;

    @Inject
    @ConfigProperty(name = "cms.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "cms.base-url", defaultValue = "http://127.0.0.1:8080/")
    String baseUrl;

    /** Where the HTTP listener listens, as the launcher set it; absent means every interface (Payara's default). */
    @Inject
    @ConfigProperty(name = DemoGuard.BIND_ADDRESS_PROPERTY)
    Optional<String> bindAddress;

    @Inject
    DemoContent demoContent;

    @PostConstruct
    void start() {
        try {
            migrate();
        } catch (RuntimeException e) {
            fail(StartupGuard.describeDatabaseFailure(dbUrl, e), e);
        }
        Optional<String> refusal;
        try {
            refusal = DemoGuard.refusal(bindAddress.orElse(null), demo, () -> demoContent.demoPasswordsInUse(isDemo()));
        } catch (RuntimeException e) {
            fail("Checking the demo accounts failed: " + e.getMessage(), e);
            return;
        }
        refusal.ifPresent(message -> fail(message, null));
        try {
            if (isDemo()) {
                demoContent.seed();
                LOG.info(() -> "CMS running at " + baseUrl + " (embedded database, demo content). Demo accounts:"
                        + " admin/admin-demo, editor/editor-demo, reviewer/reviewer-demo, doctor/doctor-demo"
                        + " (editor and reviewer). Back office: " + baseUrl + "admin/  API: " + baseUrl + "api/");
            } else {
                boolean created;
                try {
                    created = demoContent.ensureFirstAdmin(adminPassword.filter(p -> !p.isBlank()));
                } catch (RuntimeException raced) {
                    // Several nodes started at once on an empty database: one of them created the admin first.
                    if (!demoContent.hasAccounts()) {
                        throw raced;
                    }
                    created = false;
                }
                boolean first = created;
                LOG.info(() -> "CMS running at " + baseUrl + (first ? " (first admin account 'admin' created)" : ""));
            }
        } catch (RuntimeException e) {
            fail("Seeding the database failed: " + e.getMessage(), e);
        }
        StartupGuard.started();
    }

    private void migrate() {
        boolean mysql = dbUrl.startsWith("jdbc:mysql:");
        Flyway.configure(Bootstrap.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("tableOptions", mysql ? MYSQL_TABLE_OPTIONS : ""))
                .load()
                .migrate();
    }

    private boolean isDemo() {
        return "auto".equalsIgnoreCase(demo) ? dbUrl.startsWith("jdbc:h2:") : Boolean.parseBoolean(demo);
    }

    private static void fail(String message, RuntimeException cause) {
        StartupGuard.fail(message, cause);
        throw new IllegalStateException(message, cause);
    }
}
