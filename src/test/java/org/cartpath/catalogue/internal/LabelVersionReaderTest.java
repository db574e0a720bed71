package org.cartpath.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.cartpath.catalogue.DoseBand;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.ProductCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading a label version: a valid document loads; each kind of invalid one is refused with its field and reason. */
class LabelVersionReaderTest {

    private static final String VALID = LabelVersionDocuments.valid();

    @Test
    void readsAValidDocument() {
        LabelVersion version = LabelVersionReader.fromText(VALID);
        assertThat(version.id()).isEqualTo("KYMRIAH-US-2099-01");
        assertThat(version.product()).isEqualTo(ProductCode.KYMRIAH);
        assertThat(version.jurisdiction()).isEqualTo(Jurisdiction.US);
        assertThat(version.effectiveFrom()).isEqualTo(LocalDate.of(2099, 1, 1));
        DoseBand first = version.indication(Indication.B_ALL).orElseThrow().dose().bands().get(0);
        assertThat(first.min().value()).isEqualByComparingTo("200000");
        assertThat(first.min().source()).isEqualTo("USPI §2: 0.2 to 5.0 × 10^6 per kg");
        assertThat(version.monitoring().tocilizumabDosesOnSite().present()).isFalse();
        assertThat(version.monitoring().capdBelowAgeYears().check()).isTrue();
        assertThat(version.leadTimes().medianVeinToVeinDays().intValue()).isEqualTo(48);
    }

