package org.cartpath.patient;

import java.time.LocalDate;

/** A haematopoietic stem cell transplant the patient has had. */
public record Transplant(Type type, LocalDate transplantedOn) implements ClinicalDetails {

    public enum Type {
        ALLOGENEIC("Allogeneic"),
        AUTOLOGOUS("Autologous");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.TRANSPLANT;
    }

    @Override
    public LocalDate effectiveOn() {
        return transplantedOn;
    }
}
