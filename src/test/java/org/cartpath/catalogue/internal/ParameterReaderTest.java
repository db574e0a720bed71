package org.cartpath.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.catalogue.RenalFunctionParameters.BandBasis;
import org.cartpath.catalogue.RenalFunctionParameters.PaediatricEstimate;
import org.cartpath.catalogue.TocilizumabParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalogue's clinical parameter documents (docs/clinical/renal-function.md, docs/clinical/tocilizumab.md): the
 * shipped ones read with the numbers their sources give, a label version may carry its own tocilizumab numbers, and
 * each kind of bad document is refused naming its field.
 */
class ParameterReaderTest {

    static final String BAD_RENAL_DOCUMENTS = """
            the µmol/L constant is not 0.413 × 88.4      | 'value: 36.5, source'    | 'value: 36.6, source'    | schwartzConstantUmolPerL
            a constant without a source                  | '{value: 0.413, source: "Schwartz 2009"}' | '{value: 0.413}' | schwartzConstantMgPerDl.source
            an unknown estimate                          | BEDSIDE_SCHWARTZ_2009    | CKID_U25                 | paediatricEstimate
            an adult age in years and a half             | 'value: 18, source'      | 'value: 17.5, source'    | adultFromAgeYears.value
            the paediatric estimate from the adult age   | 'value: 1, source'       | 'value: 18, source'      | paediatricEstimateFromAgeYears
            an unknown band basis                        | 'paediatricBands: INDEXED' | 'paediatricBands: ABSOLUTE' | paediatricBands
            a misspelt field                             | 'paediatricBandsSource:' | 'paediatricBandSource:'  | paediatricBandSource
            """;

    private static final String TOCILIZUMAB = """
            id: TEST-TOCILIZUMAB
            title: Test
            tocilizumab:
              mgPerKg: {value: 8, source: "SmPC 4.2"}
              mgPerKgBelowWeight: {value: 12, source: "SmPC 4.2"}
              lowerRateFromKg: {value: 30, source: "SmPC 4.2"}
              maxDoseMg: {value: 800, source: "SmPC 4.2"}
              minIntervalHours: {value: 8, source: "SmPC 4.2"}
              maxDosesIn24Hours: {value: 3, source: "CAR-T label"}
              maxDosesPerEpisode: {value: 4, source: "SmPC 4.2"}
            """;

    private static final String RENAL = """
            id: TEST-RENAL
            title: Test
            adultFromAgeYears: {value: 18, source: "Cockcroft-Gault 1976"}
            paediatricEstimate: BEDSIDE_SCHWARTZ_2009
            paediatricEstimateSource: Schwartz 2009
            schwartzConstantMgPerDl: {value: 0.413, source: "Schwartz 2009"}
            schwartzConstantUmolPerL: {value: 36.5, source: "0.413 × 88.4"}
            paediatricEstimateFromAgeYears: {value: 1, source: "Schwartz 2009"}
            paediatricBands: INDEXED
            paediatricBandsSource: test
            """;

    @Test
    void theShippedTocilizumabDocumentGivesTheRoActemraSmpcNumbers() {
        TocilizumabParameters t = new CatalogueParameters().tocilizumab();
        assertThat(t.mgPerKg().intValue()).isEqualTo(8);
        assertThat(t.mgPerKgBelowWeight().intValue()).isEqualTo(12);
        assertThat(t.lowerRateFromKg().intValue()).isEqualTo(30);
        assertThat(t.maxDose()).isEqualByComparingTo("800");
        assertThat(t.minInterval()).hasHours(8);
        assertThat(t.maxIn24Hours()).isEqualTo(3);
        assertThat(t.maxPerEpisode()).isEqualTo(4);
        assertThat(t.maxDoseMg().source()).contains("RoActemra SmPC 4.2");
        assertThat(t.basis()).contains("TOCILIZUMAB-CRS-ROACTEMRA-SMPC");
    }

