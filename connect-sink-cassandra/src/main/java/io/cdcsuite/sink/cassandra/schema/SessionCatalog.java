package io.cdcsuite.sink.cassandra.schema;

import java.time.Duration;
import java.util.Optional;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;

import io.cdcsuite.sink.cassandra.cql.CqlNames;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;

/** The catalog of a driver session: its schema metadata, and schema changes through it. */
public final class SessionCatalog implements CassandraCatalog {
    /** Schema changes can take longer than writes: they wait for every node to agree. */
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);

    private final CqlSession session;

    public SessionCatalog(CqlSession session) {
        this.session = session;
    }

    @Override
    public Optional<TableLayout> table(TableId table) {
        return keyspace(table.keyspace())
                .flatMap(keyspace -> keyspace.getTable(CqlNames.quote(table.table())))
                .map(metadata -> TableLayout.of(table, metadata));
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return keyspace(keyspace).isPresent();
    }

    @Override
    public void execute(String ddl) {
        ResultSet result = session.execute(SimpleStatement.newInstance(ddl).setTimeout(DDL_TIMEOUT));
        if (!result.getExecutionInfo().isSchemaInAgreement()) {
            session.checkSchemaAgreement();
        }
        // make the new schema visible to table() at once, whatever the driver's refresh debouncing
        session.refreshSchema();
    }

    @Override
    public void awaitQueryable(TableId table) {
        SimpleStatement probe = SimpleStatement.newInstance("SELECT * FROM " + table.cql() + " LIMIT 1");
        long deadline = System.nanoTime() + DDL_TIMEOUT.toNanos();
        while (true) {
            try {
                session.execute(probe);
                return;
            } catch (InvalidQueryException | ServerError e) {
                // "does not exist" or "Unknown CF": the node is still applying a concurrent creation
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + table, e);
            }
        }
    }

    private Optional<KeyspaceMetadata> keyspace(String keyspace) {
        return session.getMetadata().getKeyspace(CqlNames.quote(keyspace));
    }
}
