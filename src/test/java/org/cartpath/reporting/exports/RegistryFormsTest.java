package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CIBMTR forms 4000, 4003 and 4006 and the EBMT MED-A and follow-up forms as layouts over their sources
 * (docs/reporting/cibmtr-forms.md, docs/reporting/ebmt.md, ADR 0036): a small cohort checked field by field against
 * the layout written from the manuals; the completeness report lists exactly the fields removed; the JSON document
 * carries the manual's question numbers; a pseudonymised extract carries neither the registry id nor the date of birth.
 */
class RegistryFormsTest {

    static final LocalDate DAY_ZERO = LocalDate.of(2025, 3, 12);

    static RegistryPatient complete() {
        return new RegistryPatient(UUID.nameUUIDFromBytes("case-a".getBytes()), UUID.nameUUIDFromBytes("p-a".getBytes()),
                "CP-2025-00001", "P-AAAA", "RP4", "1234567890", LocalDate.of(2016, 3, 1), "FEMALE", "KYMRIAH",
                "Kymriah", "Novartis", "CD19", "B_ALL", LocalDate.of(2024, 12, 2), LocalDate.of(2025, 1, 8),
                new RegistryPatient.Diagnosis("B_ALL", null, LocalDate.of(2022, 5, 4)),
                List.of(new RegistryPatient.TherapyLine(1, "UKALL 2011", LocalDate.of(2022, 5, 10),
                        LocalDate.of(2024, 1, 1), "COMPLETE_RESPONSE"),
                        new RegistryPatient.TherapyLine(2, "Blinatumomab", LocalDate.of(2024, 9, 1), null, null)),
                List.of(), new RegistryPatient.DiseaseStatus(LocalDate.of(2025, 2, 20), false, 2, false),
                new RegistryPatient.Performance("LANSKY", 80, LocalDate.of(2025, 2, 20)), LocalDate.of(2025, 1, 20),
                "CHRP4A125XY12AB", new RegistryPatient.Lot("LOT-77", new BigDecimal("1.2E8"), null, null,
                        new BigDecimal("92.50"), new BigDecimal("40"), 2, LocalDate.of(2025, 9, 1), false),
                new RegistryPatient.Infusion(DAY_ZERO, OffsetDateTime.parse("2025-03-12T10:00:00Z"),
                        new BigDecimal("1.00E8"), new BigDecimal("3.5E6"), new BigDecimal("28.4"), 2, 2, 9),
                List.of(new RegistryPatient.Drug("FLUDARABINE", LocalDate.of(2025, 3, 6), new BigDecimal("29.7")),
                        new RegistryPatient.Drug("CYCLOPHOSPHAMIDE", LocalDate.of(2025, 3, 6), new BigDecimal("495")),
                        new RegistryPatient.Drug("FLUDARABINE", LocalDate.of(2025, 3, 7), new BigDecimal("29.7"))),
                DAY_ZERO);
    }