    @Test
    void theShippedRenalFunctionDocumentChoosesBedsideSchwartzUnder18() {
        RenalFunctionParameters r = new CatalogueParameters().renalFunction();
        assertThat(r.adultFromAgeYears().intValue()).isEqualTo(18);
        assertThat(r.paediatricEstimate()).isEqualTo(PaediatricEstimate.BEDSIDE_SCHWARTZ_2009);
        assertThat(r.schwartzConstantMgPerDl().value()).isEqualByComparingTo("0.413");
        assertThat(r.schwartzUmol()).isEqualByComparingTo("36.5");
        assertThat(r.paediatricEstimateFromAgeYears().intValue()).isEqualTo(1);
        assertThat(r.paediatricBands()).isEqualTo(BandBasis.INDEXED);
        assertThat(r.paediatricEstimateSource()).contains("J Am Soc Nephrol 2009;20:629-637");
    }

    @Test
    void aRenalFunctionDocumentWithoutAPaediatricEstimateGivesOnlyTheAdultFormula() {
        RenalFunctionParameters r = ParameterReader.renalFunction(RENAL.replace("paediatricEstimate: BEDSIDE_SCHWARTZ_2009\n",
                ""));
        assertThat(r.paediatricEstimate()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = BAD_RENAL_DOCUMENTS)
    void refusesABadRenalFunctionDocumentNamingTheField(String what, String from, String to, String field) {
        assertThatThrownBy(() -> ParameterReader.renalFunction(RENAL.replace(from, to)))
                .isInstanceOfSatisfying(InvalidCatalogueDocument.class, e -> assertThat(e.path()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a dose without a value              | '{value: 8, source: "SmPC 4.2"}'   | '{value: null, note: "not given"}' | tocilizumab.mgPerKg
            a fractional rate                   | '{value: 12, source'               | '{value: 12.5, source'             | tocilizumab.mgPerKgBelowWeight.value
            an interval of seconds              | '{value: 8, source: "SmPC 4.2"}\n  maxDosesIn24' | '{value: 8.001, source: "SmPC 4.2"}\n  maxDosesIn24' | tocilizumab.minIntervalHours
            more in 24 hours than in all        | '{value: 3, source'                | '{value: 5, source'                | tocilizumab.maxDosesIn24Hours
            a missing cap                       | '  maxDoseMg: {value: 800, source: "SmPC 4.2"}\n' | ''                  | tocilizumab.maxDoseMg
            """)
    void refusesABadTocilizumabDocumentNamingTheField(String what, String from, String to, String field) {
        String text = TOCILIZUMAB.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(text).as("the case changes the document").isNotEqualTo(TOCILIZUMAB);
        assertThatThrownBy(() -> ParameterReader.tocilizumabDocument(text))
                .isInstanceOfSatisfying(InvalidCatalogueDocument.class, e -> assertThat(e.path()).isEqualTo(field));
    }

    @Test
    void aLabelVersionMayCarryItsOwnTocilizumabNumbersAndOlderOnesHaveNone() {
        String withSection = LabelVersionDocuments.valid().replace("""
                  capdDevelopmentalDelayMaxAgeYears: {value: 21, check: true, source: "Traube C et al., Crit Care Med 2014"}
                """, """
                  capdDevelopmentalDelayMaxAgeYears: {value: 21, check: true, source: "Traube C et al., Crit Care Med 2014"}
                  tocilizumab:
                    mgPerKg: {value: 8, source: "Test SmPC 4.4"}
                    mgPerKgBelowWeight: {value: 12, source: "Test SmPC 4.4"}
                    lowerRateFromKg: {value: 30, source: "Test SmPC 4.4"}
                    maxDoseMg: {value: 600, source: "Test SmPC 4.4"}
                    minIntervalHours: {value: 8, source: "Test SmPC 4.4"}
                    maxDosesIn24Hours: {value: 3, source: "Test SmPC 4.4"}
                    maxDosesPerEpisode: {value: 4, source: "Test SmPC 4.4"}
                """);
        assertThat(withSection).isNotEqualTo(LabelVersionDocuments.valid());
        LabelVersion version = LabelVersionReader.fromText(withSection);
        assertThat(version.monitoring().tocilizumab().maxDose()).isEqualByComparingTo("600");
        assertThat(LabelVersionReader.fromText(LabelVersionDocuments.valid()).monitoring().tocilizumab())
                .as("versions compiled before the field existed stay readable (ADR 0010)").isNull();
    }
}
