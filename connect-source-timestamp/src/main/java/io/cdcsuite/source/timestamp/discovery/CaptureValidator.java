package io.cdcsuite.source.timestamp.discovery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.catalog.MySqlCatalog;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.config.TableColumnsOverride;
import io.cdcsuite.source.timestamp.jdbc.ConnectionSettings;
import io.cdcsuite.source.timestamp.plan.TablePlanner;

/**
 * The database side of {@code validate()}: connection and credentials, that tables match, that every matched table
 * can be captured (key, timestamp column, types), SELECT privilege, and the DATETIME time zone. A missing index is
 * not an error: it is logged as a warning here, at start, and shown by the {@code KeysetIndexPresent} metric.
 */
public final class CaptureValidator {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureValidator.class);
    private static final int LISTED_TABLES = 20;

    private CaptureValidator() {
    }

    public static List<ConfigProblem> validate(TimestampSourceConfig config) {
        ConnectionSettings settings = ConnectionSettings.from(config);
        String connectionKey = config.connectionUrl().isEmpty() ? TimestampSourceConfig.HOSTNAME
                : TimestampSourceConfig.CONNECTION_URL;
        try (Connection connection = settings.open()) {
            return validate(config, new MySqlCatalog(connection));
        } catch (SQLException e) {
            return List.of(new ConfigProblem(connectionKey, "cannot connect to " + settings.url()
                    + (config.user().isEmpty() ? "" : " as '" + config.user() + "'") + ": " + e.getMessage()));
        }
    }

    static List<ConfigProblem> validate(TimestampSourceConfig config, MySqlCatalog catalog) throws SQLException {
        List<ConfigProblem> problems = new ArrayList<>();
        CatalogScan.Result scan = CatalogScan.scan(catalog, config.tableFilter(), new TablePlanner(TablePlanner.Settings.from(config)));
        scan.warnings().forEach(LOG::warn);
        if (scan.plans().isEmpty() && scan.refused().isEmpty()) {
            problems.add(new ConfigProblem(TimestampSourceConfig.TABLE_INCLUDE_LIST, scan.visible().isEmpty()
                    ? "user '" + config.user() + "' sees no tables: grant it SELECT on the tables to capture"
                    : "no table matches; tables visible to the user: " + scan.visible().stream().limit(LISTED_TABLES)
                            .map(TableId::toString).collect(Collectors.joining(", "))
                            + (scan.visible().size() > LISTED_TABLES ? ", ..." : "")));
        }
        scan.refused().values().forEach(problems::addAll);
        Set<TableId> selected = new TreeSet<>(scan.plans().keySet());
        selected.addAll(scan.refused().keySet());
        checkOverride(config.timestampColumnsOverride(), TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE, selected, problems);
        checkOverride(config.keyColumnsOverride(), TimestampSourceConfig.KEY_COLUMNS_OVERRIDE, selected, problems);
        for (TableId table : scan.plans().keySet()) {
            if (!catalog.canSelect(table)) {
                problems.add(new ConfigProblem(TimestampSourceConfig.USER, "user '" + config.user()
                        + "' cannot SELECT from " + table + ": GRANT SELECT ON " + table.quoted() + " TO ..."));
            }
        }
        boolean datetimeTables = scan.plans().values().stream().anyMatch(plan -> !plan.timestamp().utc());
        if (datetimeTables && !catalog.knowsTimeZone(config.datetimeTimeZone())) {
            problems.add(new ConfigProblem(TimestampSourceConfig.DATETIME_TIME_ZONE, "MySQL does not know the time zone '"
                    + config.datetimeTimeZone().orElse("@@global.time_zone") + "' (CONVERT_TZ returns NULL): use an "
                    + "offset such as +01:00, or load the server's time zone tables"));
        }
        return problems;
    }

    private static void checkOverride(TableColumnsOverride override, String key, Set<TableId> selected,
            List<ConfigProblem> problems) {
        for (TableId table : override.tables()) {
            if (!selected.contains(table)) {
                problems.add(new ConfigProblem(key, "names table " + table + ", which is not captured (check "
                        + TimestampSourceConfig.TABLE_INCLUDE_LIST + " and the spelling)"));
            }
        }
    }
}
