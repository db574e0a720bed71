package org.cartpath.reporting.exports;

import static org.cartpath.reporting.exports.FormField.optional;
import static org.cartpath.reporting.exports.FormField.required;
import static org.cartpath.reporting.exports.RegistryForm.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CIBMTR cellular therapy forms made once per infusion, as layouts over {@link RegistryPatient}
 * (docs/reporting/cibmtr-forms.md, ADR 0036): Form 4000 "Pre-Cellular Therapy Essential Data" (Pre-CTED), Form 4003
 * "Cellular Therapy Product" and Form 4006 "Cellular Therapy Infusion", each with the critical questions cartpath can
 * answer, numbered as the CIBMTR Forms Instruction Manual numbers them (https://www.cibmtr.org/manuals/fim/1/en/topic/4000,
 * .../topic/4003, .../topic/4006; the section ranges of the revision the manual described when this was written — check
 * the current revision before relying on a number). Plain Java, no Spring.
 */
final class CibmtrForms {

    static final String CRID = "crid";
    static final String CRID_LABEL = "CIBMTR Research ID (CRID)";
    private static final String HISTORY = RegistryPatient.PATIENT_HISTORY;

    private CibmtrForms() {
    }

    /** Form 4000: who is treated, for what, after what, and how they were prepared. */
    static final RegistryForm<RegistryPatient> F4000 = new RegistryForm<>("CIBMTR Form 4000", CRID, CRID_LABEL, List.of(
            required("Key field", "date_of_infusion", "Date of the cellular therapy infusion", "/infusion",
                    p -> date(p.dayZero())),
            required("Q26-45", "prior_hct", "Has the recipient ever had a prior HCT?", HISTORY,
                    p -> p.priorTransplants().isEmpty() ? "N" : "Y"),
            optional("Q26-45", "prior_hct_types_and_dates", "Type and date of each prior HCT",
                    p -> p.priorTransplants().stream().map(t -> t.type() + " " + date(t.on()))
                            .collect(Collectors.joining("; "))),
            required("Q46-65", "product_name", "Name of product", "", RegistryPatient::productName),
            required("Q46-65", "manufacturer", "Manufacturer of the product", "", RegistryPatient::manufacturer),
            optional("Q46-65", "target_antigen", "Target antigen of the product", RegistryPatient::targetAntigen),
            required("Q66-85", "primary_indication", "Primary disease for cellular therapy", HISTORY,
                    p -> p.diagnosis() == null ? null : p.diagnosis().code()),
            optional("Q66-85", "primary_indication_specify", "Specify other disease",
                    p -> p.diagnosis() == null ? null : p.diagnosis().description()),
            required("Q66-85", "date_of_diagnosis", "Date of diagnosis of the primary disease", HISTORY,
                    p -> p.diagnosis() == null ? null : date(p.diagnosis().diagnosedOn())),
            required("Q92-98", "lymphodepleting_therapy", "Was lymphodepleting therapy given?", "/lymphodepletion",
                    p -> p.lymphodepletion().isEmpty() ? null : "Y"),
            required("Q92-98", "lymphodepleting_agents", "Lymphodepleting agents and total doses (mg)",
                    "/lymphodepletion", p -> agents(p.lymphodepletion())),
            optional("Q92-98", "lymphodepletion_start_date", "First day of lymphodepleting therapy",
                    p -> p.lymphodepletion().stream().map(RegistryPatient.Drug::givenOn).min(Comparator.<LocalDate>naturalOrder())
                            .map(RegistryForm::date).orElse(null)),
            optional("Q92-98", "lymphodepletion_end_date", "Last day of lymphodepleting therapy",
                    p -> p.lymphodepletion().stream().map(RegistryPatient.Drug::givenOn).max(Comparator.<LocalDate>naturalOrder())
                            .map(RegistryForm::date).orElse(null)),
            required("Q103+", "disease_status_prior_to_infusion",
                    "Disease status at the last evaluation prior to cellular therapy", HISTORY,
                    p -> diseaseStatus(p.diseaseStatus())),
            required("Q103+", "disease_status_date", "Date of the last evaluation prior to cellular therapy", HISTORY,
                    p -> p.diseaseStatus() == null ? null : date(p.diseaseStatus().assessedOn())),
            required("Q103+", "prior_lines_of_therapy", "Number of lines of systemic therapy prior to cellular therapy",
                    HISTORY, p -> p.priorLines().isEmpty() ? null : Integer.toString(p.priorLines().size())),
            optional("Q103+", "prior_regimens", "Systemic therapy prior to cellular therapy (line: regimen)",
                    p -> p.priorLines().stream().map(l -> l.lineNumber() + ": " + l.regimen())
                            .collect(Collectors.joining("; "))),
            required("Q103+", "performance_score_scale", "Performance score scale (Karnofsky, Lansky or ECOG)",
                    HISTORY, p -> p.performance() == null ? null : p.performance().scale()),
            required("Q103+", "performance_score", "Performance score prior to cellular therapy", HISTORY,
                    p -> p.performance() == null ? null : Integer.toString(p.performance().score()))),
            unfillable4000());

