package org.cartpath.interop.fhir;

import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.custody.CustodyRecord;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * One step of a bag's chain of custody as a FHIR {@code Provenance} whose target is the bag
 * ({@code BiologicallyDerivedProduct}, ADR 0034): the step (labelled, handed over, shipped, received, stored, issued,
 * thawed, administered…) under cartpath's custody-activity code system, when it happened, the person and organisation
 * who recorded it (performer) and, for a hand-over, the organisation that took custody (custodian), the place. It never
 * names the patient and carries no free text, so a manufacturer or courier that is a party of the case reads it too.
 * Its id is {@code <bag in base 36>-<step number>}.
 */
final class Provenances {

    private static final String PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private Provenances() {
    }

    static String id(UUID itemId, int version) {
        return ObservationIds.base36(itemId) + "-" + version;
    }

    record Parsed(UUID itemId, int version) {
    }

    static Optional<Parsed> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] parts = id.split("-", -1);
        try {
            if (parts.length != 2 || !parts[1].matches("[0-9]{1,6}")) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(ObservationIds.fromBase36(parts[0]), Integer.parseInt(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Provenance toFhir(CustodyRecord step) {
        Provenance provenance = new Provenance();
        provenance.setId(id(step.itemId(), step.version()));
        provenance.getMeta().setLastUpdated(Date.from(step.recordedAt()));
        provenance.addTarget(new Reference("BiologicallyDerivedProduct/" + step.itemId()));
        provenance.setOccurred(Observations.dateTime(step.occurredAt()));
        provenance.setRecorded(Date.from(step.recordedAt()));
        provenance.getActivity().addCoding().setSystem(FhirCodes.CUSTODY_ACTIVITY).setCode(step.type().toLowerCase())
                .setDisplay(step.typeLabel());
        if (step.place() != null && !step.place().isBlank()) {
            provenance.setLocation(new Reference().setDisplay(step.place()));
        }
        Provenance.ProvenanceAgentComponent performer = provenance.addAgent();
        performer.getType().addCoding().setSystem(PARTICIPANT).setCode("performer").setDisplay("Performer");
        performer.setWho(new Reference().setDisplay(step.actorName() == null ? step.byName() : step.actorName()));
        performer.setOnBehalfOf(new Reference().setDisplay(step.byName()));
        if (step.to() != null) {
            Provenance.ProvenanceAgentComponent custodian = provenance.addAgent();
            custodian.getType().addCoding().setSystem(PARTICIPANT).setCode("custodian").setDisplay("Custodian");
            custodian.setWho(new Reference().setDisplay(step.toName()));
        }
        return provenance;
    }
}
