package org.cartpath.monitoring.grading;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades cytokine release syndrome by the ASTCT consensus: Lee DW et al., "ASTCT Consensus Grading for
 * Cytokine Release Syndrome and Neurologic Toxicity Associated with Immune Effector Cells", Biol Blood Marrow
 * Transplant 2019;25(4):625–638. Organ toxicities are graded by CTCAE and do not change the grade.
 */
public final class CrsGrader {

    /** ASTCT 2019: fever is a temperature of 38.0 °C or more. */
    static final BigDecimal FEVER = new BigDecimal("38.0");

    /** ASTCT 2019: low-flow nasal cannula is up to 6 L/min; more is high flow. */
    static final BigDecimal LOW_FLOW_LIMIT = new BigDecimal("6");

    private record Finding(CrsDriver domain, int grade, String description) {
    }

    private CrsGrader() {
    }

    public static CrsGrade grade(CrsAssessment assessment) {
        if (assessment.deathFromCrs()) {
            // ASTCT 2019: grade 5 is death due to CRS, whatever else was recorded.
            return new CrsGrade(5, EnumSet.of(CrsDriver.DEATH), "CRS grade 5 (ASTCT 2019): death from CRS.");
        }
        boolean fever = assessment.temperatureCelsius().compareTo(FEVER) >= 0
                && !assessment.feverAttributableToOtherCause();
        Finding hypotension = hypotension(assessment);
        Finding hypoxia = hypoxia(assessment);
        // ASTCT 2019: fever is required, unless antipyretic or anti-cytokine treatment has already been given
        // for CRS; after that, grading rests on hypotension and hypoxia alone.
        if (!fever && !assessment.antipyreticOrAnticytokineGiven()) {
            return noCrsWithoutFever(assessment, hypotension, hypoxia);
        }
        Finding feverFinding = new Finding(CrsDriver.FEVER, fever ? 1 : 0,
                "fever of " + Wording.plain(assessment.temperatureCelsius()) + " °C");
        // ASTCT 2019: the grade is set by the more severe of hypotension and hypoxia; fever alone is grade 1.
        List<Finding> findings = List.of(feverFinding, hypotension, hypoxia);
        int grade = findings.stream().mapToInt(Finding::grade).max().orElse(0);
        if (grade == 0) {
            return new CrsGrade(0, Set.of(), "No CRS to grade (ASTCT 2019): antipyretic or anti-cytokine treatment"
                    + " has been given, so the grade rests on hypotension and hypoxia, and there is neither.");
        }
        List<Finding> drivers = findings.stream().filter(f -> f.grade() == grade).toList();
        List<Finding> lesser = findings.stream().filter(f -> f.grade() > 0 && f.grade() < grade).toList();
        StringBuilder explanation = new StringBuilder("CRS grade " + grade + " (ASTCT 2019), set by "
                + Wording.listed(drivers.stream().map(Finding::description).toList()) + ".");
        if (!lesser.isEmpty()) {
            explanation.append(" Also present: ").append(lesser.stream()
                    .map(f -> f.description() + " (grade " + f.grade() + ")").collect(Collectors.joining("; "))).append('.');
        }
        if (!fever) {
            explanation.append(" Fever is not required because antipyretic or anti-cytokine treatment has been given")
                    .append(assessment.feverAttributableToOtherCause() ? "; the temperature of "
                            + Wording.plain(assessment.temperatureCelsius()) + " °C is attributed to another cause." : ".");
        }
        return new CrsGrade(grade, drivers.stream().map(Finding::domain).collect(Collectors.toSet()),
                explanation.toString());
    }

    /**
     * ASTCT 2019 hypotension: not needing vasopressors → 2; one vasopressor with or without vasopressin → 3;
     * multiple vasopressors excluding vasopressin → 4. Vasopressin alone is one vasopressor → 3.
     */
    private static Finding hypotension(CrsAssessment assessment) {
        if (!assessment.hypotensive()) {
            return new Finding(CrsDriver.HYPOTENSION, 0, "no hypotension");
        }
        Set<Vasopressor> given = assessment.vasopressors();
        if (given.isEmpty()) {
            return new Finding(CrsDriver.HYPOTENSION, 2, "hypotension not needing vasopressors");
        }
        List<Vasopressor> counted = given.stream().filter(Vasopressor::countsTowardsSeveral).toList();
        boolean withVasopressin = given.contains(Vasopressor.VASOPRESSIN);
        String named = counted.stream().map(Vasopressor::label).collect(Collectors.joining(", "));
        if (counted.size() >= 2) {
            return new Finding(CrsDriver.HYPOTENSION, 4, "hypotension needing several vasopressors (" + named
                    + (withVasopressin ? ", with vasopressin, which does not count towards several" : "") + ")");
        }
        String which = counted.isEmpty() ? "vasopressin alone" : named + (withVasopressin ? " with vasopressin" : "");
        return new Finding(CrsDriver.HYPOTENSION, 3, "hypotension needing one vasopressor (" + which + ")");
    }

    /**
     * ASTCT 2019 hypoxia: low-flow nasal cannula (up to 6 L/min) or blow-by → 2; high-flow nasal cannula
     * (over 6 L/min), facemask, non-rebreather or Venturi mask → 3; positive pressure (CPAP, BiPAP,
     * intubation and mechanical ventilation) → 4.
     */
    private static Finding hypoxia(CrsAssessment assessment) {
        OxygenDevice device = assessment.oxygenDevice();
        return switch (device) {
            case NONE -> new Finding(CrsDriver.HYPOXIA, 0, "no supplemental oxygen");
            case BLOW_BY -> new Finding(CrsDriver.HYPOXIA, 2, "blow-by oxygen");
            case NASAL_CANNULA -> nasalCannula(assessment.oxygenFlowLitresPerMinute());
            case HIGH_FLOW_NASAL_CANNULA, FACEMASK, NON_REBREATHER, VENTURI ->
                    new Finding(CrsDriver.HYPOXIA, 3, "oxygen by " + device.label());
            case CPAP, BIPAP, MECHANICAL_VENTILATION ->
                    new Finding(CrsDriver.HYPOXIA, 4, "positive-pressure ventilation (" + device.label() + ")");
        };
    }

    private static Finding nasalCannula(BigDecimal flow) {
        String description = "oxygen by nasal cannula at " + Wording.plain(flow) + " L/min";
        return flow.compareTo(LOW_FLOW_LIMIT) <= 0
                ? new Finding(CrsDriver.HYPOXIA, 2, description + ", low flow (up to 6 L/min)")
                : new Finding(CrsDriver.HYPOXIA, 3, description + ", high flow (over 6 L/min)");
    }

    private static CrsGrade noCrsWithoutFever(CrsAssessment assessment, Finding hypotension, Finding hypoxia) {
        String temperature = Wording.plain(assessment.temperatureCelsius()) + " °C";
        String why = assessment.temperatureCelsius().compareTo(FEVER) < 0
                ? "a temperature of " + temperature + " is not a fever (38.0 °C or more)"
                : "the temperature of " + temperature + " is attributed to another cause";
        List<String> ungraded = Stream.of(hypotension, hypoxia).filter(f -> f.grade() > 0).map(Finding::description)
                .toList();
        return new CrsGrade(0, Set.of(), "No CRS (ASTCT 2019): " + why + ", and fever is required until"
                + " antipyretic or anti-cytokine treatment has been given."
                + (ungraded.isEmpty() ? "" : " Without fever, " + Wording.listed(ungraded)
                        + (ungraded.size() == 1 ? " is" : " are") + " not graded as CRS."));
    }
}
