package io.cdcsuite.source.timestamp.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.config.SslMode;

/**
 * How to open a JDBC connection to MySQL. Sessions run in UTC ({@code connectionTimeZone=UTC} with
 * {@code forceConnectionTimeZoneToSession}, which sets {@code time_zone='+00:00'} and needs no time zone tables),
 * so TIMESTAMP values and {@code UTC_TIMESTAMP()} share one frame that has no daylight saving gaps or repeats.
 * The password lives only in the {@link Properties} and is never logged.
 */
public final class ConnectionSettings {
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final String url;
    private final Properties properties;

    ConnectionSettings(String url, Properties properties) {
        this.url = url;
        this.properties = properties;
    }

    public static ConnectionSettings from(TimestampSourceConfig config) {
        String url = config.connectionUrl().isEmpty()
                ? "jdbc:mysql://" + config.hostname() + ":" + config.port() + "/"
                : config.connectionUrl();
        Properties properties = new Properties();
        if (!config.user().isEmpty()) {
            properties.setProperty("user", config.user());
        }
        String password = config.password().value();
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectionTimeZone", "UTC");
        properties.setProperty("forceConnectionTimeZoneToSession", "true");
        properties.setProperty("preserveInstants", "true");
        // zero dates ('0000-00-00') read as NULL, which the type mapping handles as Debezium does
        properties.setProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        properties.setProperty("useCursorFetch", "false");
        properties.setProperty("tinyInt1isBit", "false");
        properties.setProperty("yearIsDateType", "false");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        SslMode sslMode = config.sslMode();
        properties.setProperty("sslMode", sslMode.driverValue());
        if (sslMode.verifiesServer() && !config.sslTruststore().isEmpty()) {
            properties.setProperty("trustCertificateKeyStoreUrl", Path.of(config.sslTruststore()).toUri().toString());
            String truststorePassword = config.sslTruststorePassword().value();
            if (!truststorePassword.isEmpty()) {
                properties.setProperty("trustCertificateKeyStorePassword", truststorePassword);
            }
        }
        return new ConnectionSettings(url, properties);
    }

    /** The URL without credentials, for logs. */
    public String url() {
        return url;
    }

    /** A copy of the connection properties (tests check them; callers must not log them). */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /**
     * Opens a connection with Connector/J's driver directly: {@code DriverManager} cannot see drivers that live in a
     * plugin's class loader.
     */
    public Connection open() throws SQLException {
        Connection connection = new com.mysql.cj.jdbc.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Connector/J does not accept the URL " + url);
        }
        return connection;
    }
}
