package org.cartpath.interop.fhir;

import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.monitoring.ToxicityEpisode;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Reference;

/**
 * A CRS or ICANS episode of toxicity monitoring (onset, highest grade, resolution, derived by the monitoring module
 * from the current assessments, ADR 0011) as a FHIR {@code AdverseEvent}: actual, the syndrome under cartpath's
 * toxicity code system (codes {@code crs} and {@code icans}; no standard code names the ASTCT syndromes), the highest
 * ASTCT grade in words and as severity (grade 1 mild, 2 moderate, 3 or more severe: the AdverseEvent severity value
 * set's three codes), outcome resolved or ongoing, the onset as its date. Its id is {@code crs-<case>-<n>} or
 * {@code icans-<case>-<n>}, the case in base 36 and n the episode's sequence.
 */
final class AdverseEvents {

    private static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    private static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

    private AdverseEvents() {
    }

    static String id(UUID caseId, ToxicityEpisode episode) {
        return episode.syndrome().name().toLowerCase() + "-" + ObservationIds.base36(caseId) + "-" + episode.sequence();
    }

    /** The case, the syndrome and the sequence an id names. */
    record Parsed(UUID caseId, ToxicityEpisode.Syndrome syndrome, int sequence) {
    }

    static Optional<Parsed> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split("-", -1);
        try {
            if (parts.length != 3 || !parts[2].matches("[0-9]{1,6}")) {
                return Optional.empty();
            }
            ToxicityEpisode.Syndrome syndrome = switch (parts[0]) {
                case "crs" -> ToxicityEpisode.Syndrome.CRS;
                case "icans" -> ToxicityEpisode.Syndrome.ICANS;
                default -> null;
            };
            return syndrome == null ? Optional.empty()
                    : Optional.of(new Parsed(ObservationIds.fromBase36(parts[1]), syndrome, Integer.parseInt(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static AdverseEvent toFhir(UUID caseId, UUID patientId, ToxicityEpisode episode) {
        AdverseEvent event = new AdverseEvent();
        event.setId(id(caseId, episode));
        event.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        boolean crs = episode.syndrome() == ToxicityEpisode.Syndrome.CRS;
        String name = crs ? "Cytokine release syndrome" : "Immune effector cell-associated neurotoxicity syndrome";
        event.getEvent().addCoding().setSystem(FhirCodes.TOXICITY).setCode(crs ? "crs" : "icans").setDisplay(name);
        event.getEvent().setText(name + ", highest ASTCT grade " + episode.highestGrade() + " (day " + episode.onsetDay()
                + (episode.resolvedDay() == null ? ", ongoing)" : " to day " + episode.resolvedDay() + ")"));
        event.setSubject(new Reference("Patient/" + patientId));
        event.setDateElement(Observations.dateTime(episode.onsetAt()));
        String severity = episode.highestGrade() <= 1 ? "mild" : episode.highestGrade() == 2 ? "moderate" : "severe";
        event.getSeverity().addCoding().setSystem(SEVERITY).setCode(severity)
                .setDisplay(Character.toUpperCase(severity.charAt(0)) + severity.substring(1));
        boolean resolved = episode.resolvedAt() != null;
        event.getOutcome().addCoding().setSystem(OUTCOME).setCode(resolved ? "resolved" : "ongoing")
                .setDisplay(resolved ? "Resolved" : "Ongoing");
        event.getMeta().setLastUpdated(Date.from(resolved ? episode.resolvedAt() : episode.highestAt()));
        return event;
    }
}
