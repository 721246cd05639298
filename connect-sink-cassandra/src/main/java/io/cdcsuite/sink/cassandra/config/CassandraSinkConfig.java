package io.cdcsuite.sink.cassandra.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import io.cdcsuite.sink.cassandra.aggregate.AggregateDefinition;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.DeleteMarkers;
import io.cdcsuite.sink.cassandra.mapping.FieldPath;
import io.cdcsuite.sink.cassandra.mapping.TableNameTemplate;

/** The configuration of the Cassandra / Astra DB sink. */
public final class CassandraSinkConfig extends AbstractConfig {
    public enum NullHandling { WRITE, UNSET }

    public enum TimestampSource { EVENT, SOURCE, KAFKA }

    public enum UnmappedFields { FAIL, IGNORE }

    private static final String GROUP_CONNECTION = "Connection";
    private static final String GROUP_TLS = "TLS";
    private static final String GROUP_TABLES = "Tables and columns";
    private static final String GROUP_SCHEMA = "Schema management";
    private static final String GROUP_WRITES = "Writes";
    private static final String GROUP_AGGREGATES = "Aggregates";
    private static final String GROUP_ERRORS = "Retries";

    public static final String CONTACT_POINTS = "contact.points";
    public static final String PORT = "port";
    public static final String LOCAL_DATACENTER = "local.datacenter";
    public static final String CLOUD_BUNDLE = "cloud.secure.connect.bundle";
    public static final String ASTRA_TOKEN = "astra.token";
    public static final String AUTH_USERNAME = "auth.username";
    public static final String AUTH_PASSWORD = "auth.password";

    public static final String SSL_ENABLED = "ssl.enabled";
    public static final String SSL_TRUSTSTORE_PATH = "ssl.truststore.path";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    public static final String SSL_KEYSTORE_PATH = "ssl.keystore.path";
    public static final String SSL_KEYSTORE_PASSWORD = "ssl.keystore.password";
    public static final String SSL_HOSTNAME_VALIDATION = "ssl.hostname.validation";

    public static final String TABLE_NAME_FORMAT = "table.name.format";
    public static final String TABLE_MAPPING = "table.mapping";
    public static final String COLUMN_MAPPING = "column.mapping";
    public static final String UNMAPPED_FIELDS = "unmapped.fields";
    public static final String DELETE_MARKER_FIELD = "delete.marker.field";
    public static final String SOFT_DELETE_FIELD = "soft.delete.field";
    public static final String SOFT_DELETE_VALUE = "soft.delete.value";

    public static final String AUTO_CREATE = "auto.create";
    public static final String AUTO_EVOLVE = "auto.evolve";
    public static final String KEYSPACE_REPLICATION = "keyspace.replication";

    public static final String CONSISTENCY_LEVEL = "consistency.level";
    public static final String TABLE_CONSISTENCY = "table.consistency";
    public static final String TTL_SECONDS = "ttl.seconds";
    public static final String TABLE_TTL = "table.ttl";
    public static final String TTL_FIELD = "ttl.field";
    public static final String NULL_HANDLING = "null.handling";
    public static final String WRITE_TIMESTAMP_SOURCE = "write.timestamp.source";
    public static final String MAX_INFLIGHT_REQUESTS = "max.inflight.requests";
    public static final String BATCH_MAX_STATEMENTS = "batch.max.statements";
    public static final String BATCH_MAX_PARTITIONS = "batch.max.partitions";

    public static final String AGGREGATES = "aggregates";
    public static final String BASE_TABLES_ENABLED = "base.tables.enabled";

    public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String RETRY_TIMEOUT_MS = "retry.timeout.ms";

    /** Cassandra's maximum TTL: 20 years. */
    static final int MAX_TTL_SECONDS = 630_720_000;

    public static final ConfigDef CONFIG_DEF = configDef();

    private final TableNameTemplate tableNameTemplate;
    private final Map<String, TableId> tableMappings;
    private final ColumnMappings columnMappings;
    private final ReplicationSettings replication;
    private final DefaultConsistencyLevel consistency;
    private final Map<TableId, DefaultConsistencyLevel> tableConsistency;
    private final Map<TableId, Integer> tableTtl;
    /** Asked for every upsert: read once (AbstractConfig.getInt looks the key up and records it as used). */
    private final int ttlSeconds;
    private final FieldPath ttlField;
    private final DriverSettings driverSettings;
    private final List<AggregateDefinition> aggregates;

