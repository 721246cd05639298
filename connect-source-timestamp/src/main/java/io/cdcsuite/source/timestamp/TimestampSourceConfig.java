package io.cdcsuite.source.timestamp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.cdcsuite.source.timestamp.config.BigIntUnsignedHandlingMode;
import io.cdcsuite.source.timestamp.config.BinaryHandlingMode;
import io.cdcsuite.source.timestamp.config.ColumnNameValidator;
import io.cdcsuite.source.timestamp.config.ConfigChoice;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.config.DecimalHandlingMode;
import io.cdcsuite.source.timestamp.config.EnumChoice;
import io.cdcsuite.source.timestamp.config.RegexListValidator;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.config.SslMode;
import io.cdcsuite.source.timestamp.config.TableColumnsOverride;
import io.cdcsuite.source.timestamp.config.TableColumnsOverrideValidator;
import io.cdcsuite.source.timestamp.config.TableFilter;
import io.cdcsuite.source.timestamp.config.TimePrecisionMode;
import io.cdcsuite.source.timestamp.config.TimeZoneValidator;
import io.cdcsuite.source.timestamp.config.TopicPrefixValidator;
import io.cdcsuite.source.timestamp.config.TrustStoreRecommender;

/** The configuration of {@link TimestampSourceConnector} and its tasks. */
public final class TimestampSourceConfig extends AbstractConfig {
    private static final String GROUP_CONNECTION = "Connection";
    private static final String GROUP_TABLES = "Tables";
    private static final String GROUP_POLLING = "Polling";
    private static final String GROUP_EVENTS = "Events";
    private static final String GROUP_TYPES = "Data types";

    public static final String CONNECTION_URL = "connection.url";
    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String SSL_MODE = "database.ssl.mode";
    public static final String SSL_TRUSTSTORE = "database.ssl.truststore";
    public static final String SSL_TRUSTSTORE_PASSWORD = "database.ssl.truststore.password";
    public static final String DATETIME_TIME_ZONE = "datetime.time.zone";
    public static final String RETRY_BACKOFF_MS = "connection.retry.backoff.ms";
    public static final String RETRY_TIMEOUT_MS = "connection.retry.timeout.ms";

    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TABLE_INCLUDE_LIST = "table.include.list";
    public static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    public static final String TIMESTAMP_COLUMN_NAME = "timestamp.column.name";
    public static final String TIMESTAMP_COLUMNS_OVERRIDE = "timestamp.columns.override";
    public static final String TIMESTAMP_NULLABLE_ALLOWED = "timestamp.column.nullable.allowed";
    public static final String KEY_COLUMNS_OVERRIDE = "key.columns.override";
    public static final String TABLE_DISCOVERY_INTERVAL_MS = "table.discovery.interval.ms";

    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String BATCH_MAX_ROWS = "batch.max.rows";
    public static final String COMMIT_LAG_MS = "commit.lag.ms";
    public static final String RESCAN_WINDOW_MS = "rescan.window.ms";
    public static final String RESCAN_MAX_TRACKED_ROWS = "rescan.max.tracked.rows";

    public static final String SOFT_DELETE_COLUMN = "soft.delete.column";
    public static final String SOFT_DELETE_VALUE = "soft.delete.value";
    public static final String CREATED_COLUMN = "created.column";
    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";

    public static final String DECIMAL_HANDLING_MODE = "decimal.handling.mode";
    public static final String TIME_PRECISION_MODE = "time.precision.mode";
    public static final String BIGINT_UNSIGNED_HANDLING_MODE = "bigint.unsigned.handling.mode";
    public static final String BINARY_HANDLING_MODE = "binary.handling.mode";

    /** {@code soft.delete.value} that marks a row deleted whenever the column is not NULL (e.g. {@code deleted_at}). */
    public static final String SOFT_DELETE_WHEN_NOT_NULL = "IS NOT NULL";

    /** Connector/J properties the connector sets itself; a {@code connection.url} must not override them. */
    static final List<String> MANAGED_DRIVER_PROPERTIES = List.of("connectionTimeZone", "serverTimezone",
            "forceConnectionTimeZoneToSession", "preserveInstants", "zeroDateTimeBehavior", "useCursorFetch",
            "tinyInt1isBit", "yearIsDateType");

