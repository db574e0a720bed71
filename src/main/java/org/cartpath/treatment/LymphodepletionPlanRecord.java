package org.cartpath.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.journey.CaseId;
import org.cartpath.treatment.lymphodepletion.LymphodepletionPlan;

/**
 * A stored lymphodepletion plan: as calculated, with its inputs, its warnings and, once the pharmacist has signed,
 * its verification. Plans are versions: the highest version of a case is current.
 *
 * @param anchorOn          the planned infusion day (regimens dated from the infusion) or the first chemotherapy day
 * @param plannedInfusionOn the day the infusion is planned for (for regimens dated from the infusion, the anchor)
 */
public record LymphodepletionPlanRecord(
        UUID id,
        CaseId caseId,
        int version,
        String labelVersionId,
        String regimenId,
        DayReference dayReference,
        LocalDate anchorOn,
        LocalDate plannedInfusionOn,
        LymphodepletionPlan plan,
        PlanInputs inputs,
        List<String> warnings,
        String reason,
        String plannedByName,
        Instant plannedAt,
        Verification verification) {

    /** The pharmacist's e-signed verification (meaning VERIFIED). */
    public record Verification(UUID signatureId, String verifiedByName, Instant verifiedAt) {
    }

    public LymphodepletionPlanRecord {
        warnings = List.copyOf(warnings);
    }

    public boolean verified() {
        return verification != null;
    }
}