    /** Form 4003: the product — where it came from, who made it, what it holds. */
    static final RegistryForm<RegistryPatient> F4003 = new RegistryForm<>("CIBMTR Form 4003", CRID, CRID_LABEL, List.of(
            required("Q1", "product_name", "Name of product", "", RegistryPatient::productName),
            required("Q2-3", "date_of_collection", "Date of cell product collection", "/booking",
                    p -> date(p.collectedOn())),
            required("Q4-5", "tissue_source", "Tissue source of the cellular product", "/booking",
                    p -> p.collectedOn() == null ? null : "PERIPHERAL_BLOOD"),
            // the manual: "CAR-T" is not a cell type; CAR-T cells are manufactured from lymphocytes
            required("Q6-7", "cell_type", "Cell type", "", p -> p.productCode() == null ? null : "LYMPHOCYTES"),
            required("Q8-11", "manufacturer", "Where was the product manufactured (company)", "",
                    RegistryPatient::manufacturer),
            optional("Q15-46", "genetically_modified_target", "Genetic manipulation: target antigen of the CAR",
                    RegistryPatient::targetAntigen),
            required("Q47-55", "lot_number", "Lot (batch) number of the product", "/product-lots",
                    p -> p.lot() == null ? null : p.lot().lotNumber()),
            required("Q47-55", "chain_of_identity", "Chain-of-identity identifier of the product", "/chain-of-identity",
                    RegistryPatient::chainOfIdentity),
            required("Q47-55", "viable_car_t_cells", "Viable CAR-positive T cells in the product", "/product-lots",
                    p -> p.lot() == null ? null : number(p.lot().doseCells())),
            required("Q47-55", "viability_percent", "Viability of the product (%)", "/product-lots",
                    p -> p.lot() == null ? null : number(p.lot().viabilityPercent())),
            optional("Q47-55", "cd4_cells", "CD4+ cells in the product",
                    p -> p.lot() == null ? null : number(p.lot().cd4Cells())),
            optional("Q47-55", "cd8_cells", "CD8+ cells in the product",
                    p -> p.lot() == null ? null : number(p.lot().cd8Cells())),
            required("Q56", "number_of_infusions", "Number of infusions of this product", "/infusion",
                    p -> p.infusion() == null ? null : "1")),
            unfillable4003());

