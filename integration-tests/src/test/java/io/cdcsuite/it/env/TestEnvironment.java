package io.cdcsuite.it.env;

import java.sql.Connection;
import java.sql.SQLException;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cdcsuite.stack.ConnectRestClient;

/**
 * The real servers a scenario runs against, wherever they live: local child processes or Testcontainers.
 * Addresses come in two views: the test's own ({@code mysqlRoot}, {@code kafkaBootstrap}, ...) and the Connect
 * worker's ({@link #connectView()}), which differ inside a container network.
 */
public interface TestEnvironment extends AutoCloseable {
    String name();

    /** A root JDBC connection from the test JVM; the caller closes it. */
    Connection mysqlRoot(String database) throws SQLException;

    String kafkaBootstrap();

    ConnectRestClient connect();

    /** A CQL session from the test JVM; the caller closes it. */
    CqlSession cassandra();

    /** The addresses and credentials a connector config must use, as the Connect worker reaches them. */
    ConnectView connectView();

    /** Stops Cassandra (an outage); {@link #startCassandra()} brings it back with the same data and address. */
    void stopCassandra();

    /** Starts Cassandra again after {@link #stopCassandra()} and returns once it answers CQL. */
    void startCassandra();

    /**
     * {@code kill -9} of the Connect worker: no shutdown hooks, no final offset commit. Its connectors run again
     * after {@link #startConnectWorker()}.
     */
    void killConnectWorker();

    /** Starts the worker again after {@link #killConnectWorker()}; returns once its REST API answers. */
    void startConnectWorker();

    @Override
    void close();

    /**
     * @param mysqlHost MySQL host as the worker sees it
     * @param mysqlPort MySQL port as the worker sees it
     * @param mysqlUser the CDC user (Debezium's grants)
     * @param mysqlPassword its password
     * @param kafkaBootstrap bootstrap servers as the worker sees them
     * @param cassandraHost Cassandra host as the worker sees it
     * @param cassandraPort CQL port as the worker sees it
     * @param cassandraDatacenter the local datacenter name
     */
    record ConnectView(String mysqlHost, int mysqlPort, String mysqlUser, String mysqlPassword,
                       String kafkaBootstrap, String cassandraHost, int cassandraPort, String cassandraDatacenter) {
    }
}