    @Test
    void readsTheSameDocumentGivenAsJson() {
        Object tree = CatalogueYaml.parse(VALID);
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(tree);
        assertThat(LabelVersionReader.fromText(json)).isEqualTo(LabelVersionReader.fromText(VALID));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a number without a source        | 'minCellsPerKg: {value: 0.2e6, source: "USPI §2: 0.2 to 5.0 × 10^6 per kg"}' | 'minCellsPerKg: {value: 0.2e6}' | indications[0].dose.bands[0].minCellsPerKg.source: is required: every number needs its source
            a bare number                    | 'minCellsPerKg: {value: 0.2e6, source: "USPI §2: 0.2 to 5.0 × 10^6 per kg"}' | 'minCellsPerKg: 0.2e6' | 'indications[0].dose.bands[0].minCellsPerKg: must be {value: ..., source: ...}: every number needs its source'
            a negative dose                  | 'minCellsPerKg: {value: 0.2e6,' | 'minCellsPerKg: {value: -0.2e6,' | indications[0].dose.bands[0].minCellsPerKg.value: must be greater than 0
            a zero dose                      | 'maxCells: {value: 2.5e8,' | 'maxCells: {value: 0,' | indications[0].dose.bands[1].maxCells.value: must be greater than 0
            a dose that is text              | 'maxCells: {value: 2.5e8,' | 'maxCells: {value: lots,' | indications[0].dose.bands[1].maxCells.value: must be a number
            an unknown rule type             | 'rule: AGE_AT_MOST' | 'rule: AGE_BELOW' | 'indications[0].eligibility[0].criteria[0].rule: ''AGE_BELOW'' is not one of: AGE_AT_MOST, AGE_AT_LEAST, DIAGNOSIS_IN, DISEASE_STATUS_ANY_OF, PRIOR_LINES_AT_LEAST, PRIOR_THERAPY_INCLUDES, REFRACTORY_TO_THERAPY, TRANSPLANT_SUITABLE, TRANSPLANT_UNSUITABLE'
            a parameter the rule does not use| 'rule: AGE_AT_MOST' | 'rule: TRANSPLANT_SUITABLE' | indications[0].eligibility[0].criteria[0].years: is not used by rule TRANSPLANT_SUITABLE
            a minimum above the maximum      | 'maxCellsPerKg: {value: 5.0e6,' | 'maxCellsPerKg: {value: 0.1e6,' | indications[0].dose.bands[0].minCellsPerKg: must not be more than the maximum
            a per-kg field in a flat band    | 'minCells: {value: 0.1e8,' | 'minCellsPerKg: {value: 0.1e8,' | 'indications[0].dose.bands[1].minCellsPerKg: is not a known field here (expected one of: basis, weightAtMostKg, minCells, maxCells, targetCells)'
            a last band with an upper weight | '- basis: FLAT' | '- basis: FLAT\\n  weightAtMostKg: {value: 350, source: x}' | indications[0].dose.bands[1].weightAtMostKg: must be left out in the last band, so that every weight has a dose
            a misspelt field                 | 'noDrivingDays:' | 'noDrivinDays:' | 'monitoring.noDrivinDays: is not a known field here (expected one of: dailyMonitoringDays, monitoringDays, stayNearCentreDays, noDrivingDays, tocilizumabDosesOnSite, capdBelowAgeYears, capdDevelopmentalDelayMaxAgeYears, tocilizumab)'
            a missing number without a note  | 'tocilizumabDosesOnSite: {value: null, note: "Not given"}' | 'tocilizumabDosesOnSite: {value: null}' | 'monitoring.tocilizumabDosesOnSite.note: is required when there is no value: say why the source gives none'
            a fractional number of days      | 'monitoringDays: {value: 14,' | 'monitoringDays: {value: 14.5,' | monitoring.monitoringDays.value: must be a whole number greater than 0
            a missing monitoring parameter   | 'noDrivingDays: {value: 14, source: "USPI §5"}' | '# no driving days' | 'monitoring.noDrivingDays: is required (give {value: null, note: ...} when the source gives no number)'
            an unknown product               | 'product: KYMRIAH' | 'product: KYMRIA' | 'product: ''KYMRIA'' is not one of: KYMRIAH, YESCARTA, TECARTUS, BREYANZI, ABECMA, CARVYKTI, AUCATZYL'
            an id of another product         | 'id: KYMRIAH-US-2099-01' | 'id: YESCARTA-US-2099-01' | id: must start with KYMRIAH-US- (its product and jurisdiction)
            a malformed id                   | 'id: KYMRIAH-US-2099-01' | 'id: kymriah us' | 'id: must be upper-case letters, digits and hyphens, like KYMRIAH-US-2025-06'
            a malformed date                 | 'effectiveFrom: "2099-01-01"' | 'effectiveFrom: "1 Jan 2099"' | effectiveFrom: must be a date like 2025-06-26
            an unknown diagnosis             | 'rule: AGE_AT_MOST\\nyears: {value: 25, source: "USPI §1: up to 25 years"}' | 'rule: DIAGNOSIS_IN\\nvalues: [DLBCL_NOS, BURKITT]' | 'indications[0].eligibility[0].criteria[0].values[1]: ''BURKITT'' is not one of: B_CELL_PRECURSOR_ALL, DLBCL_NOS, DLBCL_ARISING_FROM_FL, DLBCL_ARISING_FROM_INDOLENT_LYMPHOMA, HIGH_GRADE_BCL, PMBCL, FL_GRADE_3B, FOLLICULAR_LYMPHOMA, MANTLE_CELL_LYMPHOMA, MULTIPLE_MYELOMA'
            early relapse without months     | 'rule: AGE_AT_MOST\\nyears: {value: 25, source: "USPI §1: up to 25 years"}' | 'rule: DISEASE_STATUS_ANY_OF\\nvalues: [RELAPSED_WITHIN_MONTHS_OF_FIRST_LINE]' | 'indications[0].eligibility[0].criteria[0].months: is required (give {value: null, note: ...} when the source gives no number)'
            days after infusion              | 'values: [0, 1, 2, 3]' | 'values: [0, -1]' | indications[0].lymphodepletion[0].agents[0].days.values[1]: must be 0 or more when days count from the start of lymphodepletion
            a window ending before it starts | 'toDaysAfterEnd: {value: 14,' | 'toDaysAfterEnd: {value: 1,' | indications[0].lymphodepletion[0].infusionWindow.toDaysAfterEnd: must not be before fromDaysAfterEnd
            a duplicate key                  | 'title: Test label' | 'title: Test label\\ntitle: Other' | 'document: is not valid YAML at line 7, column 3: found duplicate key title'
            """)
    void refusesAnInvalidDocument(String kind, String replace, String with, String error) {
        String indent = indentationAt(VALID, replace.split("\\\\n")[0]);
        String document = VALID.replace(replace.replace("\\n", "\n" + indent), with.replace("\\n", "\n" + indent));
        assertThat(document).as("the test changes the document").isNotEqualTo(VALID);
        assertThatThrownBy(() -> LabelVersionReader.fromText(document))
                .isInstanceOf(InvalidCatalogueDocument.class)
                .hasMessage(error);
    }

    /** The leading spaces of the line where {@code text} occurs: "\\n" in a case means a new line at that indentation. */
    private static String indentationAt(String document, String text) {
        int at = document.indexOf(text);
        int lineStart = document.lastIndexOf('\n', at) + 1;
        int n = lineStart;
        while (document.charAt(n) == ' ') {
            n++;
        }
        return " ".repeat(n - lineStart);
    }

    @Test
    void refusesAnIndicationGivenTwice() {
        String indication = VALID.substring(VALID.indexOf("  - indication: B_ALL"), VALID.indexOf("release:"));
        String document = VALID.replace("release:", indication + "release:");
        assertThatThrownBy(() -> LabelVersionReader.fromText(document))
                .hasMessage("indications[1].indication: B_ALL appears twice; give each indication once, with its "
                        + "eligibility pathways");
    }

    @Test
    void refusesWhatIsNotADocument() {
        assertThatThrownBy(() -> LabelVersionReader.fromText("  ")).hasMessage("document: is empty");
        assertThatThrownBy(() -> LabelVersionReader.fromText("- a\n- b")).hasMessage(
                "document: must be a mapping of fields to values");
        assertThatThrownBy(() -> LabelVersionReader.fromText("id: [unclosed")).isInstanceOf(InvalidCatalogueDocument.class)
                .hasMessageStartingWith("document: is not valid YAML at line");
        assertThatThrownBy(() -> LabelVersionReader.fromText("x".repeat(CatalogueYaml.MAX_CHARACTERS + 1)))
                .hasMessage("document: is longer than 200000 characters");
        assertThatThrownBy(() -> LabelVersionReader.fromText("!!java.io.File [\"/\"]")).isInstanceOf(
                InvalidCatalogueDocument.class);
    }

    @Test
    void keepsDecimalNumbersExact() {
        LabelVersion version = LabelVersionReader.fromText(VALID.replace("minCellsPerKg: {value: 0.2e6,",
                "minCellsPerKg: {value: 0.123456789e6,"));
        assertThat(version.indications().get(0).dose().bands().get(0).min().value())
                .isEqualTo(new BigDecimal("123456.789"));
    }
}