    public static final ConfigDef CONFIG_DEF = configDef();

    /** Parses and checks the configuration; a {@link ConfigException} names the first key that is wrong. */
    public TimestampSourceConfig(Map<String, String> props) {
        this(props, true);
    }

    private TimestampSourceConfig(Map<String, String> props, boolean checkCrossField) {
        super(CONFIG_DEF, props);
        List<ConfigProblem> problems = checkCrossField ? crossFieldProblems() : List.of();
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.get(0);
            throw new ConfigException(first.key(), originals().get(first.key()), first.message());
        }
    }

    /** Parses the keys one by one only, so that {@code validate()} can report every cross-key problem. */
    static TimestampSourceConfig withoutCrossFieldChecks(Map<String, String> props) {
        return new TimestampSourceConfig(props, false);
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CONNECTION_URL, Type.STRING, "", Importance.HIGH,
                "JDBC URL of the MySQL server, `jdbc:mysql://host:port[/?property=value&...]`. When set, `"
                        + HOSTNAME + "` and `" + PORT + "` are ignored. The connector sets the session time zone to "
                        + "UTC and a few driver properties itself (" + String.join(", ", MANAGED_DRIVER_PROPERTIES)
                        + "); the URL must not set them.",
                GROUP_CONNECTION, ++order, Width.LONG, "JDBC URL");
        def.define(HOSTNAME, Type.STRING, "", Importance.HIGH,
                "Host name or address of the MySQL server (used when `" + CONNECTION_URL + "` is empty).",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Hostname");
        def.define(PORT, Type.INT, 3306, Range.between(1, 65535), Importance.MEDIUM,
                "Port of the MySQL server.", GROUP_CONNECTION, ++order, Width.SHORT, "Port");
        def.define(USER, Type.STRING, "", Importance.HIGH,
                "User to connect as. It needs SELECT on the captured tables (which also makes them visible in "
                        + "information_schema); nothing else.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "User");
        def.define(PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                "Password of the user. Use a config provider (`${file:/path:key}`) to keep it out of the "
                        + "connector's configuration.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Password");
        def.define(SSL_MODE, Type.STRING, SslMode.PREFERRED.value(), EnumChoice.of(SslMode.class), Importance.MEDIUM,
                "TLS to the server: `disabled`, `preferred` (TLS when the server offers it), `required`, "
                        + "`verify_ca` (also checks the certificate against the truststore), `verify_identity` (also "
                        + "checks the host name). Without TLS a `caching_sha2_password` user needs "
                        + "`allowPublicKeyRetrieval=true` in `" + CONNECTION_URL + "`, or `mysql_native_password`.",
                GROUP_CONNECTION, ++order, Width.SHORT, "TLS mode", EnumChoice.of(SslMode.class));
        def.define(SSL_TRUSTSTORE, Type.STRING, "", Importance.LOW,
                "Path of the truststore (JKS or PKCS12) holding the CA that signed the server certificate, for the "
                        + "verify modes; empty uses the JVM's default truststore.",
                GROUP_CONNECTION, ++order, Width.LONG, "Truststore", new TrustStoreRecommender(SSL_MODE));
        def.define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.LOW, "Password of the truststore.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Truststore password", new TrustStoreRecommender(SSL_MODE));
        def.define(DATETIME_TIME_ZONE, Type.STRING, TimeZoneValidator.SERVER, new TimeZoneValidator(), Importance.MEDIUM,
                "The time zone in which the writers of DATETIME timestamp columns take their values "
                        + "(`DEFAULT CURRENT_TIMESTAMP` uses the writer session's zone). `SERVER` means the server's "
                        + "`@@global.time_zone`. The database computes 'now' in this zone for the upper bound of "
                        + "DATETIME-tracked tables, so an offset (`+02:00`) or `SYSTEM` always works and a region "
                        + "name needs the server's time zone tables. Not used for TIMESTAMP columns, which the "
                        + "connector reads in a UTC session.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "DATETIME time zone");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.LOW,
                "First wait after a failed database call; it doubles with every further failure, up to 30 s.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Retry backoff (ms)");
        def.define(RETRY_TIMEOUT_MS, Type.LONG, 300_000L, Range.atLeast(0), Importance.MEDIUM,
                "How long database calls may keep failing before the task fails with the last error. While "
                        + "retrying, the task emits nothing and its offsets stay at the last emitted row, so no row "
                        + "is skipped.",
                GROUP_CONNECTION, ++order, Width.SHORT, "Retry timeout (ms)");

        order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TopicPrefixValidator(), Importance.HIGH,
                "Logical name of the source, as Debezium's `topic.prefix`: topics are `<prefix>.<db>.<table>`, "
                        + "schemas `<prefix>.<db>.<table>.Key`/`.Value`/`.Envelope`, and it is `source.name` and part "
                        + "of every offset partition. Changing it restarts capture from scratch.",
                GROUP_TABLES, ++order, Width.MEDIUM, "Topic prefix");
        def.define(TABLE_INCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.HIGH,
                "Regular expressions matched (case-insensitively, in full) against `<db>.<table>`; empty captures "
                        + "every base table outside the system schemas. Checked again every `"
                        + TABLE_DISCOVERY_INTERVAL_MS + "`.",
                GROUP_TABLES, ++order, Width.LONG, "Tables to capture");
        def.define(TABLE_EXCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                "Regular expressions of `<db>.<table>` never to capture; exclusion wins over inclusion.",
                GROUP_TABLES, ++order, Width.LONG, "Tables to skip");
        def.define(TIMESTAMP_COLUMN_NAME, Type.LIST, "last_updated", new ColumnNameValidator(), Importance.HIGH,
                "The column (TIMESTAMP or DATETIME) that every insert and update sets, e.g. "
                        + "`last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE "
                        + "CURRENT_TIMESTAMP(3)`. Several columns are combined with COALESCE in the order given "
                        + "(`updated_at,created_at`); they must all be TIMESTAMP or all DATETIME, and the connector "
                        + "then never reads the unfinished tick of the coarsest precision among them. An index "
                        + "starting with this column (InnoDB appends the primary key) keeps every query a range "
                        + "scan; COALESCE cannot use an index.",
                GROUP_TABLES, ++order, Width.MEDIUM, "Timestamp column(s)");
        def.define(TIMESTAMP_COLUMNS_OVERRIDE, Type.LIST, "", new TableColumnsOverrideValidator(), Importance.MEDIUM,
                "Per-table timestamp columns replacing `" + TIMESTAMP_COLUMN_NAME + "`: entries "
                        + "`<db>.<table>:<column>[|<column>...]`, e.g. `shop.orders:modified|created`.",
                GROUP_TABLES, ++order, Width.LONG, "Timestamp columns per table");
        def.define(TIMESTAMP_NULLABLE_ALLOWED, Type.BOOLEAN, false, Importance.LOW,
                "Accept a timestamp column (or COALESCE of columns) that can be NULL. Rows while it is NULL are "
                        + "never captured, so by default such tables are refused; prefer `NOT NULL` or a NOT NULL "
                        + "fallback column.",
                GROUP_TABLES, ++order, Width.SHORT, "Allow nullable timestamp");
        def.define(KEY_COLUMNS_OVERRIDE, Type.LIST, "", new TableColumnsOverrideValidator(), Importance.LOW,
                "Per-table key columns replacing the primary key (for tables without one): entries "
                        + "`<db>.<table>:<column>[|<column>...]`. The columns must be NOT NULL and unique together; "
                        + "they form the record key and the tie-breaker of the resume position.",
                GROUP_TABLES, ++order, Width.LONG, "Key columns per table");
        def.define(TABLE_DISCOVERY_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(1_000), Importance.LOW,
                "How often the connector lists the tables again: new matching tables are assigned to tasks "
                        + "(and snapshotted per `" + SNAPSHOT_MODE + "`), dropped ones are reported.",
                GROUP_TABLES, ++order, Width.SHORT, "Table discovery interval (ms)");

        order = 0;
        def.define(SNAPSHOT_MODE, Type.STRING, SnapshotMode.INITIAL.value(), EnumChoice.of(SnapshotMode.class),
                Importance.MEDIUM,
                "`initial`: a table without a stored offset is first read in full in primary key order (`op=r`, "
                        + "Debezium's `source.snapshot` markers), up to a bound taken when its snapshot starts; "
                        + "changes follow from that bound. A restart resumes a snapshot after its last emitted key. "
                        + "`never`: a new table starts at the current time; its start point becomes durable with its "
                        + "first captured change, so for a table without any change yet, changes made while the task "
                        + "is stopped are not captured.",
                GROUP_POLLING, ++order, Width.SHORT, "Snapshot mode", EnumChoice.of(SnapshotMode.class));
        def.define(POLL_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.MEDIUM,
                "Pause between polls once every table has been read up to its current bound.",
                GROUP_POLLING, ++order, Width.SHORT, "Poll interval (ms)");
        def.define(BATCH_MAX_ROWS, Type.INT, 2_000, Range.between(1, 1_000_000), Importance.MEDIUM,
                "Rows per query (keyset page) and at most per poll; the task holds no more than this many rows "
                        + "in memory, whatever the table size.",
                GROUP_POLLING, ++order, Width.SHORT, "Page size");
        def.define(COMMIT_LAG_MS, Type.LONG, 2_000L, Range.atLeast(0), Importance.HIGH,
                "How far the connector stays behind the database clock. A query reads only rows whose timestamp "
                        + "is below floor(database now - lag) at the column's precision, so the current, unfinished "
                        + "tick is never read. Guarantee: a row is captured if its transaction commits within this "
                        + "lag (plus `" + RESCAN_WINDOW_MS + "`) of the moment its timestamp was taken (the statement "
                        + "start for CURRENT_TIMESTAMP). Longer transactions can be missed. Also covers skew when "
                        + "applications write the timestamp from their own clocks.",
                GROUP_POLLING, ++order, Width.SHORT, "Commit lag (ms)");
        def.define(RESCAN_WINDOW_MS, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM,
                "When above 0, a table that has caught up re-reads (at most once per poll interval) the rows "
                        + "whose timestamp lies within this window behind its resume position and emits those not "
                        + "already emitted in the same state (by key and a 64-bit hash of the row), catching "
                        + "transactions that committed late. Guarantee: rows committing within `" + COMMIT_LAG_MS
                        + "` + this window - `" + POLL_INTERVAL_MS + "` of their timestamp are captured (a table that "
                        + "is behind is re-scanned once it catches up; being behind only gives late commits more time). "
                        + "Re-emission is suppressed for up to `"
                        + RESCAN_MAX_TRACKED_ROWS + "` rows per table; after a restart, or beyond that number, rows "
                        + "in the window may be emitted again (duplicates, never losses). 0 disables the re-scan.",
                GROUP_POLLING, ++order, Width.SHORT, "Re-scan window (ms)");
        def.define(RESCAN_MAX_TRACKED_ROWS, Type.INT, 100_000, Range.atLeast(1), Importance.LOW,
                "How many emitted rows per table the re-scan remembers to suppress duplicates (about 200 bytes "
                        + "each); the oldest are forgotten first.",
                GROUP_POLLING, ++order, Width.SHORT, "Re-scan memory (rows)");

        order = 0;
        def.define(SOFT_DELETE_COLUMN, Type.STRING, "", new ColumnNameValidator(), Importance.MEDIUM,
                "Column that marks a row deleted (e.g. `is_deleted`, `deleted_at`), in tables that have it. A row "
                        + "whose column holds `" + SOFT_DELETE_VALUE + "` is emitted as `op=d` with its last state as "
                        + "`before` (plus a tombstone), and is left out of snapshots. Hard deletes (DELETE "
                        + "statements) cannot be seen by polling and are never captured.",
                GROUP_EVENTS, ++order, Width.MEDIUM, "Soft-delete column");
        def.define(SOFT_DELETE_VALUE, Type.STRING, "1", Importance.MEDIUM,
                "Value of `" + SOFT_DELETE_COLUMN + "` that means deleted, compared by MySQL (`<=>`) with the "
                        + "column's own type conversion; `" + SOFT_DELETE_WHEN_NOT_NULL + "` means deleted whenever "
                        + "the column is not NULL.",
                GROUP_EVENTS, ++order, Width.SHORT, "Soft-delete value");
        def.define(CREATED_COLUMN, Type.STRING, "", new ColumnNameValidator(), Importance.MEDIUM,
                "TIMESTAMP or DATETIME column holding the creation time, in tables that have it. A row is emitted "
                        + "as `op=c` when this equals its timestamp column (set by the same statement) or is later than "
                        + "the position read before it, otherwise as `op=u`. Without it every change is `op=u`.",
                GROUP_EVENTS, ++order, Width.MEDIUM, "Creation-time column");
        def.define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, true, Importance.MEDIUM,
                "Follow each `op=d` record with a tombstone (same key, null value) so compacted topics drop the key.",
                GROUP_EVENTS, ++order, Width.SHORT, "Tombstones on delete");

        order = 0;
        def.define(DECIMAL_HANDLING_MODE, Type.STRING, DecimalHandlingMode.PRECISE.value(),
                EnumChoice.of(DecimalHandlingMode.class), Importance.MEDIUM,
                "DECIMAL/NUMERIC as Debezium: `precise` (Connect Decimal with `connect.decimal.precision`), "
                        + "`double`, or `string`.",
                GROUP_TYPES, ++order, Width.SHORT, "Decimal handling", EnumChoice.of(DecimalHandlingMode.class));
        def.define(TIME_PRECISION_MODE, Type.STRING, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS.value(),
                EnumChoice.of(TimePrecisionMode.class), Importance.MEDIUM,
                "Temporal types as Debezium's MySQL connector: `adaptive_time_microseconds` (DATE as "
                        + "io.debezium.time.Date, TIME as MicroTime, DATETIME(0-3) as Timestamp and DATETIME(4-6) as "
                        + "MicroTimestamp) or `connect` (Kafka Connect's Date/Time/Timestamp, millisecond precision). "
                        + "TIMESTAMP is always io.debezium.time.ZonedTimestamp in UTC.",
                GROUP_TYPES, ++order, Width.MEDIUM, "Time precision", EnumChoice.of(TimePrecisionMode.class));
        def.define(BIGINT_UNSIGNED_HANDLING_MODE, Type.STRING, BigIntUnsignedHandlingMode.LONG.value(),
                EnumChoice.of(BigIntUnsignedHandlingMode.class), Importance.LOW,
                "BIGINT UNSIGNED as Debezium: `long` (int64; values above 2^63-1 wrap around) or `precise` "
                        + "(Connect Decimal with scale 0).",
                GROUP_TYPES, ++order, Width.SHORT, "BIGINT UNSIGNED handling",
                EnumChoice.of(BigIntUnsignedHandlingMode.class));
        def.define(BINARY_HANDLING_MODE, Type.STRING, BinaryHandlingMode.BYTES.value(),
                EnumChoice.of(BinaryHandlingMode.class), Importance.LOW,
                "BINARY/VARBINARY/BLOB as Debezium: `bytes`, `base64`, `base64-url-safe` or `hex` strings.",
                GROUP_TYPES, ++order, Width.SHORT, "Binary handling", EnumChoice.of(BinaryHandlingMode.class));
        return def;
    }

    /** Problems that involve more than one key, or more than a single value's syntax. */
    public List<ConfigProblem> crossFieldProblems() {
        List<ConfigProblem> problems = new ArrayList<>();
        String url = connectionUrl();
        if (url.isEmpty() && getString(HOSTNAME).isBlank()) {
            problems.add(new ConfigProblem(HOSTNAME, "either " + HOSTNAME + " or " + CONNECTION_URL + " must be set"));
        }
        if (!url.isEmpty()) {
            if (!url.startsWith("jdbc:mysql:")) {
                problems.add(new ConfigProblem(CONNECTION_URL, "must start with jdbc:mysql://"));
            }
            String lower = url.toLowerCase(Locale.ROOT);
            for (String property : MANAGED_DRIVER_PROPERTIES) {
                if (lower.contains(property.toLowerCase(Locale.ROOT) + "=")) {
                    problems.add(new ConfigProblem(CONNECTION_URL,
                            "must not set the driver property '" + property + "': the connector sets it"));
                }
            }
        }
        if (softDeleteColumn().isPresent() && getString(SOFT_DELETE_VALUE).isEmpty()) {
            problems.add(new ConfigProblem(SOFT_DELETE_VALUE, "must not be empty when " + SOFT_DELETE_COLUMN + " is set"));
        }
        if (timestampColumns().isEmpty()) {
            problems.add(new ConfigProblem(TIMESTAMP_COLUMN_NAME, "must name at least one column"));
        }
        return problems;
    }

    public String connectionUrl() {
        return getString(CONNECTION_URL).trim();
    }

    public String hostname() {
        return getString(HOSTNAME).trim();
    }

    public int port() {
        return getInt(PORT);
    }

    public String user() {
        return getString(USER);
    }

    public Password password() {
        return getPassword(PASSWORD);
    }

    public SslMode sslMode() {
        return ConfigChoice.parse(SslMode.class, getString(SSL_MODE));
    }

    public String sslTruststore() {
        return getString(SSL_TRUSTSTORE).trim();
    }

    public Password sslTruststorePassword() {
        return getPassword(SSL_TRUSTSTORE_PASSWORD);
    }

    /** The configured zone, or empty for {@code SERVER} (the server's global time zone). */
    public Optional<String> datetimeTimeZone() {
        String zone = getString(DATETIME_TIME_ZONE).trim();
        return zone.equalsIgnoreCase(TimeZoneValidator.SERVER) ? Optional.empty() : Optional.of(zone);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public Duration retryTimeout() {
        return Duration.ofMillis(getLong(RETRY_TIMEOUT_MS));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public TableFilter tableFilter() {
        return new TableFilter(getList(TABLE_INCLUDE_LIST), getList(TABLE_EXCLUDE_LIST));
    }

    public List<String> timestampColumns() {
        return getList(TIMESTAMP_COLUMN_NAME).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public TableColumnsOverride timestampColumnsOverride() {
        return TableColumnsOverride.parse(getList(TIMESTAMP_COLUMNS_OVERRIDE));
    }

    public boolean timestampNullableAllowed() {
        return getBoolean(TIMESTAMP_NULLABLE_ALLOWED);
    }

    public TableColumnsOverride keyColumnsOverride() {
        return TableColumnsOverride.parse(getList(KEY_COLUMNS_OVERRIDE));
    }

    public Duration tableDiscoveryInterval() {
        return Duration.ofMillis(getLong(TABLE_DISCOVERY_INTERVAL_MS));
    }

    public SnapshotMode snapshotMode() {
        return ConfigChoice.parse(SnapshotMode.class, getString(SNAPSHOT_MODE));
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public int batchMaxRows() {
        return getInt(BATCH_MAX_ROWS);
    }

    public Duration commitLag() {
        return Duration.ofMillis(getLong(COMMIT_LAG_MS));
    }

    public Duration rescanWindow() {
        return Duration.ofMillis(getLong(RESCAN_WINDOW_MS));
    }

    public int rescanMaxTrackedRows() {
        return getInt(RESCAN_MAX_TRACKED_ROWS);
    }

    public Optional<String> softDeleteColumn() {
        return optionalName(SOFT_DELETE_COLUMN);
    }

    public String softDeleteValue() {
        return getString(SOFT_DELETE_VALUE);
    }

    public Optional<String> createdColumn() {
        return optionalName(CREATED_COLUMN);
    }

    public boolean tombstonesOnDelete() {
        return getBoolean(TOMBSTONES_ON_DELETE);
    }

    public DecimalHandlingMode decimalHandlingMode() {
        return ConfigChoice.parse(DecimalHandlingMode.class, getString(DECIMAL_HANDLING_MODE));
    }

    public TimePrecisionMode timePrecisionMode() {
        return ConfigChoice.parse(TimePrecisionMode.class, getString(TIME_PRECISION_MODE));
    }

    public BigIntUnsignedHandlingMode bigIntUnsignedHandlingMode() {
        return ConfigChoice.parse(BigIntUnsignedHandlingMode.class, getString(BIGINT_UNSIGNED_HANDLING_MODE));
    }

    public BinaryHandlingMode binaryHandlingMode() {
        return ConfigChoice.parse(BinaryHandlingMode.class, getString(BINARY_HANDLING_MODE));
    }

    private Optional<String> optionalName(String key) {
        String value = getString(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
