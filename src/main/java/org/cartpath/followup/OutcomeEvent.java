package org.cartpath.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A dated event in the patient's course after infusion, recorded once with its source (docs/clinical/follow-up.md):
 * relapse or progression, vital status (alive at last contact, lost to follow-up, death with its cause) or a second
 * primary malignancy. Append-only; {@code details} holds the kind's own fields.
 */
public record OutcomeEvent(UUID id, Kind kind, LocalDate occurredOn, Map<String, Object> details,
        InformationSource source, String sourceDocument, String recordedBy, Instant recordedAt) {

    /** What happened. */
    public enum Kind {
        RELAPSE("Relapse"),
        PROGRESSION("Progression"),
        ALIVE("Alive at last contact"),
        LOST_TO_FOLLOW_UP("Lost to follow-up"),
        DEATH("Death"),
        SECOND_MALIGNANCY("Second primary malignancy");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where the centre learnt of it. */
    public enum InformationSource {
        CLINIC_VISIT("Clinic visit at the centre"),
        REFERRING_HOSPITAL("Referring hospital"),
        GP("GP"),
        PATIENT_OR_FAMILY("Patient or family"),
        DEATH_CERTIFICATE("Death certificate"),
        NHS_SPINE("NHS Spine (Personal Demographics Service)"),
        OTHER("Other");

        private final String label;

        InformationSource(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The cause of death by the categories the registries ask for (docs/clinical/follow-up.md). */
    public enum DeathCause {
        DISEASE("Relapse or progression of the disease"),
        CRS("Cytokine release syndrome"),
        ICANS("Immune effector cell-associated neurotoxicity syndrome"),
        INFECTION("Infection"),
        ICAHT("Haematotoxicity (ICAHT)"),
        SECOND_MALIGNANCY("Second primary malignancy"),
        OTHER("Other");

        private final String label;

        DeathCause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the relapse still carries the CAR's target antigen (CD19, BCMA). */
    public enum AntigenStatus {
        POSITIVE("positive"),
        NEGATIVE("negative"),
        NOT_TESTED("not tested");

        private final String label;

        AntigenStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A second primary malignancy by type; a T-cell malignancy is reportable (docs/clinical/follow-up.md). */
    public enum MalignancyType {
        T_CELL("T-cell malignancy"),
        MYELOID("Myeloid neoplasm (MDS or AML)"),
        OTHER_HAEMATOLOGICAL("Other haematological malignancy"),
        SOLID("Solid tumour"),
        SKIN_NON_MELANOMA("Non-melanoma skin cancer");

        private final String label;

        MalignancyType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line for people: "CD19-negative relapse (marrow)", "Death: infection", "T-cell malignancy". */
    public String summary() {
        return switch (kind) {
            case RELAPSE, PROGRESSION -> {
                String antigen = (String) details.get("targetAntigen");
                String status = (String) details.get("antigenStatus");
                String prefix = antigen == null || status == null ? ""
                        : antigen + " " + AntigenStatus.valueOf(status).label() + " ";
                String site = (String) details.get("site");
                yield capitalise(prefix + kind.label().toLowerCase(Locale.ROOT)) + (site == null ? "" : " (" + site + ")");
            }
            case DEATH -> {
                String cause = DeathCause.valueOf((String) details.get("cause")).label();
                Object detail = details.get("causeDetail");
                yield "Death: " + cause + (detail == null ? "" : " (" + detail + ")");
            }
            case SECOND_MALIGNANCY -> {
                String type = MalignancyType.valueOf((String) details.get("malignancyType")).label();
                Object diagnosis = details.get("diagnosis");
                yield "Second primary malignancy: " + type + (diagnosis == null ? "" : " (" + diagnosis + ")");
            }
            default -> kind.label();
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
