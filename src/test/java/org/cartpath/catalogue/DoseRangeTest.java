package org.cartpath.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cartpath.catalogue.internal.BundledCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cell dose range of every product, indication and jurisdiction in the bundled catalogue, with the
 * boundaries of docs/clinical/dosing.md: the Kymriah 50 kg step, the per-kilogram caps at 100 kg and above.
 * Ranges in CAR-positive viable T cells; "-" is a bound the label does not give.
 */
class DoseRangeTest {

    static final BundledCatalogue CATALOGUE = new BundledCatalogue();

    /** product, indication, jurisdiction, weight kg, min, max, target, words the basis must contain. */
    static Stream<Arguments> table() {
        return Stream.of(
                // Kymriah B-ALL: ≤ 50 kg 0.2–5.0 × 10^6/kg; > 50 kg 0.1–2.5 × 10^8 flat
                row("KYMRIAH", "B_ALL", "US", "24", "4.8e6", "1.2e8", "-", "weight up to 50 kg"),
                row("KYMRIAH", "B_ALL", "US", "10", "2e6", "5e7", "-", "cells/kg"),
                row("KYMRIAH", "B_ALL", "US", "50.0", "1e7", "2.5e8", "-", "weight up to 50 kg"),
                row("KYMRIAH", "B_ALL", "US", "50.1", "1e7", "2.5e8", "-", "weight above 50 kg"),
                row("KYMRIAH", "B_ALL", "US", "49.9", "9.98e6", "2.495e8", "-", "weight up to 50 kg"),
                row("KYMRIAH", "B_ALL", "US", "80", "1e7", "2.5e8", "-", "weight above 50 kg"),
                row("KYMRIAH", "B_ALL", "EU", "50.0", "1e7", "2.5e8", "-", "weight up to 50 kg"),
                row("KYMRIAH", "B_ALL", "EU", "50.1", "1e7", "2.5e8", "-", "weight above 50 kg"),
                row("KYMRIAH", "B_ALL", "UK", "24", "4.8e6", "1.2e8", "-", "cells/kg"),
                row("KYMRIAH", "B_ALL", "UK", "50.1", "1e7", "2.5e8", "-", "weight above 50 kg"),
                // Kymriah DLBCL (LBCL) and FL: 0.6–6.0 × 10^8 flat
                row("KYMRIAH", "LBCL", "US", "75", "6e7", "6e8", "-", "0.6 to 6.0 × 10^8"),
                row("KYMRIAH", "LBCL", "EU", "40", "6e7", "6e8", "-", "cells"),
                row("KYMRIAH", "FL", "US", "75", "6e7", "6e8", "-", "cells"),
                // Yescarta US: 2 × 10^6/kg, at most 2 × 10^8
                row("YESCARTA", "LBCL", "US", "70", "-", "-", "1.4e8", "target 2 × 10^6 cells/kg"),
                row("YESCARTA", "LBCL", "US", "99.9", "-", "-", "1.998e8", "at most 2 × 10^8"),
                row("YESCARTA", "LBCL", "US", "100", "-", "-", "2e8", "at most 2 × 10^8"),
                row("YESCARTA", "LBCL", "US", "120", "-", "-", "2e8", "at most 2 × 10^8"),
                row("YESCARTA", "FL", "US", "130", "-", "-", "2e8", "at most 2 × 10^8"),
                // Yescarta EU/UK: target 2 × 10^6/kg within 1–2 × 10^6/kg, at most 2 × 10^8
                row("YESCARTA", "LBCL", "EU", "70", "7e7", "1.4e8", "1.4e8", "1 × 10^6 to 2 × 10^6 cells/kg"),
                row("YESCARTA", "LBCL", "EU", "100", "1e8", "2e8", "2e8", "at most 2 × 10^8"),
                row("YESCARTA", "LBCL", "EU", "150", "1.5e8", "2e8", "2e8", "at most 2 × 10^8"),
                row("YESCARTA", "FL", "EU", "60", "6e7", "1.2e8", "1.2e8", "cells/kg"),
                row("YESCARTA", "LBCL", "UK", "100", "1e8", "2e8", "2e8", "at most 2 × 10^8"),
                row("YESCARTA", "LBCL", "UK", "210", "2e8", "2e8", "2e8", "at most 2 × 10^8"),
                // Tecartus MCL 2 × 10^6/kg max 2 × 10^8; ALL 1 × 10^6/kg max 1 × 10^8
                row("TECARTUS", "MCL", "US", "70", "-", "-", "1.4e8", "target 2 × 10^6 cells/kg"),
                row("TECARTUS", "MCL", "US", "100", "-", "-", "2e8", "at most 2 × 10^8"),
                row("TECARTUS", "MCL", "US", "101", "-", "-", "2e8", "at most 2 × 10^8"),
                row("TECARTUS", "B_ALL", "US", "70", "-", "-", "7e7", "target 1 × 10^6 cells/kg"),
                row("TECARTUS", "B_ALL", "US", "100", "-", "-", "1e8", "at most 1 × 10^8"),
                row("TECARTUS", "B_ALL", "US", "120", "-", "-", "1e8", "at most 1 × 10^8"),
                row("TECARTUS", "MCL", "EU", "70", "7e7", "1.4e8", "1.4e8", "1 × 10^6 to 2 × 10^6 cells/kg"),
                row("TECARTUS", "MCL", "UK", "120", "1.2e8", "2e8", "2e8", "at most 2 × 10^8"),
                row("TECARTUS", "B_ALL", "UK", "80", "-", "-", "8e7", "target 1 × 10^6 cells/kg"),
                row("TECARTUS", "B_ALL", "UK", "110", "-", "-", "1e8", "at most 1 × 10^8"),
                // Breyanzi: US 50–110 × 10^6; EU/UK 44–120 × 10^6, target 100 × 10^6
                row("BREYANZI", "LBCL", "US", "70", "5e7", "1.1e8", "-", "5 × 10^7 to 1.1 × 10^8 cells"),
                row("BREYANZI", "LBCL", "EU", "70", "4.4e7", "1.2e8", "1e8", "target 1 × 10^8 cells"),
                row("BREYANZI", "LBCL", "UK", "45", "4.4e7", "1.2e8", "1e8", "target 1 × 10^8 cells"),
                // Abecma 300–510 × 10^6
                row("ABECMA", "MULTIPLE_MYELOMA", "US", "70", "3e8", "5.1e8", "-", "3 × 10^8 to 5.1 × 10^8 cells"),
                // Carvykti 0.5–1.0 × 10^6/kg, at most 1 × 10^8
                row("CARVYKTI", "MULTIPLE_MYELOMA", "US", "70", "3.5e7", "7e7", "-", "cells/kg"),
                row("CARVYKTI", "MULTIPLE_MYELOMA", "US", "100", "5e7", "1e8", "-", "at most 1 × 10^8"),
                row("CARVYKTI", "MULTIPLE_MYELOMA", "US", "150", "7.5e7", "1e8", "-", "at most 1 × 10^8"),
                // Aucatzyl: a total of 410 × 10^6, split over day 1 and day 10
                row("AUCATZYL", "B_ALL", "US", "70", "-", "-", "4.1e8", "target 4.1 × 10^8 cells"),
                row("AUCATZYL", "B_ALL", "UK", "55", "-", "-", "4.1e8", "target 4.1 × 10^8 cells"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} kg")
    @MethodSource("table")
    void givesTheLabelsRange(ProductCode product, Indication indication, Jurisdiction jurisdiction, String weightKg,
            String min, String max, String target, String basis) {
        DoseRange range = doseRule(product, indication, jurisdiction).rangeFor(new BigDecimal(weightKg));
        assertCells(range.minCells(), min);
        assertCells(range.maxCells(), max);
        assertCells(range.targetCells(), target);
        assertThat(range.basis()).contains(basis).contains("weight " + new BigDecimal(weightKg).stripTrailingZeros()
                .toPlainString() + " kg");
    }

    @Test
    void theTableCoversEveryProductIndicationAndJurisdictionInTheCatalogue() {
        Set<String> tested = new HashSet<>();
        table().forEach(a -> tested.add(a.get()[0] + " " + a.get()[1] + " " + a.get()[2]));
        List<String> held = CATALOGUE.versions().stream().map(BundledCatalogue.BundledVersion::version)
                .flatMap(v -> v.indications().stream().map(i -> v.product() + " " + i.indication() + " " + v.jurisdiction()))
                .toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(new HashSet<>(held));
    }

    @Test
    void writesCellCountsAsPlainNumbers() {
        DoseRange range = doseRule(ProductCode.KYMRIAH, Indication.B_ALL, Jurisdiction.US).rangeFor(new BigDecimal("24"));
        assertThat(range.minCells().toString()).isEqualTo("4800000");
        assertThat(range.maxCells().toString()).isEqualTo("120000000");
        assertThat(DoseBand.scientific(new BigDecimal("120000000"))).isEqualTo("1.2 × 10^8");
        assertThat(DoseBand.scientific(new BigDecimal("200000"))).isEqualTo("2 × 10^5");
    }

    @Test
    void citesTheSourceOfTheBandApplied() {
        DoseRange range = doseRule(ProductCode.KYMRIAH, Indication.B_ALL, Jurisdiction.UK).rangeFor(new BigDecimal("60"));
        assertThat(range.basis()).isEqualTo("weight above 50 kg, 1 × 10^7 to 2.5 × 10^8 cells, CAR-positive viable T "
                + "cells (Kymriah label: 0.1 to 2.5 × 10^8 for patients above 50 kg); weight 60 kg");
    }

    static DoseRule doseRule(ProductCode product, Indication indication, Jurisdiction jurisdiction) {
        return CATALOGUE.versions().stream().map(BundledCatalogue.BundledVersion::version)
                .filter(v -> v.product() == product && v.jurisdiction() == jurisdiction)
                .findFirst().orElseThrow(() -> new AssertionError("no version of " + product + " " + jurisdiction))
                .indication(indication).orElseThrow().dose();
    }

    private static void assertCells(BigDecimal actual, String expected) {
        if (expected.equals("-")) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(new BigDecimal(expected));
        }
    }

    private static Arguments row(String product, String indication, String jurisdiction, String weightKg, String min,
            String max, String target, String basis) {
        return Arguments.of(ProductCode.valueOf(product), Indication.valueOf(indication), Jurisdiction.valueOf(jurisdiction),
                weightKg, min, max, target, basis);
    }
}
