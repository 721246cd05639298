package io.cdcsuite.source.timestamp.discovery;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * Splits tables over tasks by whole tables, balancing InnoDB's row estimates (largest table first, each to the
 * least loaded task), and carries each task's share in its config.
 */
public final class TaskAssignment {
    /** Internal task key: the task's tables, {@code db.table} with both parts URL-encoded, comma-separated. */
    public static final String TASK_TABLES = "task.tables";
    /** Internal task key: the task's index, used in metric names. */
    public static final String TASK_ID = "task.id";

    private TaskAssignment() {
    }

    /** At most {@code maxTasks} groups, none empty, each sorted by table name. */
    public static List<List<TableId>> split(Map<TableId, Long> estimatedRows, int maxTasks) {
        int tasks = Math.min(maxTasks, estimatedRows.size());
        List<List<TableId>> groups = new ArrayList<>();
        long[] load = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            groups.add(new ArrayList<>());
        }
        List<TableId> bySize = new ArrayList<>(estimatedRows.keySet());
        bySize.sort(Comparator.comparing((TableId t) -> Math.max(0, estimatedRows.get(t))).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (TableId table : bySize) {
            int least = 0;
            for (int i = 1; i < tasks; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            groups.get(least).add(table);
            // + 1 so that empty tables spread too
            load[least] += Math.max(0, estimatedRows.get(table)) + 1;
        }
        groups.forEach(group -> group.sort(Comparator.naturalOrder()));
        return groups;
    }

    public static List<Map<String, String>> taskConfigs(Map<String, String> connectorConfig,
            Map<TableId, Long> estimatedRows, int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        List<List<TableId>> groups = split(estimatedRows, maxTasks);
        for (int i = 0; i < groups.size(); i++) {
            Map<String, String> config = new HashMap<>(connectorConfig);
            config.put(TASK_TABLES, encode(groups.get(i)));
            config.put(TASK_ID, String.valueOf(i));
            configs.add(config);
        }
        return configs;
    }

    public static List<TableId> tables(Map<String, String> taskConfig) {
        String value = taskConfig.getOrDefault(TASK_TABLES, "");
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(entry -> {
                    int dot = entry.indexOf('.');
                    return new TableId(URLDecoder.decode(entry.substring(0, dot), StandardCharsets.UTF_8),
                            URLDecoder.decode(entry.substring(dot + 1), StandardCharsets.UTF_8));
                })
                .toList();
    }

    static String encode(List<TableId> tables) {
        return tables.stream()
                .map(t -> URLEncoder.encode(t.database(), StandardCharsets.UTF_8) + "."
                        + URLEncoder.encode(t.table(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }
}
