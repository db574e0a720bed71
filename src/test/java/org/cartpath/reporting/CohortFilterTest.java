package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CohortFilterTest {

    @Test
    void blankPartsMeanAnyAndCodesAreReadAsCatalogueCodes() {
        UUID centre = UUID.randomUUID();
        CohortFilter filter = CohortFilter.parse(" " + centre + " ", "kymriah", "B_ALL", "UNDER_26", "2023-01-01",
                "2026-12-31");
        assertThat(filter).isEqualTo(new CohortFilter(centre, "KYMRIAH", "B_ALL", AgeBand.UNDER_26,
                LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(CohortFilter.parse("", " ", null, "", null, "")).isEqualTo(CohortFilter.EVERYONE);
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "centre, not-a-uuid",
            "product, KYM RIAH",
            "indication, '<script>'",
            "ageBand, ANCIENT",
            "infusedFrom, 2026-02-30",
            "infusedFrom, +999999999-12-31",
            "infusedTo, 1066-10-14"})
    void badFiltersAreRefusedNamingTheField(String field, String value) {
        assertThatThrownBy(() -> CohortFilter.parse(field.equals("centre") ? value : null,
                field.equals("product") ? value : null, field.equals("indication") ? value : null,
                field.equals("ageBand") ? value : null, field.equals("infusedFrom") ? value : null,
                field.equals("infusedTo") ? value : null))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).fieldProblems())
                        .extracting(ProblemException.FieldProblem::field).containsExactly(field));
    }

    @Test
    void thePeriodMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> CohortFilter.parse(null, null, null, null, "2026-03-01", "2026-01-01"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
        assertThat(CohortFilter.parse(null, null, null, null, "2026-03-01", "2026-03-01").infusedTo())
                .isEqualTo(LocalDate.of(2026, 3, 1));
    }
}
