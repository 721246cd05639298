package io.cdcsuite.source.timestamp.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;
import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.plan.TablePlanner;

/** The demo tables of the tests, and plans for them under a given configuration. */
public final class Tables {
    public static final TableId ORDERS = new TableId("shop", "orders");
    public static final TableId LINES = new TableId("shop", "order_lines");

    private Tables() {
    }

    /**
     * {@code shop.orders}: id INT PK, customer_id INT, amount DECIMAL(10,2), status VARCHAR(20), created_at
     * DATETIME(3), last_updated TIMESTAMP(3) NOT NULL ON UPDATE, is_deleted TINYINT(1), INDEX (last_updated).
     */
    public static TableDefinition orders() {
        List<ColumnDefinition> columns = List.of(
                Columns.of("id", "int", false, null, "auto_increment"),
                Columns.nullable("customer_id", "int"),
                Columns.nullable("amount", "decimal(10,2)"),
                Columns.of("status", "varchar(20)", false, "new", ""),
                Columns.of("created_at", "datetime(3)", false, "CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED"),
                Columns.of("last_updated", "timestamp(3)", false, "CURRENT_TIMESTAMP(3)",
                        "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)"),
                Columns.of("is_deleted", "tinyint(1)", false, "0", ""));
        return new TableDefinition(ORDERS, columns, List.of("id"), List.of(List.of("id"), List.of("last_updated")), 1000);
    }

    /**
     * {@code shop.order_lines}: composite key (order_id, line_no), qty INT, last_updated TIMESTAMP (second
     * precision), INDEX (last_updated).
     */
    public static TableDefinition orderLines() {
        List<ColumnDefinition> columns = List.of(
                Columns.notNull("order_id", "int"),
                Columns.notNull("line_no", "smallint"),
                Columns.nullable("qty", "int"),
                Columns.of("last_updated", "timestamp", false, "CURRENT_TIMESTAMP",
                        "DEFAULT_GENERATED on update CURRENT_TIMESTAMP"));
        return new TableDefinition(LINES, columns, List.of("order_id", "line_no"),
                List.of(List.of("order_id", "line_no"), List.of("last_updated")), 10);
    }

    /** A valid connector configuration plus {@code overrides}. */
    public static TimestampSourceConfig config(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                TimestampSourceConfig.TOPIC_PREFIX, "app",
                TimestampSourceConfig.HOSTNAME, "localhost",
                TimestampSourceConfig.USER, "cdc"));
        props.putAll(overrides);
        return new TimestampSourceConfig(props);
    }

    public static PlanResult planResult(TableDefinition table, Map<String, String> overrides) {
        return new TablePlanner(TablePlanner.Settings.from(config(overrides))).plan(table);
    }

    public static TablePlan plan(TableDefinition table, Map<String, String> overrides) {
        PlanResult result = planResult(table, overrides);
        Optional<TablePlan> plan = result.plan();
        if (plan.isEmpty()) {
            throw new AssertionError("table refused: " + result.problems());
        }
        return plan.get();
    }
}
