package org.healthportal.cms.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The datasource class behind {@link DatabaseConfiguration}: picks the JDBC driver from the URL, so that the same
 * deployment runs on embedded H2 or on MySQL with nothing but {@code CMS_DB_URL} changed. Payara pools the
 * connections it hands out.
 */
public class CmsDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private int loginTimeout;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        if (url == null || url.isBlank()) {
            throw new SQLException("No database URL configured (set CMS_DB_URL)");
        }
        if (DatabaseAvailability.shortCircuit()) {
            throw new SQLTransientConnectionException("The database does not answer (known a moment ago)", "08001");
        }
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        // An empty MicroProfile Config value reaches us unresolved; it means "no password".
        if (secret != null && !secret.startsWith("${")) {
            properties.setProperty("password", secret);
        }
        if (url.startsWith("jdbc:mysql:")) {
            // Bounded waits unless the URL says otherwise: a database host that stopped answering (rather than
            // refusing) must not hold request threads for minutes. The availability probe sees it within a second.
            setUnlessInUrl(properties, "connectTimeout", "2000");
            setUnlessInUrl(properties, "socketTimeout", "30000");
        }
        try {
            Connection connection = driverFor(url).connect(url, properties);
            if (connection == null) {
                throw new SQLException("Unsupported database URL (use jdbc:h2:… or jdbc:mysql://…): " + url);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            StartupGuard.fail(StartupGuard.describeDatabaseFailure(url, e), e);
            throw e;
        }
    }

    private void setUnlessInUrl(Properties properties, String name, String value) {
        if (!url.contains(name + "=")) {
            properties.setProperty(name, value);
        }
    }

    static Driver driverFor(String url) throws SQLException {
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        if (url.startsWith("jdbc:mysql:")) {
            return new com.mysql.cj.jdbc.Driver();
        }
        throw new SQLException("Unsupported database URL (use jdbc:h2:… or jdbc:mysql://…): " + url);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Drivers log through java.util.logging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
