package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;

import io.cdcsuite.sink.cassandra.cql.CqlStatements;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * Sends row writes through a driver session: prepared INSERT/DELETE statements, cached per table and
 * column list, each with USING TIMESTAMP (and TTL for upserts); several rows of one partition as an
 * unlogged batch. Every statement is marked idempotent (its timestamp makes it so), so the driver may
 * retry and speculate on its own as well.
 */
public final class SessionRowWriteExecutor implements RowWriteExecutor {
    /** Distinct statement shapes kept prepared; schemaless rows with ever-changing fields could exceed it. */
    private static final int MAX_PREPARED = 10_000;

    private record StatementShape(TableId table, RowChange.Kind kind, List<String> columns) {
    }

    private final CqlSession session;
    private final Function<TableId, ConsistencyLevel> consistency;
    private final Map<StatementShape, CompletableFuture<PreparedStatement>> prepared = new ConcurrentHashMap<>();

    public SessionRowWriteExecutor(CqlSession session, Function<TableId, ConsistencyLevel> consistency) {
        this.session = session;
        this.consistency = consistency;
    }

    @Override
    public CompletionStage<?> execute(List<RowWrite> rows) {
        List<CompletableFuture<BatchableStatement<?>>> bound = new ArrayList<>(rows.size());
        for (RowWrite row : rows) {
            bound.add(bind(row));
        }
        TableId table = rows.get(0).table().table();
        return CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new)).thenCompose(ignored -> {
            Statement<?> statement;
            if (bound.size() == 1) {
                statement = bound.get(0).join();
            } else {
                BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
                for (CompletableFuture<BatchableStatement<?>> one : bound) {
                    batch = batch.add(one.join());
                }
                statement = batch;
            }
            return session.executeAsync(statement.setConsistencyLevel(consistency.apply(table)).setIdempotent(true));
        });
    }

    private CompletableFuture<BatchableStatement<?>> bind(RowWrite row) {
        List<String> columns = List.copyOf(row.values().keySet());
        StatementShape shape = new StatementShape(row.table().table(), row.kind(), columns);
        return prepare(shape).thenApply(statement -> {
            BoundStatementBuilder builder = statement.boundStatementBuilder();
            CodecRegistry codecs = session.getContext().getCodecRegistry();
            int index = 0;
            if (row.kind() == RowChange.Kind.DELETE) {
                builder.setLong(index++, row.timestamp());
            }
            for (String column : columns) {
                Object value = row.values().get(column);
                if (value == null) {
                    builder.setToNull(index);
                } else if (value != RowWrite.UNSET) {
                    TypeCodec<Object> codec = codecs.codecFor(statement.getVariableDefinitions().get(index).getType());
                    builder.set(index, value, codec);
                }
                // an unset variable is sent as "unset": the column keeps its value
                index++;
            }
            if (row.kind() == RowChange.Kind.UPSERT) {
                builder.setInt(index++, row.ttlSeconds());
                builder.setLong(index, row.timestamp());
            }
            return builder.build();
        });
    }

    private CompletableFuture<PreparedStatement> prepare(StatementShape shape) {
        if (prepared.size() > MAX_PREPARED) {
            prepared.clear();
        }
        CompletableFuture<PreparedStatement> future = prepared.computeIfAbsent(shape, s ->
                session.prepareAsync(s.kind() == RowChange.Kind.DELETE
                        ? CqlStatements.delete(s.table(), s.columns())
                        : CqlStatements.insert(s.table(), s.columns())).toCompletableFuture());
        // a failed preparation (node down, table changed) is tried again by the next write of this shape
        future.whenComplete((statement, error) -> {
            if (error != null) {
                prepared.remove(shape, future);
            }
        });
        return future;
    }
}
