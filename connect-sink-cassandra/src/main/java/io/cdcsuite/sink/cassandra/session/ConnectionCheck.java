package io.cdcsuite.sink.cassandra.session;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.metadata.Node;

import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;
import io.cdcsuite.sink.cassandra.config.ColumnMapping;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.schema.SessionCatalog;

/**
 * What {@code Connector.validate()} checks against Cassandra itself: that it can connect (reporting the
 * problem on the key to fix: contact points, bundle, credentials, TLS, local datacenter), that the tables
 * named in {@code table.mapping} and {@code column.mapping} exist unless {@code auto.create} is on, and
 * that mapped columns exist unless {@code auto.evolve} is on.
 */
public final class ConnectionCheck {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long CHECK_TIMEOUT_SECONDS = 30;

    private ConnectionCheck() {
    }

    /** Problems by config key; empty when everything checked is fine. */
    public static Map<String, String> problems(CassandraSinkConfig config) {
        Map<String, String> problems = new LinkedHashMap<>();
        CompletionStage<CqlSession> connecting = SessionFactory.connect(config, config.connectorName() + "-validate",
                false, CONNECT_TIMEOUT);
        CqlSession session;
        try {
            session = connecting.toCompletableFuture().get(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            problems.put(keyFor(config, e.getCause()), "Cannot connect to Cassandra: " + e.getCause().getMessage());
            return problems;
        } catch (TimeoutException e) {
            connecting.toCompletableFuture().cancel(false);
            connecting.thenAccept(CqlSession::closeAsync);
            problems.put(connectionKey(config), "Cannot connect to Cassandra within " + CHECK_TIMEOUT_SECONDS + " s");
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.put(connectionKey(config), "Interrupted while connecting to Cassandra");
            return problems;
        }
        try (session) {
            checkDatacenter(config, session, problems);
            checkTables(config, new SessionCatalog(session), problems);
        }
        return problems;
    }

    private static void checkDatacenter(CassandraSinkConfig config, CqlSession session, Map<String, String> problems) {
        if (config.cloudBundle() != null) {
            return;
        }
        Set<String> datacenters = new TreeSet<>();
        for (Node node : session.getMetadata().getNodes().values()) {
            if (node.getDatacenter() != null) {
                datacenters.add(node.getDatacenter());
            }
        }
        if (!datacenters.isEmpty() && !datacenters.contains(config.localDatacenter())) {
            problems.put(CassandraSinkConfig.LOCAL_DATACENTER, "The cluster has no datacenter '"
                    + config.localDatacenter() + "'; it has " + datacenters);
        }
    }

    private static void checkTables(CassandraSinkConfig config, SessionCatalog catalog, Map<String, String> problems) {
        Set<TableId> missing = new HashSet<>();
        if (!config.autoCreate()) {
            for (Map.Entry<String, TableId> mapping : config.tableMappings().entrySet()) {
                if (catalog.table(mapping.getValue()).isEmpty()) {
                    missing.add(mapping.getValue());
                    problems.merge(CassandraSinkConfig.TABLE_MAPPING, "Table " + mapping.getValue() + " (for topic "
                            + mapping.getKey() + ") does not exist; create it or set auto.create=true", ConnectionCheck::join);
                }
            }
        }
        if (config.autoEvolve()) {
            return;
        }
        for (Map.Entry<TableId, List<ColumnMapping>> entry : config.columnMappings().all().entrySet()) {
            Optional<TableLayout> layout = catalog.table(entry.getKey());
            if (layout.isEmpty()) {
                if (!config.autoCreate() && missing.add(entry.getKey())) {
                    problems.merge(CassandraSinkConfig.COLUMN_MAPPING, "Table " + entry.getKey()
                            + " does not exist; create it or set auto.create=true", ConnectionCheck::join);
                }
                continue;
            }
            for (ColumnMapping column : entry.getValue()) {
                if (!column.excludes() && layout.get().type(column.column()) == null) {
                    problems.merge(CassandraSinkConfig.COLUMN_MAPPING, "Table " + entry.getKey() + " has no column '"
                            + column.column() + "'; add it or set auto.evolve=true", ConnectionCheck::join);
                }
            }
        }
    }

    /** The key a connection failure is reported on: the setting most likely to fix it. */
    static String keyFor(CassandraSinkConfig config, Throwable error) {
        if (hasCause(error, AuthenticationException.class)) {
            return config.astraToken() != null ? CassandraSinkConfig.ASTRA_TOKEN : CassandraSinkConfig.AUTH_PASSWORD;
        }
        if (hasCause(error, SSLException.class)) {
            return config.cloudBundle() != null ? CassandraSinkConfig.CLOUD_BUNDLE
                    : config.sslTruststorePath().isEmpty() ? CassandraSinkConfig.SSL_ENABLED
                    : CassandraSinkConfig.SSL_TRUSTSTORE_PATH;
        }
        return connectionKey(config);
    }

    private static String connectionKey(CassandraSinkConfig config) {
        return config.cloudBundle() != null ? CassandraSinkConfig.CLOUD_BUNDLE : CassandraSinkConfig.CONTACT_POINTS;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause instanceof AllNodesFailedException allFailed) {
                boolean found = allFailed.getAllErrors().values().stream().flatMap(List::stream)
                        .anyMatch(nodeError -> hasCause(nodeError, type));
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String join(String first, String second) {
        return first + "; " + second;
    }
}
