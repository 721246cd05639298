package io.cdcsuite.stack.demo;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Renders two consecutive samples as a terminal screen: rates per stage, lag, newest aggregate windows. */
final class LiveView {
    private static final String CLEAR = "\u001b[H\u001b[2J";

    private LiveView() {
    }

    static void render(PrintStream out, long workloadChanges, double workloadRate, PipelineMonitor.Sample previous,
                       PipelineMonitor.Sample current) {
        double seconds = Math.max(1e-3, (current.nanoTime() - previous.nanoTime()) / 1e9);
        StringBuilder screen = new StringBuilder(CLEAR);
        screen.append("CDC pipeline  ").append(LocalTime.now().truncatedTo(ChronoUnit.SECONDS))
                .append("   (Ctrl-C stops everything)\n\n");
        screen.append(String.format("%-44s %14s %12s%n", "stage", "total", "per second"));
        screen.append(String.format("%-44s %,14d %,12.1f%n", "MySQL workload (shop.orders changes)", workloadChanges,
                workloadRate));
        current.topicRecords().forEach((topic, records) -> screen.append(String.format("%-44s %,14d %,12.1f%n",
                "topic " + topic, records, rate(previous.topicRecords(), topic, records, seconds))));
        current.sinkCommitted().forEach((connector, committed) -> screen.append(String.format(
                "%-44s %,14d %,12.1f   lag %,d%n", "sink " + connector + " (committed)", committed,
                rate(previous.sinkCommitted(), connector, committed, seconds), current.sinkLag().get(connector))));
        for (Map.Entry<String, List<String>> aggregate : current.aggregates().entrySet()) {
            screen.append("\nnewest rows of ").append(aggregate.getKey()).append(":\n");
            aggregate.getValue().forEach(row -> screen.append("  ").append(row).append('\n'));
        }
        out.print(screen);
        out.flush();
    }

    private static double rate(Map<String, Long> before, String name, long now, double seconds) {
        return (now - before.getOrDefault(name, now)) / seconds;
    }
}
