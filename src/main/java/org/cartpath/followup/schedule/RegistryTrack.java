package org.cartpath.followup.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A registry's follow-up track after a CAR-T infusion: which time points are reported
 * (docs/clinical/follow-up-schedule.md). The CIBMTR tracks follow the CIBMTR Cellular Therapy Essential Data
 * follow-up form (Form 4100) and its "approximate range" of the date of contact; EBMT's follow-up of the
 * post-authorisation studies reports the same time points but publishes no windows.
 */
public enum RegistryTrack {
    CIBMTR_15_YEAR("CIBMTR, 15-year follow-up", true, years(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)),
    CIBMTR_STANDARD("CIBMTR, standard follow-up", true, years(1, 2, 3, 4, 5, 6, 8, 10, 12, 14)),
    CIBMTR_100_DAY_ONLY("CIBMTR, day 100 only", false, List.of()),
    EBMT("EBMT", true, years(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));

    private final String label;
    private final boolean sixMonths;
    private final List<Integer> years;

    RegistryTrack(String label, boolean sixMonths, List<Integer> years) {
        this.label = label;
        this.sixMonths = sixMonths;
        this.years = years;
    }

    public String label() {
        return label;
    }

    /** Whether the registry publishes windows for its time points (EBMT does not). */
    public boolean hasWindows() {
        return this != EBMT;
    }

    /** The time points of the track, in chronological order. */
    public List<RegistryTimepointName> timepoints() {
        List<RegistryTimepointName> names = new ArrayList<>();
        names.add(RegistryTimepointName.day100());
        if (sixMonths) {
            names.add(RegistryTimepointName.month6());
        }
        years.forEach(n -> names.add(RegistryTimepointName.year(n)));
        return Collections.unmodifiableList(names);
    }

    private static List<Integer> years(Integer... years) {
        return List.of(years);
    }
}
