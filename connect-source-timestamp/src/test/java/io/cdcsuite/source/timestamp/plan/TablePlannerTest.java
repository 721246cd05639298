package io.cdcsuite.source.timestamp.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;
import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;
import io.cdcsuite.source.timestamp.testing.Columns;
import io.cdcsuite.source.timestamp.testing.Tables;

class TablePlannerTest {
    private static final TableId T = new TableId("app", "t");

    private static TableDefinition table(List<String> primaryKey, List<List<String>> indexes, ColumnDefinition... columns) {
        return new TableDefinition(T, List.of(columns), primaryKey, indexes, 0);
    }

    private static List<ConfigProblem> problems(TableDefinition table, Map<String, String> config) {
        PlanResult result = Tables.planResult(table, config);
        assertThat(result.plan()).isEmpty();
        return result.problems();
    }

    @Test
    void theDemoTableIsPlannedWithItsKeyTimestampSoftDeleteAndCreationColumns() {
        PlanResult result = Tables.planResult(Tables.orders(), Map.of(
                TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted", TimestampSourceConfig.CREATED_COLUMN, "created_at"));
        TablePlan plan = result.plan().orElseThrow();

        assertThat(plan.columns()).extracting(ColumnMapping::name).containsExactly("id", "customer_id", "amount",
                "status", "created_at", "last_updated", "is_deleted");
        assertThat(plan.keyColumnNames()).containsExactly("id");
        assertThat(plan.timestamp()).isEqualTo(new TimestampSpec(List.of("last_updated"), true, 3));
        assertThat(plan.softDelete()).contains(new SoftDelete("is_deleted", "1", false));
        assertThat(plan.createdColumn()).map(ColumnMapping::name).contains("created_at");
        assertThat(plan.keysetIndex()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void tablesWithoutThoseColumnsJustLackSoftDeleteAndCreationSemantics() {
        TablePlan plan = Tables.plan(Tables.orderLines(), Map.of(
                TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted", TimestampSourceConfig.CREATED_COLUMN, "created_at"));
        assertThat(plan.softDelete()).isEmpty();
        assertThat(plan.createdColumn()).isEmpty();
    }

    @Test
    void aTableWithoutPrimaryKeyIsRefusedUnlessKeyColumnsAreNamed() {
        TableDefinition table = table(List.of(), List.of(),
                Columns.notNull("a", "int"), Columns.notNull("b", "varchar(5)"), Columns.notNull("last_updated", "timestamp"));

        assertThat(problems(table, Map.of())).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(TimestampSourceConfig.KEY_COLUMNS_OVERRIDE);
            assertThat(p.message()).contains("app.t has no primary key");
        });
        TablePlan plan = Tables.plan(table, Map.of(TimestampSourceConfig.KEY_COLUMNS_OVERRIDE, "app.t:a|b"));
        assertThat(plan.keyColumnNames()).containsExactly("a", "b");
        assertThat(plan.schemas().keySchema().fields()).hasSize(2);
    }

    @Test
    void unusableKeyColumnsAreRefusedWithTheReason() {
        TableDefinition table = table(List.of(), List.of(),
                Columns.nullable("n", "int"), Columns.notNull("j", "json"), Columns.notNull("last_updated", "timestamp"));
        assertThat(problems(table, Map.of(TimestampSourceConfig.KEY_COLUMNS_OVERRIDE, "app.t:n|j|missing")))
                .extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("key column `n` can be NULL"))
                .anySatisfy(m -> assertThat(m).contains("key column `j` has type json"))
                .anySatisfy(m -> assertThat(m).contains("no column `missing`"));
    }

    @Test
    void aMissingOrUnsuitableTimestampColumnIsRefusedOnTheKeyThatNamesIt() {
        TableDefinition noColumn = table(List.of("id"), List.of(), Columns.notNull("id", "int"));
        assertThat(problems(noColumn, Map.of())).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(TimestampSourceConfig.TIMESTAMP_COLUMN_NAME);
            assertThat(p.message()).contains("app.t has no column `last_updated`").contains("timestamp.columns.override");
        });
        TableDefinition wrongType = table(List.of("id"), List.of(), Columns.notNull("id", "int"), Columns.notNull("version", "int"));
        assertThat(problems(wrongType, Map.of(TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE, "app.t:version")))
                .singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo(TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE);
                    assertThat(p.message()).contains("not TIMESTAMP or DATETIME");
                });
    }

    @Test
    void aNullableTimestampNeedsANotNullFallbackOrExplicitConsent() {
        TableDefinition table = table(List.of("id"), List.of(), Columns.notNull("id", "int"),
                Columns.nullable("last_updated", "timestamp(3)"), Columns.notNull("created", "timestamp"),
                Columns.notNull("created_local", "datetime"));

        assertThat(problems(table, Map.of())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("can be NULL").contains("timestamp.column.nullable.allowed"));
        assertThat(Tables.plan(table, Map.of(TimestampSourceConfig.TIMESTAMP_NULLABLE_ALLOWED, "true")).timestamp().columns())
                .containsExactly("last_updated");
        TablePlan coalesced = Tables.plan(table, Map.of(TimestampSourceConfig.TIMESTAMP_COLUMN_NAME, "last_updated,created"));
        assertThat(coalesced.timestamp()).isEqualTo(new TimestampSpec(List.of("last_updated", "created"), true, 0));
        assertThat(coalesced.keysetIndex()).isFalse();
        assertThat(problems(table, Map.of(TimestampSourceConfig.TIMESTAMP_COLUMN_NAME, "last_updated,created_local")))
                .anySatisfy(p -> assertThat(p.message()).contains("mix TIMESTAMP and DATETIME"));
    }

    @Test
    void unsupportedColumnTypesRefuseTheTableAndInvisibleColumnsAreLeftOut() {
        TableDefinition table = table(List.of("id"), List.of(), Columns.notNull("id", "int"),
                Columns.notNull("last_updated", "timestamp"), Columns.nullable("shape", "polygon"));
        assertThat(problems(table, Map.of())).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(TimestampSourceConfig.TABLE_EXCLUDE_LIST);
            assertThat(p.message()).contains("`shape`").contains("polygon");
        });
        TableDefinition invisible = table(List.of("id"), List.of(), Columns.notNull("id", "int"),
                Columns.notNull("last_updated", "timestamp"), Columns.of("hidden", "int", true, null, "INVISIBLE"));
        assertThat(Tables.plan(invisible, Map.of()).columns()).extracting(ColumnMapping::name).containsExactly("id", "last_updated");
    }

    @Test
    void aCreationColumnMustBeTemporal() {
        assertThat(problems(Tables.orders(), Map.of(TimestampSourceConfig.CREATED_COLUMN, "status")))
                .singleElement().satisfies(p -> assertThat(p.key()).isEqualTo(TimestampSourceConfig.CREATED_COLUMN));
    }

    @Test
    void aMissingIndexIsAWarningNotARefusal() {
        TableDefinition table = table(List.of("id"), List.of(List.of("id")), Columns.notNull("id", "int"),
                Columns.notNull("last_updated", "timestamp"));
        PlanResult result = Tables.planResult(table, Map.of());

        assertThat(result.plan()).isPresent();
        assertThat(result.plan().get().keysetIndex()).isFalse();
        assertThat(result.warnings()).singleElement().asString()
                .contains("no index starting with (last_updated, id)").contains("INDEX (last_updated, id)");
    }
}
