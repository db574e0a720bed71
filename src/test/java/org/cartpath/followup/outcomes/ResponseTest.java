package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The response categories of B-ALL, Lugano 2014 (PET-CT and CT) and IMWG 2016, boundary by boundary. */
class ResponseTest {

    @ParameterizedTest(name = "blasts {0} %, circulating {1}, EMD {2}, ANC {3}, platelets {4}, MRD {5} → {6}, {7}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.B_ALL)
    void categorisesBAllMarrowResponse(BigDecimal blasts, boolean circulating, boolean extramedullary, BigDecimal anc,
            BigDecimal platelets, BigDecimal mrd, BAllResponse.Category category, BAllResponse.MarrowStatus marrow,
            Boolean mrdNegative) {
        BAllResponse.Assessment assessment = BAllResponse.assess(blasts, circulating, extramedullary, anc, platelets,
                mrd);
        assertThat(assessment.category()).isEqualTo(category);
        assertThat(assessment.marrowStatus()).isEqualTo(marrow);
        assertThat(assessment.mrdNegative()).isEqualTo(mrdNegative);
    }

    @ParameterizedTest(name = "Deauville {0}, uptake {1}, new lesions {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.LUGANO_PET)
    void categorisesLuganoPetResponse(int deauville, LuganoPetResponse.Uptake uptake, boolean newLesions,
            LuganoPetResponse.Category category) {
        assertThat(LuganoPetResponse.assess(deauville, uptake, newLesions)).isEqualTo(category);
    }

    @Test
    void refusesADeauvilleScoreOutsideOneToFive() {
        assertThatThrownBy(() -> LuganoPetResponse.assess(0, LuganoPetResponse.Uptake.REDUCED, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LuganoPetResponse.assess(6, LuganoPetResponse.Uptake.REDUCED, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "SPD {0} → {1} mm², nodes ≤ 15 mm {2}, extralymphatic {3}, new {4}, lesion PD {5} → {6}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.LUGANO_CT)
    void categorisesLuganoCtResponse(BigDecimal baseline, BigDecimal current, boolean allNodesSmall,
            boolean extralymphatic, boolean newLesions, Boolean lesionProgression,
            LuganoCtResponse.Category category) {
        assertThat(LuganoCtResponse.assess(baseline, current, allNodesSmall, extralymphatic, newLesions,
                Boolean.TRUE.equals(lesionProgression))).isEqualTo(category);
    }

    @ParameterizedTest(name = "[{index}] serum {0}/{1}/{2}, urine {3}/{4}/{5} … → {14}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.IMWG)
    void categorisesMyelomaResponseByImwg(BigDecimal baselineSerum, BigDecimal serum, BigDecimal nadirSerum,
            BigDecimal baselineUrine, BigDecimal urine, BigDecimal nadirUrine, boolean serumIfeNegative,
            boolean urineIfeNegative, Boolean onlyByIfe, BigDecimal marrow, Boolean plasmacytomas, Boolean flcNormal,
            Boolean clonal, Boolean newLesions, ImwgResponse.Category category) {
        ImwgResponse.Assessment assessment = new ImwgResponse.Assessment(baselineSerum, serum, nadirSerum,
                baselineUrine, urine, nadirUrine, serumIfeNegative, urineIfeNegative, Boolean.TRUE.equals(onlyByIfe),
                marrow, Boolean.TRUE.equals(plasmacytomas), flcNormal, clonal, Boolean.TRUE.equals(newLesions));
        assertThat(ImwgResponse.assess(assessment)).isEqualTo(category);
    }

    @Test
    void theNadirsDefaultToTheBaselines() {
        ImwgResponse.Assessment assessment = new ImwgResponse.Assessment(new BigDecimal("2"), new BigDecimal("1"),
                null, new BigDecimal("300"), new BigDecimal("0"), null, false, false, false, null, false, null, null,
                false);
        assertThat(assessment.nadirSerumMProteinGPerDl()).isEqualByComparingTo("2");
        assertThat(assessment.nadirUrineMProteinMgPer24h()).isEqualByComparingTo("300");
    }

    @Test
    void refusesAnUnmeasurableBaselineOrANadirAboveItsBaseline() {
        assertThatThrownBy(() -> new ImwgResponse.Assessment(BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO,
                BigDecimal.ZERO, null, false, false, false, null, false, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImwgResponse.Assessment(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("1.1"),
                BigDecimal.ZERO, BigDecimal.ZERO, null, false, false, false, null, false, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImwgResponse.Assessment(BigDecimal.ONE, BigDecimal.ONE, null, BigDecimal.TEN,
                BigDecimal.ZERO, new BigDecimal("11"), false, false, false, null, false, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LuganoCtResponse.assess(BigDecimal.ZERO, BigDecimal.ZERO, true, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
