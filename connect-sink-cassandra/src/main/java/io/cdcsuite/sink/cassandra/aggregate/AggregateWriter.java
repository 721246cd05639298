package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import io.cdcsuite.sink.cassandra.write.WriteBatch;
import io.cdcsuite.sink.cassandra.write.WriteUnit;

/**
 * Keeps the declared aggregates: per put() batch and aggregate, the last change of each source row becomes one
 * {@link AggregateUnit}; the units of an aggregate run one after another in its {@link AggregateLane}. While a unit
 * runs, the task reads and plans the next batch; then put() waits for the running unit (the task pauses consumption
 * if that takes long), which bounds the records held in memory and keeps a rebalance's drain short.
 */
public final class AggregateWriter implements ChangeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AggregateWriter.class);
    /** Units per aggregate that may be unfinished when put() returns: the one just planned. */
    static final int UNFINISHED_UNITS = 1;

    /** How the writer reaches Cassandra and how it shares the aggregates with other tasks. */
    public record Settings(CqlSession session, Function<TableId, ConsistencyLevel> consistency, int batchSize,
                           boolean concurrentWriters) {
    }

    private final List<AggregateDefinition> definitions;
    private final CassandraCatalog catalog;
    private final boolean autoCreate;
    private final ReplicationSettings replication;
    private final Settings settings;
    private final DeadLetterRouter deadLetters;
    private final Map<TableId, AggregateLane> lanes = new HashMap<>();

    public AggregateWriter(List<AggregateDefinition> definitions, CassandraCatalog catalog, boolean autoCreate,
                           ReplicationSettings replication, Settings settings, DeadLetterRouter deadLetters) {
        this.definitions = List.copyOf(definitions);
        this.catalog = catalog;
        this.autoCreate = autoCreate;
        this.replication = replication;
        this.settings = settings;
        this.deadLetters = deadLetters;
    }

    /** Finds (or, with auto.create, creates) the tables of every aggregate the batch feeds. */
    @Override
    public void prepare(List<RowChange> changes) {
        for (AggregateDefinition definition : definitions) {
            if (lanes.containsKey(definition.target())) {
                continue;
            }
            Optional<AggregateLayout> existing = existingLayout(definition);
            if (existing.isPresent()) {
                lanes.put(definition.target(), lane(existing.get()));
                continue;
            }
            // the first change that carries the row's fields decides the column types
            changes.stream().filter(change -> feeds(definition, change.source()) && !change.valueColumns().isEmpty())
                    .findFirst()
                    .ifPresent(change -> lanes.put(definition.target(), lane(create(definition, change))));
        }
    }

    private AggregateLane lane(AggregateLayout layout) {
        AggregateSession session = new AggregateSession(settings.session(),
                settings.consistency().apply(layout.definition().target()));
        return new AggregateLane(layout, new CassandraAggregateStore(layout, session, settings.batchSize()),
                settings.concurrentWriters());
    }

    private Optional<AggregateLayout> existingLayout(AggregateDefinition definition) {
        Optional<TableLayout> serving = catalog.table(definition.target());
        Optional<TableLayout> members = catalog.table(definition.membersTable());
        Optional<TableLayout> memberOf = catalog.table(definition.memberOfTable());
        if (serving.isPresent() && members.isPresent() && memberOf.isPresent()
                && catalog.table(definition.progressTable()).isPresent()) {
            return Optional.of(AggregateLayout.from(definition, serving.get(), members.get(), memberOf.get()));
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
        // every table IF NOT EXISTS: another task may be creating them too
        for (String ddl : List.of(sql.createProgress(), sql.createMemberOf(), sql.createMembers(), sql.createServing())) {
            LOG.info("Creating aggregate table: {}", ddl);
            catalog.execute(ddl);
        }
        for (TableId table : List.of(definition.progressTable(), definition.memberOfTable(), definition.membersTable(),
                definition.target())) {
            catalog.awaitQueryable(table);
        }
        // another task may have created them first: use what is there
        return existingLayout(definition).orElse(layout);
    }

    @Override
    public List<WriteUnit> plan(WriteBatch batch) {
        List<WriteUnit> units = new ArrayList<>();
        for (AggregateDefinition definition : definitions) {
            AggregateLane lane = lanes.get(definition.target());
            Map<String, MemberChange> latest = new LinkedHashMap<>();
            for (AcceptedChange accepted : batch.changes()) {
                RowChange change = accepted.change();
                if (lane == null || !feeds(definition, change.source())) {
                    continue; // no tables yet means only deletes so far: nothing to remove
                }
                try {
                    String key = MemberResolver.memberKey(change);
                    MemberChange next = MemberChange.first(key, accepted.timestamp(),
                            MemberResolver.resolve(lane.layout(), change), accepted.position(), change.newRow());
                    MemberChange earlier = latest.remove(key);
                    latest.put(key, earlier == null ? next : next.after(earlier));
                } catch (RecordMappingException | IllegalArgumentException e) {
                    deadLetters.report(accepted.position(), new RecordMappingException(
                            "aggregate " + definition.target() + ": " + e.getMessage()));
                }
            }
            if (!latest.isEmpty()) {
                units.add(lane.next(new ArrayList<>(latest.values())));
            }
        }
        return units;
    }

    /** Waits until each aggregate's earlier units have finished: only the one just planned may run. */
    @Override
    public boolean awaitCapacity(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (AggregateLane lane : lanes.values()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!lane.awaitUnfinishedAtMost(UNFINISHED_UNITS, Math.max(0, left))) {
                return false;
            }
        }
        return true;
    }

    /** Other tasks may have changed the rows of partitions this task owns now: forget what the lanes remember. */
    @Override
    public void partitionsChanged() {
        lanes.values().forEach(AggregateLane::forget);
    }

    @Override
    public void close() {
        lanes.values().forEach(AggregateLane::close);
    }

    private static boolean feeds(AggregateDefinition definition, SourceTable source) {
        return source != null && definition.reads(source.database(), source.table());
    }
}
