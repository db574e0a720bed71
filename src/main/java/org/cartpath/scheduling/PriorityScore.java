package org.cartpath.scheduling;

import java.util.List;

/**
 * A waiting case's priority: the sum of its components, each shown with its points and where the weight comes
 * from, so that anyone can see why a case is where it is (ADR 0015).
 */
public record PriorityScore(int total, List<Component> components) {

    public PriorityScore {
        components = List.copyOf(components);
    }

    /** One part of the score, e.g. "Days waiting: 12 × 1 point = 12". */
    public record Component(String name, String value, int points, String source) {
    }
}
