package org.cartpath.followup.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classic survival data sets with published R outputs, shared by the unit tests and the HTTP tests. A time followed by
 * {@code +} is censored.
 */
public final class SurvivalDatasets {

    /**
     * Freireich EJ, Gehan E, Frei E 3rd, et al. The effect of 6-mercaptopurine on the duration of steroid-induced
     * remissions in acute leukemia. Blood 1963;21(6):699–716: weeks of remission, 6-MP arm (the "gehan" data of
     * R's MASS package, the copy on G. Rodríguez's Princeton survival pages).
     */
    public static final String GEHAN_6MP = "6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+";

    /** The same trial's placebo (control) arm: every remission ended in relapse. */
    public static final String GEHAN_CONTROL = "1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23";

    /**
     * R {@code survival::aml} (Miller RG. Survival Analysis. Wiley 1981; Embury SH et al. West J Med 1977): weeks to
     * relapse of acute myelogenous leukaemia, maintained chemotherapy.
     */
    public static final String AML_MAINTAINED = "9 13 13+ 18 23 28+ 31 34 45+ 48 161+";

    /** {@code survival::aml}, chemotherapy not maintained. */
    public static final String AML_NONMAINTAINED = "5 5 8 8 12 16+ 23 27 30 33 43 45";

    private SurvivalDatasets() {
    }

    /** The observations of a data set written as above. */
    public static List<Observation> observations(String data) {
        List<Observation> observations = new ArrayList<>();
        for (String item : data.trim().split("\\s+")) {
            observations.add(item.endsWith("+") ? Observation.censored(Double.parseDouble(item.replace("+", "")))
                    : Observation.event(Double.parseDouble(item)));
        }
        return observations;
    }

    /** Named groups, in the order given: name, data, name, data… */
    public static Map<String, List<Observation>> groups(String... namesAndData) {
        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        for (int i = 0; i < namesAndData.length; i += 2) {
            groups.put(namesAndData[i], observations(namesAndData[i + 1]));
        }
        return groups;
    }

    /** A data set as the JSON observations of the HTTP contract. */
    public static List<Map<String, Object>> json(String data) {
        return observations(data).stream()
                .map(o -> Map.<String, Object>of("time", o.time(), "event", o.event())).toList();
    }
}
