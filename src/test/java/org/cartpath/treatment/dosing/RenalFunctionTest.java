package org.cartpath.treatment.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.catalogue.RenalFunctionParameters.BandBasis;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.catalogue.internal.CatalogueParameters;
import org.cartpath.treatment.dosing.RenalFunction.Choice;
import org.cartpath.treatment.dosing.RenalFunction.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which renal estimate doses fludarabine, by age, with the catalogue's parameters (docs/clinical/renal-function.md):
 * the bedside Schwartz eGFR under 18, Cockcroft–Gault from 18, and a signed override where the estimate is outside
 * its validated use.
 */
class RenalFunctionTest {

    /** born on | planned on | estimate: 17 years 364 days is a child, 18 years an adult (also across 29 February). */
    static final String BY_BIRTHDAY = """
            2008-12-08 | 2026-12-07 | BEDSIDE_SCHWARTZ_2009
            2008-12-07 | 2026-12-07 | COCKCROFT_GAULT
            2008-02-29 | 2026-02-28 | BEDSIDE_SCHWARTZ_2009
            2008-02-29 | 2026-03-01 | COCKCROFT_GAULT
            2025-12-08 | 2026-12-07 | BEDSIDE_SCHWARTZ_2009
            """;

    /** completed years | estimate | a signed override needed. */
    static final String BY_AGE = """
            0   | BEDSIDE_SCHWARTZ_2009 | true
            1   | BEDSIDE_SCHWARTZ_2009 | false
            9   | BEDSIDE_SCHWARTZ_2009 | false
            16  | BEDSIDE_SCHWARTZ_2009 | false
            17  | BEDSIDE_SCHWARTZ_2009 | false
            18  | COCKCROFT_GAULT       | false
            19  | COCKCROFT_GAULT       | false
            70  | COCKCROFT_GAULT       | false
            """;

    static final RenalFunctionParameters CATALOGUE = new CatalogueParameters().renalFunction();

    @ParameterizedTest(name = "aged {0}: {1}, override needed {2}")
    @CsvSource(delimiter = '|', textBlock = BY_AGE)
    void theCatalogueChoosesTheEstimateByAge(int ageYears, Method method, boolean overrideNeeded) {
        Choice choice = RenalFunction.choose(CATALOGUE, ageYears);
        assertThat(choice.method()).isEqualTo(method);
        assertThat(choice.needsOverride().isPresent()).isEqualTo(overrideNeeded);
    }

    /** The age is completed years on the day of the calculation, as the patient's clinical snapshot counts it. */
    @ParameterizedTest(name = "born {0}, planned {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = BY_BIRTHDAY)
    void aChildOf17Years364DaysIsAChildAndOf18YearsAnAdult(LocalDate born, LocalDate plannedOn, Method method) {
        int completedYears = Period.between(born, plannedOn).getYears();
        assertThat(RenalFunction.choose(CATALOGUE, completedYears).method()).isEqualTo(method);
    }

    @Test
    void anInfantUnderOneIsOutsideTheEquationsDerivationAndNeedsASignedReason() {
        Choice choice = RenalFunction.choose(CATALOGUE, 0);
        assertThat(choice.needsOverride()).hasValueSatisfying(why -> assertThat(why)
                .contains("The patient is 0", "derived in children from 1 year", "signed reason"));
    }

    @Test
    void aCatalogueWithOnlyTheAdultFormulaGivesChildrenCockcroftGaultOnlyWithASignedReason() {
        RenalFunctionParameters adultOnly = new RenalFunctionParameters("TEST-ADULT-ONLY", CATALOGUE.adultFromAgeYears(),
                null, "none", CATALOGUE.schwartzConstantMgPerDl(), CATALOGUE.schwartzConstantUmolPerL(),
                CATALOGUE.paediatricEstimateFromAgeYears(), BandBasis.INDEXED, "test");
        Choice child = RenalFunction.choose(adultOnly, 9);
        assertThat(child.method()).isEqualTo(Method.COCKCROFT_GAULT);
        assertThat(child.needsOverride()).hasValueSatisfying(why -> assertThat(why).contains("only the adult formula"));
        assertThat(RenalFunction.choose(adultOnly, 18).needsOverride()).isEmpty();
    }

    @Test
    void theAgeLimitIsTheCataloguesNotAConstant() {
        RenalFunctionParameters sixteen = new RenalFunctionParameters("TEST-16",
                new SourcedNumber(new BigDecimal("16"), "test", false, null), CATALOGUE.paediatricEstimate(), "test",
                CATALOGUE.schwartzConstantMgPerDl(), CATALOGUE.schwartzConstantUmolPerL(),
                CATALOGUE.paediatricEstimateFromAgeYears(), BandBasis.INDEXED, "test");
        assertThat(RenalFunction.choose(sixteen, 15).method()).isEqualTo(Method.BEDSIDE_SCHWARTZ_2009);
        assertThat(RenalFunction.choose(sixteen, 16).method()).isEqualTo(Method.COCKCROFT_GAULT);
    }

    @ParameterizedTest(name = "bands read {0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            INDEXED           | 125.1 | mL/min/1.73 m²
            DE_INDEXED_BY_BSA | 64.6  | mL/min
            """)
    void theBandsReadTheEstimateAsTheCatalogueSays(BandBasis basis, BigDecimal bandValue, String unit) {
        BodySurfaceArea bsa = new BodySurfaceArea(new BigDecimal("0.894"), BodySurfaceArea.Formula.MOSTELLER);
        RenalFunction renal = RenalFunction.of(new BedsideSchwartz(new BigDecimal("125.1")), bsa, basis);
        assertThat(renal.estimate()).isEqualByComparingTo("125.1");
        assertThat(renal.bandValue()).isEqualByComparingTo(bandValue);
        assertThat(renal.bandUnit()).isEqualTo(unit);
        assertThat(renal.forBands().mlPerMin()).isEqualByComparingTo(bandValue);
    }

    @Test
    void anAdultsClearanceIsReadByTheBandsAsItIs() {
        RenalFunction renal = RenalFunction.of(new CreatinineClearance(new BigDecimal("93.4")));
        assertThat(renal.method()).isEqualTo(Method.COCKCROFT_GAULT);
        assertThat(renal.bandValue()).isEqualByComparingTo("93.4");
        assertThat(renal.bandUnit()).isEqualTo("mL/min");
    }

    @Test
    void aMeasuredGfrIsReadByTheBandsLikeThePaediatricEstimate() {
        BodySurfaceArea bsa = new BodySurfaceArea(new BigDecimal("0.894"), BodySurfaceArea.Formula.MOSTELLER);
        RenalFunction indexed = RenalFunction.measured(new BigDecimal("45"), bsa, BandBasis.INDEXED);
        assertThat(indexed.method()).isEqualTo(Method.MEASURED_GFR);
        assertThat(indexed.bandValue()).isEqualByComparingTo("45");
        assertThat(indexed.bandUnit()).isEqualTo("mL/min/1.73 m²");
        // 45 × 0.894 / 1.73 = 23.25 → 23.3 mL/min
        assertThat(RenalFunction.measured(new BigDecimal("45"), bsa, BandBasis.DE_INDEXED_BY_BSA).bandValue())
                .isEqualByComparingTo("23.3");
    }
}