    public CassandraSinkConfig(Map<String, ?> originals) {
        super(CONFIG_DEF, originals);
        tableNameTemplate = TableNameTemplate.parse(getString(TABLE_NAME_FORMAT));
        tableMappings = TopicTableMappings.parse(TABLE_MAPPING, getList(TABLE_MAPPING));
        columnMappings = ColumnMappings.parse(COLUMN_MAPPING, getList(COLUMN_MAPPING));
        replication = ReplicationSettings.parse(KEYSPACE_REPLICATION, getList(KEYSPACE_REPLICATION));
        consistency = ConsistencyLevelValidator.parse(getString(CONSISTENCY_LEVEL));
        tableConsistency = TableEntries.parse(TABLE_CONSISTENCY, getList(TABLE_CONSISTENCY),
                ConsistencyLevelValidator::parse);
        tableTtl = TableEntries.parse(TABLE_TTL, getList(TABLE_TTL), CassandraSinkConfig::parseTtl);
        ttlSeconds = getInt(TTL_SECONDS);
        String ttlFieldText = getString(TTL_FIELD);
        try {
            ttlField = ttlFieldText.isBlank() ? null : FieldPath.parse(ttlFieldText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TTL_FIELD, ttlFieldText, e.getMessage());
        }
        driverSettings = DriverSettings.from(originals);
        aggregates = AggregatesValidator.parse(AGGREGATES, getString(AGGREGATES));
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CONTACT_POINTS, Type.LIST, "", Importance.HIGH,
                "Cassandra nodes to connect to first: host names or IP addresses, each optionally with ':port'. "
                        + "The driver discovers the other nodes. Required unless " + CLOUD_BUNDLE + " is set.",
                GROUP_CONNECTION, ++order, Width.LONG, "Contact points",
                new VisibleWhen(CLOUD_BUNDLE, v -> v == null || v.toString().isBlank()));
        def.define(PORT, Type.INT, 9042, Range.between(1, 65535), Importance.MEDIUM,
                "CQL native port of contact points given without a port.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Port");
        def.define(LOCAL_DATACENTER, Type.STRING, "", Importance.HIGH,
                "The datacenter of the contact points: the driver sends requests to its nodes only. Required "
                        + "with " + CONTACT_POINTS + " (with a secure connect bundle it comes from the bundle).",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Local datacenter",
                new VisibleWhen(CLOUD_BUNDLE, v -> v == null || v.toString().isBlank()));
        def.define(CLOUD_BUNDLE, Type.STRING, "", Importance.HIGH,
                "Path of an Astra DB secure connect bundle (the zip downloaded from Astra). Replaces "
                        + CONTACT_POINTS + ", " + LOCAL_DATACENTER + " and the TLS settings.",
                GROUP_CONNECTION, ++order, Width.LONG, "Astra secure connect bundle");
        def.define(ASTRA_TOKEN, Type.PASSWORD, null, Importance.HIGH,
                "Astra DB application token (AstraCS:...). Sent as the password of user 'token'. Alternatively "
                        + "set " + AUTH_USERNAME + "/" + AUTH_PASSWORD + " to the token's client id and secret.",
                GROUP_CONNECTION, ++order, Width.LONG, "Astra token");
        def.define(AUTH_USERNAME, Type.STRING, "", Importance.HIGH,
                "User name for Cassandra's PLAIN authentication (PasswordAuthenticator), or an Astra client id.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User name");
        def.define(AUTH_PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                "Password of " + AUTH_USERNAME + ", or an Astra client secret.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");

