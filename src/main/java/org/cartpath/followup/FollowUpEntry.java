package org.cartpath.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a follow-up clinical entry after infusion (docs/clinical/follow-up.md, ADR 0031): blood counts with
 * growth factor and transfusion support, B cells and immunoglobulins, an infection, a subsequent therapy or a CAR-T
 * persistence result; the date observed, the kind's
 * own values, the source document if any, who recorded it and when. {@code entryId} is the entry across its versions;
 * a correction is a new version with a reason, and the older versions are kept.
 */
public record FollowUpEntry(UUID id, UUID entryId, int version, Kind kind, LocalDate observedOn,
        Map<String, Object> values, String sourceDocument, String correctionReason, String recordedBy,
        Instant recordedAt) {

    /** The type of a field's value. */
    public enum Type {
        NUMBER, BOOLEAN, TEXT, CHOICE
    }

    /** A choice of a {@link Type#CHOICE} field: its code and its words for people. */
    public record Choice(String code, String label) {
    }

    /**
     * A field of a kind: its name in {@code values}, its label on the form, its unit, whether it is required, and for
     * a number its largest plausible value (every number is 0 or more).
     */
    public record Field(String name, String label, Type type, boolean required, String unit, BigDecimal max,
            List<Choice> choices) {

        static Field number(String name, String label, String unit, boolean required, String max) {
            return new Field(name, label, Type.NUMBER, required, unit, new BigDecimal(max), List.of());
        }

        static Field yesNo(String name, String label) {
            return new Field(name, label, Type.BOOLEAN, true, null, null, List.of());
        }

        static Field text(String name, String label, boolean required) {
            return new Field(name, label, Type.TEXT, required, null, null, List.of());
        }

        static Field choice(String name, String label, Choice... choices) {
            return new Field(name, label, Type.CHOICE, true, null, null, List.of(choices));
        }

        static Field optionalChoice(String name, String label, Choice... choices) {
            return new Field(name, label, Type.CHOICE, false, null, null, List.of(choices));
        }

        /** The label with its unit, as the form and the table head show it. */
        public String labelWithUnit() {
            return unit == null ? label : label + " (" + unit + ")";
        }

        public String choiceLabel(Object code) {
            return choices.stream().filter(c -> c.code().equals(code)).map(Choice::label).findFirst()
                    .orElse(String.valueOf(code));
        }
    }

    /** What is recorded; the fields of each, in the units UK laboratories report (as HL7 results are filed). */
    public enum Kind {
        BLOOD_COUNT("Blood counts", List.of(
                Field.number("anc", "Neutrophils (ANC)", "×10⁹/L", true, "100"),
                Field.number("platelets", "Platelets", "×10⁹/L", false, "2000"),
                Field.number("haemoglobin", "Haemoglobin", "g/L", false, "250"),
                Field.yesNo("growthFactor", "Growth factor (G-CSF) given"),
                Field.yesNo("redCellTransfusion", "Red cell transfusion given"),
                Field.yesNo("plateletTransfusion", "Platelet transfusion given"))),
        B_CELLS_AND_IMMUNOGLOBULIN("B cells and immunoglobulins", List.of(
                Field.number("cd19BCells", "CD19+ B cells", "cells/µL", false, "10000"),
                Field.number("igg", "Immunoglobulin G (IgG)", "g/L", false, "100"),
                Field.yesNo("ivigGiven", "Immunoglobulin replacement (IVIG) given"))),
        INFECTION("Infection", List.of(
                Field.text("site", "Site of infection", true),
                Field.choice("organismType", "Type of organism", new Choice("BACTERIAL", "Bacterial"),
                        new Choice("VIRAL", "Viral"), new Choice("FUNGAL", "Fungal"),
                        new Choice("PARASITIC", "Parasitic"), new Choice("UNKNOWN", "Not identified")),
                Field.text("organism", "Organism", false),
                Field.choice("severityGrade", "Severity (CTCAE v5.0 grade)", new Choice("1", "Grade 1 (mild)"),
                        new Choice("2", "Grade 2 (moderate)"), new Choice("3", "Grade 3 (severe)"),
                        new Choice("4", "Grade 4 (life-threatening)"), new Choice("5", "Grade 5 (death)")),
                Field.choice("admission", "Admission", new Choice("NONE", "Not admitted"),
                        new Choice("HOSPITAL", "Admitted to hospital"),
                        new Choice("ICU", "Admitted to intensive care")),
                Field.text("treatment", "Treatment", false))),
        /**
         * Therapy after CAR-T (docs/clinical/follow-up.md): observed on the date it started; what kind (an allogeneic
         * transplant, most often to consolidate a remission, another CAR-T, chemotherapy, radiotherapy, targeted or
         * other), with what intent, and the regimen in the clinician's words. The registries ask for each (CIBMTR
         * form 4100 "subsequent therapy", EBMT cellular therapy follow-up).
         */
        SUBSEQUENT_THERAPY("Subsequent therapy", List.of(
                Field.choice("therapyKind", "Kind of therapy",
                        new Choice("ALLOGENEIC_TRANSPLANT", "Allogeneic stem cell transplant"),
                        new Choice("CAR_T", "Another CAR-T"), new Choice("CHEMOTHERAPY", "Chemotherapy"),
                        new Choice("RADIOTHERAPY", "Radiotherapy"),
                        new Choice("TARGETED_OR_OTHER", "Targeted or other therapy")),
                Field.choice("intent", "Intent", new Choice("CONSOLIDATION", "Consolidation of a response"),
                        new Choice("RELAPSE_OR_PROGRESSION", "Treatment of relapse or progression"),
                        new Choice("MAINTENANCE", "Maintenance"), new Choice("PALLIATIVE", "Palliative")),
                Field.text("regimen", "Regimen", true))),
        /**
         * CAR-T persistence in the blood (docs/clinical/follow-up.md): by flow cytometry (CAR+ cells) or qPCR (CAR
         * transgene copies), detected or not, and the value with its unit when measured. Flow results are a
         * percentage of T cells or lymphocytes, or cells/µL; qPCR results are copies/µg of genomic DNA.
         */
        CAR_T_PERSISTENCE("CAR-T persistence", List.of(
                Field.choice("method", "Method", new Choice("FLOW", "Flow cytometry"),
                        new Choice("QPCR", "qPCR (CAR transgene)")),
                Field.yesNo("detected", "CAR-T cells detected"),
                Field.number("value", "Result", null, false, "10000000"),
                Field.optionalChoice("unit", "Unit of the result",
                        new Choice("PERCENT_OF_T_CELLS", "% of CD3+ T cells"),
                        new Choice("PERCENT_OF_LYMPHOCYTES", "% of lymphocytes"),
                        new Choice("CELLS_PER_MICROLITRE", "cells/µL"),
                        new Choice("COPIES_PER_MICROGRAM_DNA", "copies/µg DNA"))));

        private final String label;
        private final List<Field> fields;

        Kind(String label, List<Field> fields) {
            this.label = label;
            this.fields = fields;
        }

        public String label() {
            return label;
        }

        public List<Field> fields() {
            return fields;
        }

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        public static Optional<Kind> parse(String name) {
            for (Kind k : values()) {
                if (k.name().equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A number of the values (null when not recorded). */
    public BigDecimal number(String name) {
        Object value = values.get(name);
        return value == null ? null : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    /** The value of a field in words for people ("" when not recorded). */
    public String display(String name) {
        Object value = values.get(name);
        if (value == null) {
            return "";
        }
        Field field = kind.field(name).orElse(null);
        if (field == null) {
            return value.toString();
        }
        return switch (field.type()) {
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "Yes" : "No";
            case CHOICE -> field.choiceLabel(value);
            case NUMBER -> number(name).stripTrailingZeros().toPlainString();
            case TEXT -> value.toString();
        };
    }

    /** The support given with blood counts in words: G-CSF, red cells, platelets ("None" for none). */
    public String support() {
        List<String> given = new ArrayList<>();
        if (Boolean.TRUE.equals(values.get("growthFactor"))) {
            given.add("G-CSF");
        }
        if (Boolean.TRUE.equals(values.get("redCellTransfusion"))) {
            given.add("red cell transfusion");
        }
        if (Boolean.TRUE.equals(values.get("plateletTransfusion"))) {
            given.add("platelet transfusion");
        }
        return given.isEmpty() ? "None" : String.join(", ", given);
    }

    /** The values in words, "label: value" for each recorded field, for the history and the timeline. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Field f : kind.fields()) {
            if (values.get(f.name()) != null) {
                parts.add(f.label() + " " + display(f.name()) + (f.unit() == null ? "" : " " + f.unit()));
            }
        }
        return String.join("; ", parts);
    }
}
