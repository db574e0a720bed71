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
 * growth factor and transfusion support, B cells and immunoglobulins, or an infection; the date observed, the kind's
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
                Field.text("treatment", "Treatment", false)));

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
