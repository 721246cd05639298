package io.cdcsuite.source.timestamp.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One lazily opened connection, dropped after a failure and opened again on next use. */
public final class JdbcSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSession.class);

    private final ConnectionSettings settings;
    private Connection connection;

    public JdbcSession(ConnectionSettings settings) {
        this.settings = settings;
    }

    public synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = settings.open();
            connection.setAutoCommit(true);
            connection.setReadOnly(true);
            LOG.debug("Connected to {}", settings.url());
        }
        return connection;
    }

    /** Closes the connection (after a failure); the next {@link #connection()} opens a new one. */
    public synchronized void reset() {
        close();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the connection failed", e);
            }
            connection = null;
        }
    }
}
