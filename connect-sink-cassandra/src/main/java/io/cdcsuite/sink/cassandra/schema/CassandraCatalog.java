package io.cdcsuite.sink.cassandra.schema;

import java.util.Optional;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;

/** What the schema manager reads from and does to Cassandra's schema. */
public interface CassandraCatalog {
    Optional<TableLayout> table(TableId table);

    boolean keyspaceExists(String keyspace);

    /** Runs a schema change and waits until the nodes agree on the new schema. */
    void execute(String ddl);

    /**
     * Waits until a table just created (by this task or, concurrently, by another) answers queries: a node may
     * still refuse statements on it for a moment after a concurrent {@code CREATE TABLE IF NOT EXISTS} returned.
     */
    void awaitQueryable(TableId table);
}
