package org.cartpath.journey;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;

/**
 * A therapy case: one patient, one treatment line. Its stage changes only through {@link #moveTo}, which
 * refuses anything the stage order does not allow, naming the current stage.
 *
 * @param reference      the human reference, e.g. {@code CP-2026-00042}, printed on letters and shown in lists
 * @param patientId      the patient (identity lives in the patient module; manufacturers never see it)
 * @param labelVersionId the catalogue label version the case was assessed under, once chosen
 */
public record TherapyCase(
        CaseId id,
        String reference,
        UUID patientId,
        OrganisationId referringOrganisation,
        OrganisationId treatingCentre,
        String productCode,
        String indication,
        String jurisdiction,
        String labelVersionId,
        Stage stage,
        int version,
        Instant openedAt,
        Instant stageChangedAt) {

    /** The case after a transition, or 409 {@code illegal-transition} naming the current stage. */
    public TherapyCase moveTo(Stage next, Instant at) {
        if (!stage.mayMoveTo(next)) {
            throw new ProblemException("illegal-transition", 409, "Not possible at this stage",
                    "Case " + reference + " is at stage '" + stage.label() + "'; it cannot move to '" + next.label()
                            + "'", java.util.List.of(), Map.of("currentStage", stage.name(), "requestedStage", next.name()));
        }
        return new TherapyCase(id, reference, patientId, referringOrganisation, treatingCentre, productCode, indication,
                jurisdiction, labelVersionId, next, version + 1, openedAt, at);
    }

    public TherapyCase withProduct(String product, String newIndication, String newJurisdiction, String labelVersion) {
        return new TherapyCase(id, reference, patientId, referringOrganisation, treatingCentre, product, newIndication,
                newJurisdiction, labelVersion, stage, version + 1, openedAt, stageChangedAt);
    }

    public TherapyCase withTreatingCentre(OrganisationId centre) {
        return new TherapyCase(id, reference, patientId, referringOrganisation, centre, productCode, indication,
                jurisdiction, labelVersionId, stage, version + 1, openedAt, stageChangedAt);
    }

    public boolean isOpen() {
        return !stage.isEnding();
    }

    /** Whether the actor works at this case's treating centre (their roles decide what they may do there). */
    public boolean treatedBy(Actor actor) {
        return actor != null && actor.organisationId() != null && actor.organisationId().equals(treatingCentre);
    }
}
