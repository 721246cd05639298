package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;

import io.cdcsuite.sink.cassandra.cql.PreparedCache;

/** Runs the aggregates' prepared statements asynchronously: binds values by the statement's own types. */
final class AggregateSession {
    private final CqlSession session;
    private final ConsistencyLevel consistency;
    /** By text; an aggregate has a fixed handful of statements, so nothing is ever dropped. */
    private final PreparedCache<String> prepared;

    AggregateSession(CqlSession session, ConsistencyLevel consistency) {
        this.session = session;
        this.consistency = consistency;
        this.prepared = new PreparedCache<>(session, Function.identity(), Integer.MAX_VALUE);
    }

    /** One statement with its values, to run alone or in a batch. */
    record Bound(String cql, List<Object> values) {
    }

    /** Every row of a (single-partition) query, across pages. */
    CompletionStage<List<Row>> rows(Bound query) {
        return bind(query).thenCompose(statement -> session.executeAsync(statement.setConsistencyLevel(consistency)))
                .thenCompose(first -> collect(first, new ArrayList<>()));
    }

    /** Writes, as one request: alone, or as an unlogged batch. */
    CompletionStage<Void> write(List<Bound> writes) {
        List<CompletableFuture<BoundStatement>> bound = new ArrayList<>(writes.size());
        writes.forEach(write -> bound.add(bind(write)));
        return CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new)).thenCompose(all -> {
            Statement<?> statement;
            if (bound.size() == 1) {
                statement = bound.get(0).join();
            } else {
                BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
                for (CompletableFuture<BoundStatement> one : bound) {
                    batch = batch.add(one.join());
                }
                statement = batch;
            }
            return session.executeAsync(statement.setConsistencyLevel(consistency).setIdempotent(true));
        }).thenApply(result -> null);
    }

    private static CompletionStage<List<Row>> collect(AsyncResultSet page, List<Row> rows) {
        page.currentPage().forEach(rows::add);
        if (!page.hasMorePages()) {
            return CompletableFuture.completedFuture(rows);
        }
        return page.fetchNextPage().thenCompose(next -> collect(next, rows));
    }

    private CompletableFuture<BoundStatement> bind(Bound bound) {
        return prepared.get(bound.cql()).thenApply(statement -> {
            BoundStatementBuilder builder = statement.builder();
            List<Object> values = bound.values();
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    builder.setToNull(i);
                } else {
                    statement.set(builder, i, value);
                }
            }
            return builder.build();
        });
    }
}
