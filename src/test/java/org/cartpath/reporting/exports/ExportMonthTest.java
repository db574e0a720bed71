package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;

class ExportMonthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aMonthIsYearAndMonthNotInTheFuture() {
        assertThat(ExportMonth.parse("2026-08", TODAY)).isEqualTo(YearMonth.of(2026, 8));
        assertThat(ExportMonth.parse(" 2026-12 ", TODAY)).isEqualTo(YearMonth.of(2026, 12));
        for (String bad : new String[] {"2026-13", "August", "2026-8-1", "", "1999-12", "2027-01"}) {
            assertThatThrownBy(() -> ExportMonth.parse(bad, TODAY)).as(bad).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).fieldProblems()).extracting(
                            ProblemException.FieldProblem::field).containsExactly("month"));
        }
    }

    @Test
    void aKindIsNamedByItsApiOrPathName() {
        assertThat(ExportKind.parse("sact")).contains(ExportKind.SACT);
        assertThat(ExportKind.parse("cdf-outcomes")).contains(ExportKind.CDF_OUTCOMES);
        assertThat(ExportKind.parse("CIBMTR")).isEmpty();
    }
}
