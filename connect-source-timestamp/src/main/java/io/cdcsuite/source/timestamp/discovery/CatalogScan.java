package io.cdcsuite.source.timestamp.discovery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.cdcsuite.source.timestamp.catalog.MySqlCatalog;
import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.config.TableFilter;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.plan.TablePlanner;

/** Lists the tables the filter selects and plans each one: the shared step of discovery and validation. */
public final class CatalogScan {

    /**
     * @param visible every base table the user can see
     * @param plans the selected tables that can be captured, sorted
     * @param refused the selected tables that cannot, with the reasons
     */
    public record Result(Set<TableId> visible, Map<TableId, TablePlan> plans, Map<TableId, List<ConfigProblem>> refused,
            List<String> warnings) {

        /** The capturable tables with their row estimates, as the task assignment wants them. */
        public Map<TableId, Long> estimatedRows() {
            Map<TableId, Long> rows = new TreeMap<>();
            plans.forEach((id, plan) -> rows.put(id, plan.estimatedRows()));
            return rows;
        }

        public String refusalSummary() {
            return refused.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue().stream().map(ConfigProblem::message)
                            .collect(Collectors.joining("; ")) + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    private CatalogScan() {
    }

    public static Result scan(MySqlCatalog catalog, TableFilter filter, TablePlanner planner) throws SQLException {
        Set<TableId> visible = catalog.tables().keySet();
        List<TableId> selected = visible.stream().filter(filter::includes).toList();
        Map<TableId, TableDefinition> definitions = catalog.describe(selected);
        Map<TableId, TablePlan> plans = new TreeMap<>();
        Map<TableId, List<ConfigProblem>> refused = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (TableDefinition definition : definitions.values()) {
            PlanResult result = planner.plan(definition);
            result.plan().ifPresentOrElse(plan -> plans.put(definition.id(), plan),
                    () -> refused.put(definition.id(), result.problems()));
            warnings.addAll(result.warnings());
        }
        return new Result(visible, plans, refused, warnings);
    }
}
