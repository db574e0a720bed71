package org.cartpath.monitoring.grading;

import static org.cartpath.monitoring.grading.CrsCase.afebrile;
import static org.cartpath.monitoring.grading.CrsCase.fever;
import static org.cartpath.monitoring.grading.CrsDriver.DEATH;
import static org.cartpath.monitoring.grading.CrsDriver.FEVER;
import static org.cartpath.monitoring.grading.CrsDriver.HYPOTENSION;
import static org.cartpath.monitoring.grading.CrsDriver.HYPOXIA;
import static org.cartpath.monitoring.grading.OxygenDevice.BIPAP;
import static org.cartpath.monitoring.grading.OxygenDevice.BLOW_BY;
import static org.cartpath.monitoring.grading.OxygenDevice.CPAP;
import static org.cartpath.monitoring.grading.OxygenDevice.FACEMASK;
import static org.cartpath.monitoring.grading.OxygenDevice.HIGH_FLOW_NASAL_CANNULA;
import static org.cartpath.monitoring.grading.OxygenDevice.MECHANICAL_VENTILATION;
import static org.cartpath.monitoring.grading.OxygenDevice.NASAL_CANNULA;
import static org.cartpath.monitoring.grading.OxygenDevice.NONE;
import static org.cartpath.monitoring.grading.OxygenDevice.NON_REBREATHER;
import static org.cartpath.monitoring.grading.OxygenDevice.VENTURI;
import static org.cartpath.monitoring.grading.Vasopressor.DOPAMINE;
import static org.cartpath.monitoring.grading.Vasopressor.EPINEPHRINE;
import static org.cartpath.monitoring.grading.Vasopressor.NOREPINEPHRINE;
import static org.cartpath.monitoring.grading.Vasopressor.PHENYLEPHRINE;
import static org.cartpath.monitoring.grading.Vasopressor.VASOPRESSIN;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The CRS grading table (ASTCT 2019), run against the grader ({@code CrsGraderTest}) and the API
 * ({@code ToxicityCalculatorApiIT}). Each row: the findings, the grade, the domains that set it.
 */
public final class CrsGradeCases {

    private CrsGradeCases() {
    }

