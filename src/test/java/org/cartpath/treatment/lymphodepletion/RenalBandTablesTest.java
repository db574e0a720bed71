package org.cartpath.treatment.lymphodepletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pharmacy's table must cover every clearance from 0 once, with shares above 0 and at most 100%. */
class RenalBandTablesTest {

    private static BigDecimal n(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.trim());
    }

    /** "from below percent" separated by '/' per band, e.g. "0 30 -/30 - 100" ('-' is empty). */
    private static List<RenalBand> bands(String spec) {
        List<RenalBand> bands = new ArrayList<>();
        for (String band : spec.split("/")) {
            String[] p = band.trim().split(" ");
            bands.add(new RenalBand(n(p[0].replace("-", "")), n(p[1].replace("-", "")), n(p[2].replace("-", ""))));
        }
        return bands;
    }

    @Test
    void theDefaultTableIsValid() {
        assertThat(RenalBandTables.problemsIn(RenalBandTable.US_FLUDARA.bands())).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 30 -/30 - 100                 | ok
            0 - 100                         | ok
            0 30 -/30 60 50/60 - 100        | ok
            10 30 -/30 - 100                | bands: the lowest band must start at 0
            0 30 -/40 - 100                 | bands: the band from 0 mL/min must end where the next begins
            0 40 -/30 - 100                 | bands: the band from 0 mL/min must end where the next begins
            0 30 -/30 80 100                | bands: the highest band must have no upper limit
            0 30 0/30 - 100                 | bands[0].percentOfDose
            0 30 -/30 - 100.5               | bands[1].percentOfDose
            0 30 -/30 20 100/20 - 100       | bands[1].belowMlPerMin
            - 30 -/30 - 100                 | bands[0].fromMlPerMin
            """)
    void refusesGapsOverlapsAndImpossibleShares(String spec, String expected) {
        List<FieldProblem> problems = RenalBandTables.problemsIn(bands(spec));
        if (expected.equals("ok")) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(p -> p.field() + ": " + p.message())
                    .anyMatch(text -> text.startsWith(expected));
        }
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThat(RenalBandTables.problemsIn(List.of())).extracting(FieldProblem::field).containsExactly("bands");
        assertThat(RenalBandTables.problemsIn(null)).extracting(FieldProblem::field).containsExactly("bands");
    }
}
