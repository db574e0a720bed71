package org.cartpath.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * A recorded infusion (ADR 0017): when it ran, the lot and bags, the dose in cells and per kg with the weight
 * it was worked out from, reactions, the two people of the bedside check, and the recording clinician's signature
 * (meaning ADMINISTERED). Its day 0 anchors monitoring and the follow-up schedule.
 *
 * @param doseRange the label's range for the weight, in words, or why it is unknown
 * @param flags     what a reviewer should notice (an overridden checklist item, an exceptional route…)
 */
public record InfusionRecord(
        UUID id,
        CaseId caseId,
        UUID lotId,
        String lotNumber,
        Instant startedAt,
        Instant endedAt,
        LocalDate dayZero,
        int bagsUsed,
        int bagsInLot,
        BigDecimal doseCells,
        BigDecimal doseCellsPerKg,
        BigDecimal weightKg,
        LocalDate weighedOn,
        String doseRange,
        int ageYears,
        boolean developmentalDelay,
        String reactions,
        UUID bedsideVerificationId,
        String firstCheckerName,
        String secondCheckerName,
        UUID lymphodepletionPlanId,
        List<ChecklistLine> checklist,
        List<String> flags,
        UUID signatureId,
        String recordedByName,
        Instant recordedAt) {

    /** How a checklist item stood when the infusion was recorded. */
    public record ChecklistLine(String code, String label, String state, String by, String evidence) {
    }

    public InfusionRecord {
        checklist = List.copyOf(checklist);
        flags = List.copyOf(flags);
    }
}
