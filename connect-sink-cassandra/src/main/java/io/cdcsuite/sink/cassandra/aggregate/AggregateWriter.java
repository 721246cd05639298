package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;

import io.cdcsuite.sink.cassandra.config.ReplicationSettings;
import io.cdcsuite.sink.cassandra.cql.CqlStatements;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;
import io.cdcsuite.sink.cassandra.mapping.SourceTable;
import io.cdcsuite.sink.cassandra.schema.CassandraCatalog;
import io.cdcsuite.sink.cassandra.write.AcceptedChange;
import io.cdcsuite.sink.cassandra.write.ChangeWriter;
import io.cdcsuite.sink.cassandra.write.DeadLetterRouter;
import io.cdcsuite.sink.cassandra.write.RecordPosition;
import io.cdcsuite.sink.cassandra.write.WriteBatch;
import io.cdcsuite.sink.cassandra.write.WriteUnit;

/**
 * Keeps the declared aggregates: per put() batch and aggregate, the last change of each source row becomes one
 * {@link AggregateUnit}; the units of an aggregate run one after another.
 */
public final class AggregateWriter implements ChangeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AggregateWriter.class);

    private final List<AggregateDefinition> definitions;
    private final CassandraCatalog catalog;
    private final boolean autoCreate;
    private final ReplicationSettings replication;
    private final Map<TableId, AggregateSession> sessions = new HashMap<>();
    private final DeadLetterRouter deadLetters;
    private final Map<TableId, AggregateLayout> layouts = new HashMap<>();
    private final Map<TableId, CompletableFuture<Void>> lastUnit = new HashMap<>();

    public AggregateWriter(List<AggregateDefinition> definitions, CassandraCatalog catalog, boolean autoCreate,
                           ReplicationSettings replication, CqlSession session,
                           Function<TableId, ConsistencyLevel> consistency, DeadLetterRouter deadLetters) {
        this.definitions = List.copyOf(definitions);
        this.catalog = catalog;
        this.autoCreate = autoCreate;
        this.replication = replication;
        this.deadLetters = deadLetters;
        for (AggregateDefinition definition : definitions) {
            sessions.put(definition.target(), new AggregateSession(session, consistency.apply(definition.target())));
        }
    }

    /** Finds (or, with auto.create, creates) the tables of every aggregate the batch feeds. */
    @Override
    public void prepare(List<RowChange> changes) {
        for (AggregateDefinition definition : definitions) {
            if (layouts.containsKey(definition.target())) {
                continue;
            }
            Optional<AggregateLayout> existing = existingLayout(definition);
            if (existing.isPresent()) {
                layouts.put(definition.target(), existing.get());
                continue;
            }
            // the first change that carries the row's fields decides the column types
            changes.stream().filter(change -> feeds(definition, change.source()) && !change.valueColumns().isEmpty())
                    .findFirst()
                    .ifPresent(change -> layouts.put(definition.target(), create(definition, change)));
        }
    }

    private Optional<AggregateLayout> existingLayout(AggregateDefinition definition) {
        Optional<TableLayout> serving = catalog.table(definition.target());
        Optional<TableLayout> members = catalog.table(definition.membersTable());
        if (serving.isPresent() && members.isPresent() && catalog.table(definition.memberOfTable()).isPresent()) {
            return Optional.of(AggregateLayout.from(definition, serving.get(), members.get()));
        }
        return Optional.empty();
    }

    private AggregateLayout create(AggregateDefinition definition, RowChange sample) {
        if (!autoCreate) {
            throw new ConnectException("The tables of aggregate " + definition.target() + " do not exist; create them "
                    + "or set auto.create=true");
        }
        AggregateLayout layout;
        try {
            layout = AggregateLayout.from(definition, MemberResolver.fields(sample));
        } catch (RecordMappingException e) {
            throw new ConnectException("Aggregate " + definition.target() + ": " + e.getMessage(), e);
        }
        if (!catalog.keyspaceExists(definition.target().keyspace())) {
            catalog.execute(CqlStatements.createKeyspace(definition.target().keyspace(), replication.cqlLiteral()));
        }
        AggregateStatements sql = new AggregateStatements(layout);
        for (String ddl : List.of(sql.createMemberOf(), sql.createMembers(), sql.createServing())) {
            LOG.info("Creating aggregate table: {}", ddl);
            catalog.execute(ddl);
        }
        // another task may have created them first: use what is there
        return existingLayout(definition).orElse(layout);
    }

    @Override
    public List<WriteUnit> plan(WriteBatch batch) {
        List<WriteUnit> units = new ArrayList<>();
        for (AggregateDefinition definition : definitions) {
            AggregateLayout layout = layouts.get(definition.target());
            Map<String, MemberChange> latest = new LinkedHashMap<>();
            for (AcceptedChange accepted : batch.changes()) {
                RowChange change = accepted.change();
                if (!feeds(definition, change.source())) {
                    continue;
                }
                if (layout == null) {
                    continue; // only deletes so far, and no tables yet: nothing to remove
                }
                try {
                    String key = MemberResolver.memberKey(change);
                    Membership membership = MemberResolver.resolve(layout, change);
                    MemberChange earlier = latest.remove(key);
                    List<RecordPosition> positions = new ArrayList<>();
                    if (earlier != null) {
                        positions.addAll(earlier.positions());
                    }
                    positions.add(accepted.position());
                    latest.put(key, new MemberChange(key, accepted.timestamp(), membership, positions));
                } catch (RecordMappingException | IllegalArgumentException e) {
                    deadLetters.report(accepted.position().record(), new RecordMappingException(
                            "aggregate " + definition.target() + ": " + e.getMessage()));
                }
            }
            if (latest.isEmpty()) {
                continue;
            }
            AggregateUnit unit = new AggregateUnit(layout, new AggregateStatements(layout),
                    sessions.get(definition.target()),
                    new ArrayList<>(latest.values()),
                    lastUnit.getOrDefault(definition.target(), CompletableFuture.completedFuture(null)));
            lastUnit.put(definition.target(), unit.done());
            units.add(unit);
        }
        return units;
    }

    private static boolean feeds(AggregateDefinition definition, SourceTable source) {
        return source != null && definition.reads(source.database(), source.table());
    }
}