    /** Form 4006: the infusion — which product, when, how much. */
    static final RegistryForm<RegistryPatient> F4006 = new RegistryForm<>("CIBMTR Form 4006", CRID, CRID_LABEL, List.of(
            required("Q1", "product_name", "Name of product", "", RegistryPatient::productName),
            optional("Q3", "cell_product_id", "Cell product ID (cartpath's chain-of-identity identifier; the manual's"
                    + " Table 1 names the id each commercial product reports)", RegistryPatient::chainOfIdentity),
            required("Q5", "lot_number", "Lot number", "/infusion", p -> p.lot() == null ? null : p.lot().lotNumber()),
            required("Q6", "date_of_infusion", "Date of this product infusion", "/infusion", p -> date(p.dayZero())),
            required("Q7-9", "entire_volume_infused", "Was the entire volume of product infused?", "/infusion",
                    p -> p.infusion() == null ? null : p.infusion().bagsUsed() == p.infusion().bagsInLot() ? "Y" : "N"),
            required("Q10-13", "route", "Route of product infusion", "/infusion",
                    p -> p.infusion() == null ? null : "INTRAVENOUS"),
            required("Q14-31", "cells_infused", "Total number of viable CAR-positive T cells infused", "/infusion",
                    p -> p.infusion() == null ? null : number(p.infusion().doseCells())),
            required("Q14-31", "cells_infused_per_kg", "Viable CAR-positive T cells infused per kg", "/infusion",
                    p -> p.infusion() == null ? null : number(p.infusion().doseCellsPerKg())),
            required("Q14-31", "recipient_weight_kg", "Recipient weight at infusion (kg)", "/infusion",
                    p -> p.infusion() == null ? null : number(p.infusion().weightKg()))),
            unfillable4006());

    private static Map<String, String> unfillable4000() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Q1-25 Recipient data", "ethnicity, race and residence come from the CRID assignment (Form 2804) in"
                + " FormsNet3; cartpath does not record ethnicity or race");
        fields.put("Q26-45 Prior cellular therapy", "earlier cellular therapies other than HCT are not recorded apart"
                + " from the therapy lines' regimens");
        fields.put("Q86-91 Holding / bridging therapy prior to infusion", "bridging therapy is not recorded in"
                + " cartpath yet");
        fields.put("Q99-102 Hematologic findings prior to cellular therapy", "blood counts before infusion are not"
                + " mapped to the form's questions");
        fields.put("Disease-specific assessments (cytogenetics, MRD, imaging)", "recorded only as the disease status"
                + " (refractory, relapse number); the disease form 2402 is not produced");
        fields.put("Infection and comorbid conditions", "not recorded in a coded form");
        return fields;
    }

    private static Map<String, String> unfillable4003() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Q12-14 Collection procedure (mobilisation, number of collections)", "not recorded");
        fields.put("Q15-46 Manipulation details (vector, transduction, expansion)", "held by the manufacturer, not"
                + " by cartpath; only the product and its target antigen are known");
        fields.put("Q47-55 Total nucleated and CD34+ cell counts, sterility", "the certificate of analysis records"
                + " viable CAR-positive cells, CD4+, CD8+ and viability only");
        return fields;
    }

    private static Map<String, String> unfillable4006() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Q2/Q4 Batch number", "cartpath records one lot number per product (reported in Q5)");
        fields.put("Q8-9 What happened to the reserved portion", "bags not infused are recorded by count only");
        fields.put("Q32-35 Concomitant therapy", "not recorded");
        return fields;
    }

    /** Total mg per drug, in drug-name order: "CYCLOPHOSPHAMIDE 990 mg; FLUDARABINE 59.4 mg". */
    static String agents(List<RegistryPatient.Drug> drugs) {
        if (drugs.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (RegistryPatient.Drug d : drugs) {
            totals.merge(d.drug(), d.givenMg() == null ? BigDecimal.ZERO : d.givenMg(), BigDecimal::add);
        }
        return totals.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue()) + " mg")
                .collect(Collectors.joining("; "));
    }

    /** Refractory, or the relapse number (first relapse, second relapse…), and whether after a transplant. */
    static String diseaseStatus(RegistryPatient.DiseaseStatus status) {
        if (status == null) {
            return null;
        }
        String text = status.refractory() ? "REFRACTORY" : status.relapseNumber() == 0 ? "NO_RELAPSE"
                : "RELAPSE_" + status.relapseNumber();
        return status.relapseAfterTransplant() ? text + "_AFTER_HCT" : text;
    }

    /** A number without exponent or trailing zeros (ADR 0026). */
    static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
