package org.cartpath.reporting.exports;

import static org.cartpath.reporting.exports.FormField.identifying;
import static org.cartpath.reporting.exports.FormField.optional;
import static org.cartpath.reporting.exports.FormField.required;
import static org.cartpath.reporting.exports.FormField.requiredWhen;
import static org.cartpath.reporting.exports.RegistryForm.date;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The EBMT Registry's cellular therapy forms as layouts (docs/reporting/ebmt.md, ADR 0036): the Cellular Therapy MED-A
 * registration over {@link RegistryPatient}, and the Cellular Therapy MED-A Day 100, 6-month and annual follow-up over
 * {@link FollowUp}, with CRS and ICANS reported per period as EBMT asks: date of onset, date of resolution and highest
 * grade in the reporting period by the ASTCT consensus (Lee DW et al., Biol Blood Marrow Transplant 2019;25:625-638;
 * EBMT, "How do I report on patients treated with CAR T-cells to the EBMT Registry? (part 2)",
 * https://ebmt.org/ebmt/news/how-do-i-report-patients-treated-car-t-cells-ebmt-registry-part-2). EBMT publishes its
 * forms as documents without question numbers, so each answer names the form's section. Plain Java, no Spring.
 */
final class EbmtForms {

    static final String ID = "ebmt_registration_id";
    static final String ID_LABEL = "EBMT registration id";
    private static final String HISTORY = RegistryPatient.PATIENT_HISTORY;

    private EbmtForms() {
    }

    /** Cellular Therapy MED-A: registration of the patient and the cellular therapy, with the product and infusion. */
    static final RegistryForm<RegistryPatient> MED_A = new RegistryForm<>("EBMT Cellular Therapy MED-A", ID, ID_LABEL,
            List.of(
                    identifying("Patient", "date_of_birth", "Date of birth", HISTORY,
                            p -> date(p.dateOfBirth())),
                    required("Patient", "sex", "Sex", HISTORY, RegistryPatient::sex),
                    required("Diagnosis", "primary_diagnosis", "Primary disease", HISTORY,
                            p -> p.diagnosis() == null ? null : p.diagnosis().code()),
                    required("Diagnosis", "date_of_diagnosis", "Date of diagnosis", HISTORY,
                            p -> p.diagnosis() == null ? null : date(p.diagnosis().diagnosedOn())),
                    optional("Treatment decision", "date_of_referral", "Date the patient was referred for CAR-T",
                            p -> date(p.referredOn())),
                    required("Treatment decision", "date_of_decision", "Date of the decision to treat (national panel)",
                            "/panel", p -> date(p.approvedOn())),
                    required("Prior treatment", "prior_lines_of_therapy", "Number of prior lines of therapy", HISTORY,
                            p -> p.priorLines().isEmpty() ? null : Integer.toString(p.priorLines().size())),
                    required("Prior treatment", "prior_hct", "Prior haematopoietic cell transplant", HISTORY,
                            p -> p.priorTransplants().isEmpty() ? "N" : "Y"),
                    required("Status at cellular therapy", "disease_status", "Disease status before the infusion",
                            HISTORY, p -> CibmtrForms.diseaseStatus(p.diseaseStatus())),
                    required("Status at cellular therapy", "performance_score",
                            "Performance score before the infusion (scale and score)", HISTORY,
                            p -> p.performance() == null ? null
                                    : p.performance().scale() + " " + p.performance().score()),
                    required("Cellular therapy product", "product_name", "Commercial name of the product", "",
                            RegistryPatient::productName),
                    required("Cellular therapy product", "manufacturer", "Manufacturer", "",
                            RegistryPatient::manufacturer),
                    required("Cellular therapy product", "batch_number", "Batch (lot) number", "/product-lots",
                            p -> p.lot() == null ? null : p.lot().lotNumber()),
                    required("Cellular therapy product", "chain_of_identity", "Chain-of-identity identifier",
                            "/chain-of-identity", RegistryPatient::chainOfIdentity),
                    required("Lymphodepletion", "lymphodepletion_drugs", "Lymphodepleting drugs and total doses (mg)",
                            "/lymphodepletion", p -> CibmtrForms.agents(p.lymphodepletion())),
                    required("Infusion", "date_of_infusion", "Date of infusion", "/infusion", p -> date(p.dayZero())),
                    required("Infusion", "cells_infused", "Number of CAR-positive viable T cells infused", "/infusion",
                            p -> p.infusion() == null ? null : CibmtrForms.number(p.infusion().doseCells())),
                    required("Infusion", "cells_infused_per_kg", "CAR-positive viable T cells infused per kg",
                            "/infusion",
                            p -> p.infusion() == null ? null : CibmtrForms.number(p.infusion().doseCellsPerKg()))),
            unfillableMedA());

    /** One EBMT follow-up time point of one patient, with the form's period. */
    record FollowUp(CibmtrFollowUp source, LocalDate periodStart, LocalDate periodEnd) implements RegistryForm.Subject {

        static FollowUp of(CibmtrFollowUp f) {
            LocalDate start = f.dayZero();
            for (CibmtrFollowUp.Timepoint t : f.timepoints()) {
                if (t.name().equals(f.timepoint().name())) {
                    break;
                }
                start = t.dueDate().plusDays(1);
            }
            return new FollowUp(f, start, f.timepoint().dueDate());
        }

        @Override
        public UUID caseId() {
            return source.caseId();
        }

        @Override
        public String caseReference() {
            return source.caseReference();
        }

        @Override
        public String pseudonym() {
            return source.pseudonym();
        }

        @Override
        public String centreOds() {
            return source.centreOds();
        }

        @Override
        public String registryId() {
            return source.registryId();
        }

        @Override
        public String timepoint() {
            return source.timepoint().name();
        }

        @Override
        public String order() {
            return date(source.timepoint().dueDate());
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
        }

        boolean died() {
            return source.diedOn() != null && !source.diedOn().isAfter(periodEnd);
        }

        Optional<LocalDate> lastContact() {
            if (died()) {
                return Optional.of(source.diedOn());
            }
            return source.contacts().stream().filter(this::contains).max(Comparator.naturalOrder());
        }

        /** The episodes of a kind that were active in the period: begun by its end, not resolved before its start. */
        List<CibmtrFollowUp.Episode> episodes(String kind) {
            return source.episodes().stream().filter(e -> e.kind().equals(kind) && !e.onsetOn().isAfter(periodEnd)
                    && (e.resolvedOn() == null || !e.resolvedOn().isBefore(periodStart))).toList();
        }

        Optional<CibmtrFollowUp.Response> bestResponse() {
            return source.responses().stream().filter(r -> contains(r.assessedOn()))
                    .min(Comparator.comparingInt(CibmtrFollowUp.Response::rank)
                            .thenComparing(CibmtrFollowUp.Response::assessedOn));
        }

        Optional<CibmtrFollowUp.Event> first(List<CibmtrFollowUp.Event> events) {
            return events.stream().filter(e -> contains(e.on())).min(Comparator.comparing(CibmtrFollowUp.Event::on));
        }
    }

    /** Whether the form is due: a patient who died is reported on the form whose period holds the death, none after. */
    static boolean due(CibmtrFollowUp f) {
        return f.diedOn() == null || !f.diedOn().isBefore(FollowUp.of(f).periodStart());
    }

    /** Day 100, 6-month and annual follow-up: survival, response, relapse, CRS and ICANS of the period. */
    static final RegistryForm<FollowUp> FOLLOW_UP = new RegistryForm<>("EBMT Cellular Therapy follow-up", ID,
            ID_LABEL, followUpFields(), unfillableFollowUp());

    private static List<FormField<FollowUp>> followUpFields() {
        List<FormField<FollowUp>> fields = new java.util.ArrayList<>(List.of(
                required("Follow-up", "timepoint", "Follow-up time point (DAY_100, MONTH_6, YEAR_n)", "/follow-up",
                        FollowUp::timepoint),
                required("Follow-up", "date_of_infusion", "Date of infusion", "/infusion",
                        f -> date(f.source().dayZero())),
                required("Follow-up", "period_start", "First day of the reporting period", "/follow-up",
                        f -> date(f.periodStart())),
                required("Follow-up", "period_end", "Last day of the reporting period", "/follow-up",
                        f -> date(f.periodEnd())),
                required("Survival", "date_of_last_contact", "Date of last contact in the period", "/follow-up",
                        f -> f.lastContact().map(RegistryForm::date).orElse(null)),
                required("Survival", "survival_status", "Survival status", "/follow-up",
                        f -> f.died() ? "DEAD" : f.lastContact().isPresent() ? "ALIVE" : null),
                requiredWhen(FollowUp::died, "Survival", "date_of_death", "Date of death", "/follow-up",
                        f -> f.died() ? date(f.source().diedOn()) : null),
                requiredWhen(FollowUp::died, "Survival", "main_cause_of_death", "Main cause of death", "/follow-up",
                        f -> f.died() ? f.source().deathCause() : null),
                optional("Response", "best_response", "Best response in the period",
                        f -> f.bestResponse().map(CibmtrFollowUp.Response::category).orElse(null)),
                optional("Response", "best_response_date", "Date the best response was first assessed",
                        f -> f.bestResponse().map(r -> date(r.assessedOn())).orElse(null)),
                required("Relapse or progression", "relapse_or_progression", "Relapse or progression in the period",
                        "/follow-up", f -> f.first(f.source().relapses()).isPresent() ? "Y" : "N"),
                optional("Relapse or progression", "relapse_or_progression_date", "Date of relapse or progression",
                        f -> f.first(f.source().relapses()).map(e -> date(e.on())).orElse(null))));
        fields.addAll(toxicity("CRS", "crs", "Cytokine release syndrome"));
        fields.addAll(toxicity("ICANS", "icans", "Immune effector cell-associated neurotoxicity syndrome"));
        fields.add(required("Second malignancy", "second_malignancy", "New malignancy in the period", "/follow-up",
                f -> f.first(f.source().malignancies()).isPresent() ? "Y" : "N"));
        fields.add(optional("Second malignancy", "second_malignancy_type", "Type of the new malignancy",
                f -> f.first(f.source().malignancies()).map(CibmtrFollowUp.Event::detail).orElse(null)));
        return List.copyOf(fields);
    }

    /**
     * CRS or ICANS in the period as EBMT asks for it: whether it occurred (an episode active in the period), its onset
     * (the first active episode's), its resolution (the last one's, empty while one is unresolved at the period's end)
     * and the highest ASTCT 2019 grade of the episodes active in the period.
     */
    private static List<FormField<FollowUp>> toxicity(String kind, String column, String name) {
        return List.of(
                required(kind, column, name + " in the period", "/monitoring",
                        f -> f.episodes(kind).isEmpty() ? "N" : "Y"),
                requiredWhen(f -> !f.episodes(kind).isEmpty(), kind, column + "_onset_date", "Date of onset",
                        "/monitoring", f -> f.episodes(kind).stream().map(CibmtrFollowUp.Episode::onsetOn)
                                .min(Comparator.naturalOrder()).map(RegistryForm::date).orElse(null)),
                optional(kind, column + "_resolution_date", "Date of resolution (empty: not resolved by the period's "
                        + "end)", f -> resolution(f, kind)),
                requiredWhen(f -> !f.episodes(kind).isEmpty(), kind, column + "_highest_grade",
                        "Highest grade in the period (ASTCT 2019)", "/monitoring",
                        f -> f.episodes(kind).stream().map(e -> e.highestGrade()).max(Comparator.naturalOrder())
                                .map(String::valueOf).orElse(null)));
    }

    private static String resolution(FollowUp f, String kind) {
        List<CibmtrFollowUp.Episode> episodes = f.episodes(kind);
        if (episodes.isEmpty() || episodes.stream().anyMatch(e -> e.resolvedOn() == null
                || e.resolvedOn().isAfter(f.periodEnd()))) {
            return null;
        }
        return episodes.stream().map(CibmtrFollowUp.Episode::resolvedOn).max(Comparator.naturalOrder())
                .map(RegistryForm::date).orElse(null);
    }

    private static Map<String, String> unfillableMedA() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Patient: EBMT centre identification code (CIC)", "the centre's EBMT code is not recorded in"
                + " cartpath; the centre is named by its ODS code");
        fields.put("Patient: consent to EBMT data sharing date", "consent is recorded as given or not, per purpose");
        fields.put("Diagnosis: disease classification details (WHO subtype, cytogenetics)", "not recorded");
        fields.put("Bridging therapy", "bridging therapy is not recorded in cartpath yet");
        fields.put("Comorbidity index (HCT-CI)", "not recorded");
        return fields;
    }

    private static Map<String, String> unfillableFollowUp() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Other adverse events of special interest (IEC-HS, HLH/MAS, cytopenias, infections)", "only CRS and"
                + " ICANS are graded in cartpath; ICAHT and infections are recorded in follow-up but not mapped");
        fields.put("CRS/ICANS treatment (tocilizumab, steroids, ICU)", "recorded in monitoring but not mapped to the"
                + " form's questions");
        fields.put("Persistence of CAR-T cells and B-cell aplasia", "not mapped to the form's questions");
        fields.put("Subsequent therapy", "not mapped to the form's questions");
        return fields;
    }
}