    public static Stream<Arguments> grades() {
        return Stream.of(
                row("37.9 °C is not fever", afebrile().temperature("37.9"), 0),
                row("38.0 °C is fever: grade 1", fever("38.0"), 1, FEVER),
                row("a fever with another cause is not CRS", fever("39.5").feverHasAnotherCause(), 0),
                row("hypotension without fever is not CRS", afebrile().hypotension(), 0),
                row("oxygen on CPAP without fever is not CRS", afebrile().oxygen(CPAP), 0),
                row("fever and hypotension without vasopressors", fever("38.6").hypotension(), 2, HYPOTENSION),
                row("vasopressin alone is one vasopressor", fever("39").hypotension().on(VASOPRESSIN), 3, HYPOTENSION),
                row("norepinephrine with vasopressin is one vasopressor",
                        fever("39").hypotension().on(NOREPINEPHRINE, VASOPRESSIN), 3, HYPOTENSION),
                row("norepinephrine and epinephrine are several", fever("39").hypotension().on(NOREPINEPHRINE, EPINEPHRINE),
                        4, HYPOTENSION),
                row("phenylephrine, dopamine and vasopressin are several",
                        fever("39").hypotension().on(PHENYLEPHRINE, DOPAMINE, VASOPRESSIN), 4, HYPOTENSION),
                row("a vasopressor implies hypotension though the box is unticked", fever("39").on(DOPAMINE), 3,
                        HYPOTENSION),
                row("nasal cannula at 6 L/min is low flow", fever("39").oxygen(NASAL_CANNULA, "6"), 2, HYPOXIA),
                row("nasal cannula at 6.1 L/min is high flow", fever("39").oxygen(NASAL_CANNULA, "6.1"), 3, HYPOXIA),
                row("nasal cannula at 1 L/min", fever("39").oxygen(NASAL_CANNULA, "1"), 2, HYPOXIA),
                row("blow-by oxygen", fever("39").oxygen(BLOW_BY), 2, HYPOXIA),
                row("high-flow nasal cannula", fever("39").oxygen(HIGH_FLOW_NASAL_CANNULA, "40"), 3, HYPOXIA),
                row("facemask", fever("39").oxygen(FACEMASK), 3, HYPOXIA),
                row("non-rebreather", fever("39").oxygen(NON_REBREATHER, "15"), 3, HYPOXIA),
                row("Venturi mask", fever("39").oxygen(VENTURI), 3, HYPOXIA),
                row("CPAP", fever("39").oxygen(CPAP), 4, HYPOXIA),
                row("BiPAP", fever("39").oxygen(BIPAP), 4, HYPOXIA),
                row("mechanical ventilation", fever("39").oxygen(MECHANICAL_VENTILATION), 4, HYPOXIA),
                row("room air with a flow of 0 is no oxygen", fever("39").oxygen(NONE, "0"), 1, FEVER),
                row("worked example: one vasopressor outweighs low-flow oxygen",
                        fever("39.1").on(NOREPINEPHRINE).oxygen(NASAL_CANNULA, "4"), 3, HYPOTENSION),
                row("hypotension and hypoxia of equal grade both set it",
                        fever("38.4").hypotension().oxygen(NASAL_CANNULA, "2"), 2, HYPOTENSION, HYPOXIA),
                row("several vasopressors and CPAP both set grade 4",
                        fever("40").on(NOREPINEPHRINE, EPINEPHRINE).oxygen(CPAP), 4, HYPOTENSION, HYPOXIA),
                row("after an antipyretic, hypotension grades without fever",
                        afebrile().antipyreticGiven().hypotension(), 2, HYPOTENSION),
                row("after an antipyretic, hypoxia grades without fever",
                        afebrile().antipyreticGiven().oxygen(FACEMASK), 3, HYPOXIA),
                row("after an antipyretic without fever, hypotension or hypoxia there is nothing to grade",
                        afebrile().antipyreticGiven(), 0),
                row("a fever despite an antipyretic still counts", fever("38.5").antipyreticGiven(), 1, FEVER),
                row("after tocilizumab a fever with another cause does not matter",
                        fever("39").feverHasAnotherCause().antipyreticGiven().on(NOREPINEPHRINE), 3, HYPOTENSION),
                row("death from CRS is grade 5", fever("39").on(NOREPINEPHRINE, EPINEPHRINE).diedOfCrs(), 5, DEATH));
    }

    /** Findings refused as implausible or incomplete, and the field named in the refusal. */
    public static Stream<Arguments> refused() {
        return Stream.of(
                argumentSet("29.9 °C is below the range", afebrile().temperature("29.9"), "temperatureCelsius"),
                argumentSet("45.1 °C is above the range", afebrile().temperature("45.1"), "temperatureCelsius"),
                argumentSet("a negative flow", fever("39").oxygen(FACEMASK, "-1"), "oxygenFlowLitresPerMinute"),
                argumentSet("a flow over 100 L/min", fever("39").oxygen(HIGH_FLOW_NASAL_CANNULA, "100.1"),
                        "oxygenFlowLitresPerMinute"),
                argumentSet("a flow on room air", fever("39").oxygen(NONE, "2"), "oxygenFlowLitresPerMinute"),
                argumentSet("a nasal cannula without its flow", fever("39").oxygen(NASAL_CANNULA),
                        "oxygenFlowLitresPerMinute"),
                argumentSet("a nasal cannula at 0 L/min", fever("39").oxygen(NASAL_CANNULA, "0"),
                        "oxygenFlowLitresPerMinute"));
    }

    private static Arguments row(String description, CrsCase findings, int grade, CrsDriver... drivers) {
        Set<CrsDriver> expected = EnumSet.noneOf(CrsDriver.class);
        expected.addAll(List.of(drivers));
        return argumentSet(description, findings, grade, expected);
    }
}
