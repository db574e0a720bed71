package org.cartpath.scheduling;

import java.util.List;
import java.util.Optional;

/** The target dates a booking fixed for every later step, in journey order. */
public record BookingPlan(List<PlannedStep> steps) {

    public BookingPlan {
        steps = List.copyOf(steps);
    }

    public Optional<PlannedStep> step(PlanStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    public List<PlannedStep> conflicts() {
        return steps.stream().filter(PlannedStep::hasConflict).toList();
    }

    public boolean fits() {
        return conflicts().isEmpty();
    }

    public boolean usesDefaults() {
        return steps.stream().anyMatch(PlannedStep::usesDefault);
    }
}
