package org.cartpath.catalogue;

import java.util.List;

/**
 * A lymphodepleting chemotherapy regimen and when to infuse after it (docs/clinical/lymphodepletion-timing.md).
 *
 * <p>Day numbers count from {@code dayReference}: with {@link DayReference#INFUSION} day 0 is the infusion
 * and chemotherapy days are negative (infusion window implied); with {@link DayReference#LYMPHODEPLETION_START}
 * day 0 is the first chemotherapy day and the infusion follows within {@code infusionWindow} days after the
 * last chemotherapy day.
 */
public record LymphodepletionRegimen(
        String id,
        String name,
        DayReference dayReference,
        List<Agent> agents,
        InfusionWindow infusionWindow,
        String source) {

    public LymphodepletionRegimen {
        agents = List.copyOf(agents);
    }

    public enum DayReference { INFUSION, LYMPHODEPLETION_START }

    public enum Drug {
        FLUDARABINE("Fludarabine"),
        CYCLOPHOSPHAMIDE("Cyclophosphamide"),
        BENDAMUSTINE("Bendamustine");

        private final String label;

        Drug(String label) {
            this.label = label;
        }

        /** The drug's name as a prescription writes it. */
        public String label() {
            return label;
        }
    }

    /**
     * One drug of the regimen.
     *
     * @param doseMgPerM2PerDay the dose on each of its days, in mg per m² of body surface area
     * @param days              the days it is given on, counted from the regimen's day reference
     * @param daysSource        where the days come from
     */
    public record Agent(Drug drug, SourcedNumber doseMgPerM2PerDay, List<Integer> days, String daysSource) {
        public Agent {
            days = List.copyOf(days);
        }
    }

    /** Infuse from {@code fromDays} to {@code toDays} days (inclusive) after the last chemotherapy day. */
    public record InfusionWindow(SourcedNumber fromDays, SourcedNumber toDays) {
    }
}