        order = 0;
        def.define(SSL_ENABLED, Type.BOOLEAN, false, Importance.MEDIUM,
                "Connect with TLS. Without a truststore the JVM's default trust store verifies the server.",
                GROUP_TLS, ++order, Width.SHORT, "TLS");
        def.define(SSL_TRUSTSTORE_PATH, Type.STRING, "", Importance.MEDIUM,
                "Truststore (JKS or PKCS12) holding the certificates that sign the nodes' certificates.",
                GROUP_TLS, ++order, Width.LONG, "Truststore", new VisibleWhen(SSL_ENABLED, Boolean.TRUE::equals));
        def.define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                "Password of the truststore.",
                GROUP_TLS, ++order, Width.MEDIUM, "Truststore password", new VisibleWhen(SSL_ENABLED, Boolean.TRUE::equals));
        def.define(SSL_KEYSTORE_PATH, Type.STRING, "", Importance.MEDIUM,
                "Keystore (JKS or PKCS12) with the client certificate, for nodes that require client authentication.",
                GROUP_TLS, ++order, Width.LONG, "Keystore", new VisibleWhen(SSL_ENABLED, Boolean.TRUE::equals));
        def.define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                "Password of the keystore.",
                GROUP_TLS, ++order, Width.MEDIUM, "Keystore password", new VisibleWhen(SSL_ENABLED, Boolean.TRUE::equals));
        def.define(SSL_HOSTNAME_VALIDATION, Type.BOOLEAN, true, Importance.MEDIUM,
                "Check that each node's certificate matches its host name.",
                GROUP_TLS, ++order, Width.SHORT, "Host name validation", new VisibleWhen(SSL_ENABLED, Boolean.TRUE::equals));

        order = 0;
        def.define(TABLE_NAME_FORMAT, Type.STRING, "${db}.${table}", new TableNameTemplateValidator(), Importance.HIGH,
                "The keyspace.table a topic's records go to when " + TABLE_MAPPING + " does not name one. "
                        + "${db} and ${table} come from the envelope's source block, or, for records without one "
                        + "(unwrapped rows, tombstones), from the topic name <prefix>.<db>.<table>; ${topic} is the "
                        + "whole topic name. Characters Cassandra does not allow in names become '_'. Names keep "
                        + "their case (the sink quotes every identifier).",
                GROUP_TABLES, ++order, Width.MEDIUM, "Table name format");
        def.define(TABLE_MAPPING, Type.LIST, "",
                new ListEntriesValidator("list of topic:keyspace.table", TopicTableMappings::parse), Importance.HIGH,
                "Explicit tables per topic, e.g. 'demo.shop.orders:shop.orders,demo.shop.items:shop.items'.",
                GROUP_TABLES, ++order, Width.LONG, "Table per topic");
        def.define(COLUMN_MAPPING, Type.LIST, "",
                new ListEntriesValidator("list of keyspace.table:column=path", ColumnMappings::parse), Importance.MEDIUM,
                "Column overrides per table. By default every field of the record key and of the row becomes the "
                        + "column of the same name. An entry 'ks.t:col=path' writes column col from path: "
                        + "'value.<field>[.<nested>...]' (the row: after, before for deletes, or the flat value), "
                        + "'key' or 'key.<field>' (the record key; its columns form the primary key), "
                        + "'header.<name>', 'envelope.<path>' (e.g. envelope.source.ts_ms) or 'kafka.topic', "
                        + "'kafka.partition', 'kafka.offset', 'kafka.timestamp'. A field used as a path is no longer "
                        + "written under its own name (a rename). 'ks.t:col=' (empty path) skips column col.",
                GROUP_TABLES, ++order, Width.LONG, "Column mapping");
        def.define(UNMAPPED_FIELDS, Type.STRING, "fail", ValidString.in("fail", "ignore"), Importance.MEDIUM,
                "A row field whose column the table lacks (and " + AUTO_EVOLVE + " is off): 'fail' treats the "
                        + "record as unwritable (dead-letter queue or task failure), 'ignore' leaves the field out.",
                GROUP_TABLES, ++order, Width.SHORT, "Fields without a column");
        def.define(DELETE_MARKER_FIELD, Type.STRING, "__deleted", Importance.LOW,
                "Field of a flat (unwrapped) row that marks a delete when it is true or \"true\", as written by "
                        + "Debezium's ExtractNewRecordState with delete.tombstone.handling.mode=rewrite. It is never "
                        + "written as a column.",
                GROUP_TABLES, ++order, Width.MEDIUM, "Delete marker field");
        def.define(SOFT_DELETE_FIELD, Type.STRING, "", Importance.MEDIUM,
                "Soft-delete column of the source tables (e.g. `is_deleted`), in rows that have it: a row whose field "
                        + "holds `" + SOFT_DELETE_VALUE + "` deletes its key, in envelopes' `after` and in flat rows. "
                        + "Set it to the timestamp source's `soft.delete.column` when the binlog path (which sees a soft "
                        + "delete as an update) feeds the sink, so both paths leave the same table; aggregates see "
                        + "the row leave its group either way.",
                GROUP_TABLES, ++order, Width.MEDIUM, "Soft-delete field");
        def.define(SOFT_DELETE_VALUE, Type.STRING, "1", Importance.MEDIUM,
                "Value of `" + SOFT_DELETE_FIELD + "` that means deleted: numbers compare by value (`1` matches "
                        + "1, 1.0 and true), other values by their text; `" + DeleteMarkers.WHEN_NOT_NULL + "` means "
                        + "deleted whenever the field is not null (e.g. `deleted_at`).",
                GROUP_TABLES, ++order, Width.SHORT, "Soft-delete value");

        order = 0;
        def.define(AUTO_CREATE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Create missing keyspaces and tables from the first record's schema; the primary key is made "
                        + "of the record key's fields (a composite partition key when there are several).",
                GROUP_SCHEMA, ++order, Width.SHORT, "Create tables");
        def.define(AUTO_EVOLVE, Type.BOOLEAN, false, Importance.MEDIUM,
                "Add a column when a record has a field the table lacks. Columns are never dropped or retyped.",
                GROUP_SCHEMA, ++order, Width.SHORT, "Add columns");
        def.define(KEYSPACE_REPLICATION, Type.LIST, "class=SimpleStrategy,replication_factor=1",
                new ListEntriesValidator("list of name=value with a 'class'", ReplicationSettings::parse),
                Importance.MEDIUM,
                "Replication of keyspaces created by " + AUTO_CREATE + ", e.g. "
                        + "'class=NetworkTopologyStrategy,dc1=3'. Astra DB does not let clients create keyspaces.",
                GROUP_SCHEMA, ++order, Width.LONG, "Keyspace replication");

        order = 0;
        def.define(CONSISTENCY_LEVEL, Type.STRING, "LOCAL_QUORUM", new ConsistencyLevelValidator(), Importance.MEDIUM,
                "Consistency level of writes.",
                GROUP_WRITES, ++order, Width.SHORT, "Consistency level");
        def.define(TABLE_CONSISTENCY, Type.LIST, "",
                new ListEntriesValidator("list of keyspace.table:LEVEL", (key, entries) ->
                        TableEntries.parse(key, entries, ConsistencyLevelValidator::parse)), Importance.LOW,
                "Consistency level per table, overriding " + CONSISTENCY_LEVEL + ", e.g. 'shop.orders:EACH_QUORUM'.",
                GROUP_WRITES, ++order, Width.LONG, "Consistency level per table");
        def.define(TTL_SECONDS, Type.INT, 0, Range.between(0, MAX_TTL_SECONDS), Importance.MEDIUM,
                "Time to live of written cells in seconds; 0 writes without TTL.",
                GROUP_WRITES, ++order, Width.SHORT, "TTL");
        def.define(TABLE_TTL, Type.LIST, "",
                new ListEntriesValidator("list of keyspace.table:seconds", (key, entries) ->
                        TableEntries.parse(key, entries, CassandraSinkConfig::parseTtl)), Importance.LOW,
                "TTL per table in seconds, overriding " + TTL_SECONDS + ".",
                GROUP_WRITES, ++order, Width.LONG, "TTL per table");
        def.define(TTL_FIELD, Type.STRING, "", Importance.LOW,
                "Path (as in " + COLUMN_MAPPING + ") of a number of seconds to use as the TTL of each record's "
                        + "upsert; records where it is null or absent use the table's TTL.",
                GROUP_WRITES, ++order, Width.MEDIUM, "TTL field");
        def.define(NULL_HANDLING, Type.STRING, "write", ValidString.in("write", "unset"), Importance.MEDIUM,
                "What a null field does: 'write' stores null (the column is cleared, as in the source row); "
                        + "'unset' leaves the column's current value untouched.",
                GROUP_WRITES, ++order, Width.SHORT, "Null handling");
        def.define(WRITE_TIMESTAMP_SOURCE, Type.STRING, "event", ValidString.in("event", "source", "kafka"),
                Importance.MEDIUM,
                "The clock behind each write's USING TIMESTAMP: 'event' the envelope's ts_us/ts_ms (when the "
                        + "change was captured), 'source' the source block's ts_us/ts_ms (when the database "
                        + "committed it), 'kafka' the Kafka record timestamp. Records without the chosen field use "
                        + "the Kafka timestamp. Whatever the clock, timestamps strictly increase in each partition's "
                        + "offset order and are the same on every replay; see the README.",
                GROUP_WRITES, ++order, Width.SHORT, "Write timestamp source");
        def.define(MAX_INFLIGHT_REQUESTS, Type.INT, 128, Range.atLeast(1), Importance.MEDIUM,
                "Most write requests (statements or batches) waiting for Cassandra at once, per task.",
                GROUP_WRITES, ++order, Width.SHORT, "Requests in flight");
        def.define(BATCH_MAX_STATEMENTS, Type.INT, 32, Range.between(1, 65535), Importance.LOW,
                "Most statements in one unlogged batch. 1 sends every statement alone.",
                GROUP_WRITES, ++order, Width.SHORT, "Batch size");
        def.define(BATCH_MAX_PARTITIONS, Type.INT, 10, Range.between(1, 65535), Importance.LOW,
                "Most partitions in one unlogged batch. Rows of several partitions share a batch only when the "
                        + "driver's token map shows the same replicas for them, so one request carries them to the "
                        + "nodes that own them all (as DSBulk's replica-set batching does); far fewer requests for "
                        + "the same rows. 1 keeps every batch to one partition. Cassandra warns about unlogged "
                        + "batches over more partitions than its unlogged_batch_across_partitions_warn_threshold "
                        + "(10 by default).",
                GROUP_WRITES, ++order, Width.SHORT, "Partitions per batch");

        order = 0;
        def.define(AGGREGATES, Type.STRING, "", new AggregatesValidator(), Importance.HIGH,
                "Aggregate tables kept exactly right under updates, deletes, replays and restarts, as SQL-like "
                        + "statements separated by ';': 'CREATE AGGREGATE ks.t AS SELECT <group columns>, "
                        + "<measures> FROM db.table [WHERE <condition>] GROUP BY <columns> [WINDOW TUMBLING "
                        + "(<time field>, <n> SECONDS|MINUTES|HOURS|DAYS)] [RETENTION <n> <unit>]'. Measures are "
                        + "COUNT(*), COUNT(f), SUM(f), MIN(f), MAX(f), AVG(f), each optionally FILTER (WHERE "
                        + "<condition>) and named with AS; conditions use =, !=, <, <=, >, >=, [NOT] IN (...), IS "
                        + "[NOT] NULL, AND, OR, NOT. FROM names the source table (the envelope's source.db and "
                        + "source.table, else the topic's last two parts); the connector's topics must carry it. "
                        + "Each aggregate writes ks.t (one row per group and window), ks.t__members, "
                        + "ks.t__member_of and ks.t__progress; see the README.",
                GROUP_AGGREGATES, ++order, Width.LONG, "Aggregates");
        def.define(BASE_TABLES_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                "Whether records are also upserted and deleted in their own tables; false writes only the "
                        + AGGREGATES + ".",
                GROUP_AGGREGATES, ++order, Width.SHORT, "Write base tables");

        order = 0;
        def.define(RETRY_BACKOFF_INITIAL_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
                "First wait before retrying a write that failed for a transient reason (node down, timeout, "
                        + "overload); it doubles on each further failure. The driver tries to reconnect to a node "
                        + "that is down on the same schedule.",
                GROUP_ERRORS, ++order, Width.SHORT, "Initial backoff");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW,
                "Longest wait between retries, and between the driver's attempts to reconnect to a node that "
                        + "is down: writes resume at most this long after Cassandra is back.",
                GROUP_ERRORS, ++order, Width.SHORT, "Maximum backoff");
        def.define(RETRY_TIMEOUT_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.MEDIUM,
                "How long a write may keep failing transiently before the task fails; -1 retries for as long "
                        + "as Cassandra is unavailable (offsets are never committed past an unwritten record).",
                GROUP_ERRORS, ++order, Width.SHORT, "Retry timeout");
        return def;
    }

    static Integer parseTtl(String text) {
        int ttl;
        try {
            ttl = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TTL '" + text + "' is not a whole number of seconds");
        }
        if (ttl < 0 || ttl > MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("TTL must be between 0 and " + MAX_TTL_SECONDS + " seconds");
        }
        return ttl;
    }

    /**
     * Problems that involve several keys or the file system, by the key to report them on; empty when the
     * configuration is consistent. {@link #validateCombination()} throws the first of them.
     */
    public Map<String, String> combinationProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean contactPoints = !contactPoints().isEmpty();
        boolean bundle = cloudBundle() != null;
        if (!contactPoints && !bundle) {
            problems.put(CONTACT_POINTS, "Set " + CONTACT_POINTS + " (with " + LOCAL_DATACENTER + ") or "
                    + CLOUD_BUNDLE + " for Astra DB");
        }
        if (contactPoints && bundle) {
            problems.put(CLOUD_BUNDLE, CLOUD_BUNDLE + " cannot be combined with " + CONTACT_POINTS);
        }
        if (contactPoints && localDatacenter().isEmpty()) {
            problems.put(LOCAL_DATACENTER, LOCAL_DATACENTER + " is required with " + CONTACT_POINTS
                    + " (the datacenter name shown by 'nodetool status')");
        }
        if (bundle) {
            String bundleProblem = bundleProblem(cloudBundle());
            if (bundleProblem != null) {
                problems.put(CLOUD_BUNDLE, bundleProblem);
            }
            if (getBoolean(SSL_ENABLED)) {
                problems.put(SSL_ENABLED, "The secure connect bundle carries its own TLS settings; leave "
                        + SSL_ENABLED + " off");
            }
            if (astraToken() == null && username().isEmpty()) {
                problems.put(ASTRA_TOKEN, "Astra DB needs " + ASTRA_TOKEN + ", or " + AUTH_USERNAME + " and "
                        + AUTH_PASSWORD + " (client id and secret)");
            }
        }
        if (astraToken() != null && !bundle) {
            problems.put(ASTRA_TOKEN, ASTRA_TOKEN + " applies to Astra DB only: set " + CLOUD_BUNDLE);
        }
        if (astraToken() != null && !username().isEmpty()) {
            problems.put(ASTRA_TOKEN, "Set either " + ASTRA_TOKEN + " or " + AUTH_USERNAME + "/" + AUTH_PASSWORD
                    + ", not both");
        }
        if (username().isEmpty() != (password() == null)) {
            problems.put(username().isEmpty() ? AUTH_USERNAME : AUTH_PASSWORD,
                    AUTH_USERNAME + " and " + AUTH_PASSWORD + " go together");
        }
        if (!getBoolean(SSL_ENABLED)) {
            for (String key : List.of(SSL_TRUSTSTORE_PATH, SSL_KEYSTORE_PATH)) {
                if (!getString(key).isBlank()) {
                    problems.put(key, key + " is set but " + SSL_ENABLED + " is false");
                }
            }
        }
        for (String key : List.of(SSL_TRUSTSTORE_PATH, SSL_KEYSTORE_PATH)) {
            String path = getString(key);
            if (!path.isBlank() && !Files.isReadable(Path.of(path))) {
                problems.put(key, "Cannot read " + path);
            }
        }
        if (!getString(SOFT_DELETE_FIELD).isBlank() && getString(SOFT_DELETE_VALUE).isBlank()) {
            problems.put(SOFT_DELETE_VALUE, SOFT_DELETE_VALUE + " must not be empty when " + SOFT_DELETE_FIELD
                    + " is set");
        }
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_INITIAL_MS)) {
            problems.put(RETRY_BACKOFF_MAX_MS, RETRY_BACKOFF_MAX_MS + " must not be below " + RETRY_BACKOFF_INITIAL_MS);
        }
        problems.putAll(driverSettings.problems());
        return problems;
    }

    /** Throws a ConfigException naming the key of the first cross-key problem, if any. */
    public void validateCombination() {
        Map<String, String> problems = combinationProblems();
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new ConfigException(first.getKey(), originals().get(first.getKey()), first.getValue());
        }
    }

    private static String bundleProblem(Path bundle) {
        if (!Files.isReadable(bundle)) {
            return "Cannot read the secure connect bundle " + bundle;
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            if (zip.getEntry("config.json") == null) {
                return bundle + " is not a secure connect bundle: it has no config.json";
            }
        } catch (IOException e) {
            return bundle + " is not a secure connect bundle (not a readable zip file): " + e.getMessage();
        }
        return null;
    }

    public String connectorName() {
        Object name = originals().get("name");
        return name == null ? "cassandra-sink" : name.toString();
    }

    public List<String> contactPoints() {
        return getList(CONTACT_POINTS).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int port() {
        return getInt(PORT);
    }

    public String localDatacenter() {
        return getString(LOCAL_DATACENTER).trim();
    }

    /** The secure connect bundle, or null when connecting through contact points. */
    public Path cloudBundle() {
        String path = getString(CLOUD_BUNDLE).trim();
        return path.isEmpty() ? null : Path.of(path);
    }

    public String astraToken() {
        return passwordValue(ASTRA_TOKEN);
    }

    public String username() {
        return getString(AUTH_USERNAME).trim();
    }

    public String password() {
        return passwordValue(AUTH_PASSWORD);
    }

    public boolean sslEnabled() {
        return getBoolean(SSL_ENABLED);
    }

    public String sslTruststorePath() {
        return getString(SSL_TRUSTSTORE_PATH).trim();
    }

    public String sslTruststorePassword() {
        return passwordValue(SSL_TRUSTSTORE_PASSWORD);
    }

    public String sslKeystorePath() {
        return getString(SSL_KEYSTORE_PATH).trim();
    }

    public String sslKeystorePassword() {
        return passwordValue(SSL_KEYSTORE_PASSWORD);
    }

    public boolean sslHostnameValidation() {
        return getBoolean(SSL_HOSTNAME_VALIDATION);
    }

    public TableNameTemplate tableNameTemplate() {
        return tableNameTemplate;
    }

    public List<AggregateDefinition> aggregates() {
        return aggregates;
    }

    public boolean baseTablesEnabled() {
        return getBoolean(BASE_TABLES_ENABLED);
    }

    public Map<String, TableId> tableMappings() {
        return tableMappings;
    }

    public ColumnMappings columnMappings() {
        return columnMappings;
    }

    public UnmappedFields unmappedFields() {
        return UnmappedFields.valueOf(getString(UNMAPPED_FIELDS).toUpperCase(Locale.ROOT));
    }

    public DeleteMarkers deleteMarkers() {
        return new DeleteMarkers(getString(DELETE_MARKER_FIELD), getString(SOFT_DELETE_FIELD),
                getString(SOFT_DELETE_VALUE));
    }

    public boolean autoCreate() {
        return getBoolean(AUTO_CREATE);
    }

    public boolean autoEvolve() {
        return getBoolean(AUTO_EVOLVE);
    }

    public ReplicationSettings keyspaceReplication() {
        return replication;
    }

    public DefaultConsistencyLevel consistencyLevel(TableId table) {
        DefaultConsistencyLevel level = tableConsistency.get(table);
        return level != null ? level : consistency;
    }

    public int ttlSeconds(TableId table) {
        Integer ttl = tableTtl.get(table);
        return ttl != null ? ttl : ttlSeconds;
    }

    /** The per-record TTL field, or null. */
    public FieldPath ttlField() {
        return ttlField;
    }

    public NullHandling nullHandling() {
        return NullHandling.valueOf(getString(NULL_HANDLING).toUpperCase(Locale.ROOT));
    }

    public TimestampSource writeTimestampSource() {
        return TimestampSource.valueOf(getString(WRITE_TIMESTAMP_SOURCE).toUpperCase(Locale.ROOT));
    }

    public int maxInflightRequests() {
        return getInt(MAX_INFLIGHT_REQUESTS);
    }

    public int batchMaxStatements() {
        return getInt(BATCH_MAX_STATEMENTS);
    }

    public int batchMaxPartitions() {
        return getInt(BATCH_MAX_PARTITIONS);
    }

    public long retryBackoffInitialMs() {
        return getLong(RETRY_BACKOFF_INITIAL_MS);
    }

    public long retryBackoffMaxMs() {
        return getLong(RETRY_BACKOFF_MAX_MS);
    }

    /** -1 for no limit. */
    public long retryTimeoutMs() {
        return getLong(RETRY_TIMEOUT_MS);
    }

    public DriverSettings driverSettings() {
        return driverSettings;
    }

    private String passwordValue(String key) {
        Password password = getPassword(key);
        return password == null || password.value().isEmpty() ? null : password.value();
    }
}
