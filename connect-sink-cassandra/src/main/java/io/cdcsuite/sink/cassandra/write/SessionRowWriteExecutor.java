package io.cdcsuite.sink.cassandra.write;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;

import io.cdcsuite.sink.cassandra.cql.CqlStatements;
import io.cdcsuite.sink.cassandra.cql.PreparedCache;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.cql.TypedPrepared;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * Sends row writes through a driver session: prepared INSERT/DELETE statements, cached per table and
 * column list, each with USING TIMESTAMP (and TTL for upserts); several rows (of one partition, or of partitions
 * with the same replicas) as an unlogged batch. Every statement is marked idempotent (its timestamp makes it so), so the driver may
 * retry and speculate on its own as well.
 */
public final class SessionRowWriteExecutor implements RowWriteExecutor {
    /** Distinct statement shapes kept prepared; schemaless rows with ever-changing fields could exceed it. */
    private static final int MAX_PREPARED = 10_000;

    private record StatementShape(TableId table, RowChange.Kind kind, List<String> columns) {
    }

    private final CqlSession session;
    private final Function<TableId, ConsistencyLevel> consistency;
    private final PreparedCache<StatementShape> prepared;

    public SessionRowWriteExecutor(CqlSession session, Function<TableId, ConsistencyLevel> consistency) {
        this.session = session;
        this.consistency = consistency;
        this.prepared = new PreparedCache<>(session, shape -> shape.kind() == RowChange.Kind.DELETE
                ? CqlStatements.delete(shape.table(), shape.columns())
                : CqlStatements.insert(shape.table(), shape.columns()), MAX_PREPARED);
    }

    @Override
    public CompletionStage<?> execute(List<RowWrite> rows) {
        // the rows of a unit mostly share one shape: each distinct statement is looked up once, not once per row
        List<CompletableFuture<TypedPrepared>> rowStatements = new ArrayList<>(rows.size());
        Map<StatementShape, CompletableFuture<TypedPrepared>> statements = new HashMap<>();
        for (RowWrite row : rows) {
            StatementShape shape = new StatementShape(row.table().table(), row.kind(),
                    List.copyOf(row.values().keySet()));
            rowStatements.add(statements.computeIfAbsent(shape, prepared::get));
        }
        TableId table = rows.get(0).table().table();
        return CompletableFuture.allOf(statements.values().toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
            List<BatchableStatement<?>> bound = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                bound.add(bind(rowStatements.get(i).join(), rows.get(i)));
            }
            Statement<?> statement = bound.size() == 1 ? bound.get(0)
                    : BatchStatement.newInstance(BatchType.UNLOGGED, bound);
            return session.executeAsync(statement.setConsistencyLevel(consistency.apply(table)).setIdempotent(true));
        });
    }

    /** The replicas of the row's partition by the driver's token map; null without one (metadata disabled). */
    @Override
    public Object replicas(RowWrite row) {
        Optional<TokenMap> tokens = session.getMetadata().getTokenMap();
        if (tokens.isEmpty()) {
            return null;
        }
        TableLayout table = row.table();
        CodecRegistry codecs = session.getContext().getCodecRegistry();
        ProtocolVersion protocol = session.getContext().getProtocolVersion();
        List<String> keyColumns = table.partitionKey();
        ByteBuffer[] components = new ByteBuffer[keyColumns.size()];
        for (int i = 0; i < components.length; i++) {
            Object value = row.partitionKey().get(i);
            if (value == null) {
                return null; // Cassandra refuses it anyway; the write fails on its own
            }
            components[i] = codecs.codecFor(table.type(keyColumns.get(i))).encode(value, protocol);
        }
        ByteBuffer routingKey = components.length == 1 ? components[0] : composite(components);
        return tokens.get().getReplicas(CqlIdentifier.fromInternal(table.table().keyspace()), routingKey);
    }

    /** A composite partition key as Cassandra hashes it: per component a 2-byte length, the bytes and a 0. */
    private static ByteBuffer composite(ByteBuffer[] components) {
        int size = 0;
        for (ByteBuffer component : components) {
            size += 2 + component.remaining() + 1;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer component : components) {
            out.putShort((short) component.remaining());
            out.put(component.duplicate());
            out.put((byte) 0);
        }
        out.flip();
        return out;
    }

    private static BatchableStatement<?> bind(TypedPrepared statement, RowWrite row) {
        BoundStatementBuilder builder = statement.builder();
        int index = 0;
        if (row.kind() == RowChange.Kind.DELETE) {
            builder.setLong(index++, row.timestamp());
        }
        // the statement's columns are the row's, in the same order (see execute)
        for (Object value : row.values().values()) {
            if (value == null) {
                builder.setToNull(index);
            } else if (value != RowWrite.UNSET) {
                statement.set(builder, index, value);
            }
            // an unset variable is sent as "unset": the column keeps its value
            index++;
        }
        if (row.kind() == RowChange.Kind.UPSERT) {
            builder.setInt(index++, row.ttlSeconds());
            builder.setLong(index, row.timestamp());
        }
        return builder.build();
    }
}
