package io.cdcsuite.source.timestamp.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;

class TaskAssignmentTest {

    private static TableId t(String name) {
        return new TableId("app", name);
    }

    @Test
    void wholeTablesAreBalancedByEstimatedRows() {
        Map<TableId, Long> rows = new LinkedHashMap<>();
        rows.put(t("a"), 1000L);
        rows.put(t("b"), 10L);
        rows.put(t("c"), 500L);
        rows.put(t("d"), 0L);
        rows.put(t("e"), 490L);

        List<List<TableId>> groups = TaskAssignment.split(rows, 2);

        assertThat(groups).containsExactly(List.of(t("a"), t("d")), List.of(t("b"), t("c"), t("e")));
    }

    @Test
    void noTaskIsEmptyWhenThereAreMoreTasksThanTables() {
        assertThat(TaskAssignment.split(Map.of(t("a"), 5L, t("b"), 5L), 8)).hasSize(2).allSatisfy(g -> assertThat(g).hasSize(1));
        assertThat(TaskAssignment.split(Map.of(), 3)).isEmpty();
    }

    @Test
    void taskConfigsCarryTheTablesAndSurviveOddNames() {
        TableId odd = new TableId("my db", "a,b ä%");
        Map<String, String> connector = Map.of("topic.prefix", "app", "name", "orders-cdc");

        List<Map<String, String>> configs = TaskAssignment.taskConfigs(connector, Map.of(odd, 1L, t("x"), 2L), 1);

        assertThat(configs).singleElement().satisfies(config -> {
            assertThat(config).containsEntry("topic.prefix", "app").containsEntry("name", "orders-cdc")
                    .containsEntry(TaskAssignment.TASK_ID, "0");
            assertThat(TaskAssignment.tables(config)).containsExactly(t("x"), odd);
        });
        assertThat(TaskAssignment.tables(Map.of())).isEmpty();
    }
}
