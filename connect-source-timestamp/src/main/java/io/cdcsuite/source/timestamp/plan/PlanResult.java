package io.cdcsuite.source.timestamp.plan;

import java.util.List;
import java.util.Optional;

import io.cdcsuite.source.timestamp.config.ConfigProblem;

/** A table's plan, or the reasons it cannot be captured (each attributed to the config key that would fix it). */
public record PlanResult(Optional<TablePlan> plan, List<ConfigProblem> problems, List<String> warnings) {

    public static PlanResult of(TablePlan plan, List<String> warnings) {
        return new PlanResult(Optional.of(plan), List.of(), List.copyOf(warnings));
    }

    public static PlanResult refused(List<ConfigProblem> problems) {
        return new PlanResult(Optional.empty(), List.copyOf(problems), List.of());
    }
}
