package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A lymphodepletion plan as it was calculated: the regimen, the body surface area and clearance used, the
 * renal band applied, each day's doses, and when the infusion may follow.
 *
 * @param earliestInfusion the first day the product may be infused (for regimens dated from the infusion,
 *                         the planned day 0 itself)
 * @param latestInfusion   the last such day
 */
public record LymphodepletionPlan(String regimenId, String regimenName, String regimenSource, BigDecimal bsaM2,
        String bsaFormula, BigDecimal creatinineClearanceMlPerMin, String renalTableId, String renalBandApplied,
        List<PlannedDose> doses, LocalDate firstDay, LocalDate lastDay, LocalDate earliestInfusion,
        LocalDate latestInfusion, String windowSource) {

    public LymphodepletionPlan {
        doses = List.copyOf(doses);
    }

    /** Whether an infusion on this day is inside the label's window after this plan's chemotherapy. */
    public boolean infusionAllowedOn(LocalDate day) {
        return !day.isBefore(earliestInfusion) && !day.isAfter(latestInfusion);
    }
}
