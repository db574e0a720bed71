package org.cartpath.scheduling.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cartpath.scheduling.DiseaseKinetics;
import org.cartpath.scheduling.PriorityScore;
import org.cartpath.scheduling.Urgency;
import org.springframework.stereotype.Component;

/**
 * The waitlist's priority score, weighted by {@code scheduling/waitlist-priority.yaml}: days waiting, clinical
 * urgency and disease kinetics, summed. Allocation policy, not a clinical rule: the weights are the file's.
 */
@Component
public class PriorityPolicy {

    static final String FILE = "scheduling/waitlist-priority.yaml";

    private final ConfigYaml.Sourced perDay;
    private final Map<Urgency, ConfigYaml.Sourced> urgency = new EnumMap<>(Urgency.class);
    private final Map<DiseaseKinetics, ConfigYaml.Sourced> kinetics = new EnumMap<>(DiseaseKinetics.class);
    private final ConfigYaml.Sourced holdHours;

    public PriorityPolicy() {
        this(ConfigYaml.load(FILE));
    }

    PriorityPolicy(ConfigYaml yaml) {
        perDay = yaml.number("daysWaiting.pointsPerDay");
        for (Urgency u : Urgency.values()) {
            urgency.put(u, yaml.number("urgency." + u.name()));
        }
        for (DiseaseKinetics k : DiseaseKinetics.values()) {
            kinetics.put(k, yaml.number("kinetics." + k.name()));
        }
        holdHours = yaml.number("offer.holdHours");
        if (holdHours.value() < 1) {
            throw new IllegalStateException(FILE + ": offer.holdHours must be at least 1");
        }
    }

    public PriorityScore score(long daysWaiting, Urgency u, DiseaseKinetics k) {
        long days = Math.max(0, daysWaiting);
        int waiting = (int) Math.min(100_000, days * perDay.value());
        ConfigYaml.Sourced urgent = urgency.get(u);
        ConfigYaml.Sourced moving = kinetics.get(k);
        List<PriorityScore.Component> parts = List.of(
                new PriorityScore.Component("Days waiting", days + " × " + perDay.value()
                        + (perDay.value() == 1 ? " point" : " points"), waiting, perDay.source()),
                new PriorityScore.Component("Clinical urgency", u.label(), urgent.value(), urgent.source()),
                new PriorityScore.Component("Disease kinetics", k.label(), moving.value(), moving.source()));
        return new PriorityScore(parts.stream().mapToInt(PriorityScore.Component::points).sum(), parts);
    }

    public Duration offerHold() {
        return Duration.ofHours(holdHours.value());
    }
}