    /** The row as column → value, so each field is checked by its name in the layout. */
    static Map<String, String> fields(RegistryForm<RegistryPatient> form, RegistryPatient p, boolean pseudonymised) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        List<String> header = form.header();
        List<String> row = form.row(p, pseudonymised);
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), row.get(i));
        }
        return byColumn;
    }

    @Test
    void form4000AnswersEachCriticalQuestionFromTheRecordAsTheManualLaysItOut() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("crid", "1234567890");
        expected.put("patient", "CP-2025-00001");
        expected.put("centre_ods_code", "RP4");
        expected.put("date_of_infusion", "2025-03-12");
        expected.put("prior_hct", "N");
        expected.put("prior_hct_types_and_dates", "");
        expected.put("product_name", "Kymriah");
        expected.put("manufacturer", "Novartis");
        expected.put("target_antigen", "CD19");
        expected.put("primary_indication", "B_ALL");
        expected.put("primary_indication_specify", "");
        expected.put("date_of_diagnosis", "2022-05-04");
        expected.put("lymphodepleting_therapy", "Y");
        expected.put("lymphodepleting_agents", "CYCLOPHOSPHAMIDE 495 mg; FLUDARABINE 59.4 mg");
        expected.put("lymphodepletion_start_date", "2025-03-06");
        expected.put("lymphodepletion_end_date", "2025-03-07");
        expected.put("disease_status_prior_to_infusion", "RELAPSE_2");
        expected.put("disease_status_date", "2025-02-20");
        expected.put("prior_lines_of_therapy", "2");
        expected.put("prior_regimens", "1: UKALL 2011; 2: Blinatumomab");
        expected.put("performance_score_scale", "LANSKY");
        expected.put("performance_score", "80");
        assertThat(fields(CibmtrForms.F4000, complete(), false)).containsExactlyEntriesOf(expected);
        assertThat(CibmtrForms.F4000.gaps(complete(), false)).isEmpty();
    }

    @Test
    void form4003DescribesTheProductItsLotAndChainOfIdentity() {
        Map<String, String> f = fields(CibmtrForms.F4003, complete(), false);
        assertThat(f).containsExactly(Map.entry("crid", "1234567890"), Map.entry("patient", "CP-2025-00001"),
                Map.entry("centre_ods_code", "RP4"), Map.entry("product_name", "Kymriah"),
                Map.entry("date_of_collection", "2025-01-20"), Map.entry("tissue_source", "PERIPHERAL_BLOOD"),
                Map.entry("cell_type", "LYMPHOCYTES"), Map.entry("manufacturer", "Novartis"),
                Map.entry("genetically_modified_target", "CD19"), Map.entry("lot_number", "LOT-77"),
                Map.entry("chain_of_identity", "CHRP4A125XY12AB"), Map.entry("viable_car_t_cells", "120000000"),
                Map.entry("viability_percent", "92.5"), Map.entry("cd4_cells", ""), Map.entry("cd8_cells", ""),
                Map.entry("number_of_infusions", "1"));
    }

    @Test
    void form4006ReportsTheInfusionDateDoseAndWhetherEveryBagWasGiven() {
        Map<String, String> f = fields(CibmtrForms.F4006, complete(), false);
        assertThat(f).containsExactly(Map.entry("crid", "1234567890"), Map.entry("patient", "CP-2025-00001"),
                Map.entry("centre_ods_code", "RP4"), Map.entry("product_name", "Kymriah"),
                Map.entry("cell_product_id", "CHRP4A125XY12AB"), Map.entry("lot_number", "LOT-77"),
                Map.entry("date_of_infusion", "2025-03-12"), Map.entry("entire_volume_infused", "Y"),
                Map.entry("route", "INTRAVENOUS"), Map.entry("cells_infused", "100000000"),
                Map.entry("cells_infused_per_kg", "3500000"), Map.entry("recipient_weight_kg", "28.4"));
    }

    @Test
    void theCompletenessReportListsExactlyTheFieldsRemoved() {
        RegistryPatient p = complete();
        RegistryPatient removed = new RegistryPatient(p.caseId(), p.patientId(), p.caseReference(), p.pseudonym(),
                p.centreOds(), null, p.dateOfBirth(), p.sex(), p.productCode(), p.productName(), p.manufacturer(),
                p.targetAntigen(), p.indication(), p.referredOn(), p.approvedOn(), p.diagnosis(), p.priorLines(),
                p.priorTransplants(), null, p.performance(), p.collectedOn(), p.chainOfIdentity(), p.lot(),
                p.infusion(), List.of(), p.dayZero());
        assertThat(CibmtrForms.F4000.gaps(removed, false)).extracting(Gap::field).containsExactly(
                "CIBMTR Research ID (CRID): not recorded",
                "Q92-98 Was lymphodepleting therapy given?: not recorded",
                "Q92-98 Lymphodepleting agents and total doses (mg): not recorded",
                "Q103+ Disease status at the last evaluation prior to cellular therapy: not recorded",
                "Q103+ Date of the last evaluation prior to cellular therapy: not recorded");
        assertThat(CibmtrForms.F4000.gaps(removed, false)).extracting(Gap::fixAt).containsExactly(
                "/exports/registry/" + p.caseId(), "/cases/" + p.caseId() + "/lymphodepletion",
                "/cases/" + p.caseId() + "/lymphodepletion", "/patients/" + p.patientId(),
                "/patients/" + p.patientId());
        assertThat(CibmtrForms.F4003.gaps(removed, false)).extracting(Gap::field)
                .containsExactly("CIBMTR Research ID (CRID): not recorded");
        assertThat(EbmtForms.MED_A.gaps(removed, false)).extracting(Gap::field).containsExactly(
                "EBMT registration id: not recorded",
                "Status at cellular therapy Disease status before the infusion: not recorded",
                "Lymphodepletion Lymphodepleting drugs and total doses (mg): not recorded");
        assertThat(CibmtrForms.F4000.gaps(removed, true)).as("the commissioner cannot fix, nor see, the CRID")
                .extracting(Gap::fixAt).containsOnlyNulls().hasSize(4);
    }

    @Test
    void theJsonDocumentCarriesTheQuestionNumbersAndEveryAnswerAndAPseudonymisedOneNoRegistryIdOrBirthDate() {
        Map<String, Object> document = CibmtrForms.F4006.document(complete(), false, ExportKind.CIBMTR_4006);
        assertThat(document).containsEntry("form", "CIBMTR Form 4006").containsEntry("crid", "1234567890")
                .containsEntry("patient", "CP-2025-00001").containsEntry("specificationVersion",
                        ExportKind.CIBMTR_4006.version());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) document.get("answers");
        assertThat(answers).extracting(a -> a.get("question")).containsExactly("Q1", "Q3", "Q5", "Q6", "Q7-9",
                "Q10-13", "Q14-31", "Q14-31", "Q14-31");
        assertThat(answers.get(3)).containsEntry("field", "date_of_infusion").containsEntry("value", "2025-03-12");

        Map<String, Object> national = EbmtForms.MED_A.document(complete(), true, ExportKind.EBMT_MED_A);
        assertThat(national).containsEntry("ebmtRegistrationId", null).containsEntry("patient", "P-AAAA");
        assertThat(fields(EbmtForms.MED_A, complete(), true)).containsEntry("date_of_birth", "")
                .containsEntry("patient", "P-AAAA").containsEntry("ebmt_registration_id", "");
        assertThat(fields(EbmtForms.MED_A, complete(), false)).containsEntry("date_of_birth", "2016-03-01")
                .containsEntry("date_of_decision", "2025-01-08").containsEntry("batch_number", "LOT-77");
    }

    @Test
    void theFileOrderIsByPatientSoTheSameDataGiveTheSameRowsWhateverTheReadOrder() {
        RegistryPatient a = complete();
        RegistryPatient b = new RegistryPatient(UUID.nameUUIDFromBytes("case-b".getBytes()), a.patientId(),
                "CP-2025-00000", "P-BBBB", a.centreOds(), "9999999999", a.dateOfBirth(), a.sex(), a.productCode(),
                a.productName(), a.manufacturer(), a.targetAntigen(), a.indication(), a.referredOn(), a.approvedOn(),
                a.diagnosis(), a.priorLines(), a.priorTransplants(), a.diseaseStatus(), a.performance(),
                a.collectedOn(), a.chainOfIdentity(), a.lot(), a.infusion(), a.lymphodepletion(), a.dayZero());
        List<List<String>> one = CibmtrForms.F4006.rows(List.of(a, b), false);
        List<List<String>> two = CibmtrForms.F4006.rows(new ArrayList<>(List.of(b, a)), false);
        assertThat(one).isEqualTo(two);
        assertThat(one.get(0)).as("each row carries its own patient's CRID (H-33)")
                .startsWith("9999999999", "CP-2025-00000");
        assertThat(one.get(1)).startsWith("1234567890", "CP-2025-00001");
    }
}
