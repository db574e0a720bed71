package org.cartpath.manufacturing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.catalogue.DoseComponent;
import org.cartpath.catalogue.DoseRange;
import org.cartpath.catalogue.ReleaseSpecification;
import org.cartpath.catalogue.SourcedNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lot checks of ADR 0012 against docs/clinical/dosing.md, with boundaries. */
class ReleaseChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final ReleaseSpecification KYMRIAH_SPEC = new ReleaseSpecification(List.of(
            new ReleaseSpecification.Criterion("viability", "TOTAL_VIABILITY", "PERCENT",
                    SourcedNumber.of("80", "Kymriah release specification"), null, "Kymriah release specification")), null);
    // Kymriah B-ALL, 24 kg: 0.2–5.0 × 10^6/kg → 4.8 × 10^6 to 1.2 × 10^8 (Kymriah SmPC §4.2)
    private static final DoseRange KYMRIAH_24KG = new DoseRange(new BigDecimal("4800000"), new BigDecimal("120000000"),
            null, "Kymriah B-ALL ≤ 50 kg");

    private static List<LotCheck> check(String dose, String viability, DoseRange range, ReleaseSpecification spec,
            BigDecimal weight, LocalDate expires) {
        CertificateOfAnalysis certificate = new CertificateOfAnalysis("LOT-1", null, new BigDecimal(dose), null, null,
                new BigDecimal(viability), new BigDecimal("10"), 1, expires);
        return ReleaseChecks.check(new ReleaseChecks.Inputs(certificate, range, List.of(), spec, weight,
                TODAY.minusDays(30), TODAY, "KYMRIAH-UK"));
    }

    @ParameterizedTest(name = "{0} cells, {1}% viable → {2}")
    @CsvSource({
            "110000000, 86, PASSED",        // the story: 1.1 × 10^8, 86%
            "120000000, 80, PASSED",        // both bounds exactly
            "120000001, 86, OUT_OF_SPECIFICATION",
            "4800000, 86, PASSED",
            "4799999, 86, OUT_OF_SPECIFICATION",
            "110000000, 79.9, OUT_OF_SPECIFICATION", // Kymriah: total viability below 80% is OOS
            "110000000, 80.0, PASSED"})
    void theDoseAndTheViabilityAreCheckedAgainstTheLabel(String dose, String viability, ReleaseChecks.Result expected) {
        List<LotCheck> checks = check(dose, viability, KYMRIAH_24KG, KYMRIAH_SPEC, new BigDecimal("24"), TODAY.plusDays(30));
        assertThat(ReleaseChecks.result(checks)).isEqualTo(expected);
    }

    @Test
    void withoutAWeightOnRecordTheDoseIsUnknownNotPassed() {
        List<LotCheck> checks = check("110000000", "86", null, KYMRIAH_SPEC, null, TODAY.plusDays(30));
        assertThat(checks.get(0).outcome()).isEqualTo(LotCheck.Outcome.UNKNOWN);
        assertThat(checks.get(0).detail()).contains("No weight");
        assertThat(ReleaseChecks.result(checks)).isEqualTo(ReleaseChecks.Result.INCOMPLETE);
    }

    @Test
    void aLabelWithoutAPublicReleaseCriterionLeavesTheSpecificationUnknown() {
        List<LotCheck> checks = check("110000000", "50", KYMRIAH_24KG, new ReleaseSpecification(List.of(), "not public"),
                new BigDecimal("24"), TODAY.plusDays(30));
        assertThat(checks).extracting(LotCheck::name).contains("Release specification");
        assertThat(ReleaseChecks.result(checks)).isEqualTo(ReleaseChecks.Result.INCOMPLETE);
    }

    @Test
    void anExpiredLotIsOutOfSpecificationAndOneExpiringTodayIsNot() {
        assertThat(ReleaseChecks.result(check("110000000", "86", KYMRIAH_24KG, KYMRIAH_SPEC, new BigDecimal("24"),
                TODAY.minusDays(1)))).isEqualTo(ReleaseChecks.Result.OUT_OF_SPECIFICATION);
        assertThat(ReleaseChecks.result(check("110000000", "86", KYMRIAH_24KG, KYMRIAH_SPEC, new BigDecimal("24"),
                TODAY))).isEqualTo(ReleaseChecks.Result.PASSED);
    }

    @Test
    void aRangeWithOnlyAMaximumChecksOnlyTheMaximum() {
        // Yescarta US: 2 × 10^6/kg with a cap of 2 × 10^8 and no stated minimum
        DoseRange capOnly = new DoseRange(null, new BigDecimal("200000000"), new BigDecimal("200000000"), "Yescarta US");
        assertThat(ReleaseChecks.result(check("1000", "90", capOnly, KYMRIAH_SPEC, new BigDecimal("110"), TODAY)))
                .isEqualTo(ReleaseChecks.Result.PASSED);
        assertThat(ReleaseChecks.result(check("200000001", "90", capOnly, KYMRIAH_SPEC, new BigDecimal("110"), TODAY)))
                .isEqualTo(ReleaseChecks.Result.OUT_OF_SPECIFICATION);
    }

    @ParameterizedTest(name = "CD8 {0} + CD4 {1} for a dose of {2} → {3}")
    @CsvSource({
            "50000000, 50000000, 100000000, PASSED",
            "50000000, 50200000, 100000000, PASSED",   // within the certificate's rounding (0.5%)
            "50000000, 60000000, 100000000, FAILED",   // does not add up
            ", 50000000, 100000000, FAILED"})           // a component missing
    void breyanzisComponentsMustBothBeGivenAndAddUp(String cd8, String cd4, String dose, LotCheck.Outcome expected) {
        CertificateOfAnalysis certificate = new CertificateOfAnalysis("LOT-B", null, new BigDecimal(dose),
                cd8 == null ? null : new BigDecimal(cd8), new BigDecimal(cd4), new BigDecimal("90"), new BigDecimal("10"), 2,
                TODAY.plusDays(10));
        List<DoseComponent> components = List.of(new DoseComponent("CD8", SourcedNumber.of("1", "Breyanzi label")),
                new DoseComponent("CD4", SourcedNumber.of("1", "Breyanzi label")));
        DoseRange range = new DoseRange(new BigDecimal("44000000"), new BigDecimal("120000000"), new BigDecimal("100000000"),
                "Breyanzi UK");
        List<LotCheck> checks = ReleaseChecks.check(new ReleaseChecks.Inputs(certificate, range, components,
                new ReleaseSpecification(List.of(), null), new BigDecimal("70"), TODAY, TODAY, "BREYANZI-UK"));
        assertThat(checks.get(1).name()).startsWith("Components");
        assertThat(checks.get(1).outcome()).isEqualTo(expected);
    }

    @Test
    void cellsAreWrittenAsTheClinicWritesThem() {
        assertThat(ReleaseChecks.cells(new BigDecimal("110000000"))).isEqualTo("1.1 × 10^8");
        assertThat(ReleaseChecks.cells(new BigDecimal("4800000"))).isEqualTo("4.8 × 10^6");
        assertThat(ReleaseChecks.cells(new BigDecimal("1.2E+8"))).isEqualTo("1.2 × 10^8");
    }
}
