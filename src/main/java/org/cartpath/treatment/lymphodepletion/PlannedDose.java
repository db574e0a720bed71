package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;

/**
 * One drug on one day of a lymphodepletion plan.
 *
 * @param dayRelativeToInfusion the day counted from the planned infusion (day 0), e.g. −5
 * @param labelMgPerM2          the label's dose
 * @param givenMgPerM2          after the renal adjustment (null when withheld)
 * @param mg                    the rounded daily dose (null when withheld)
 * @param note                  why the dose differs from the label's, if it does
 */
public record PlannedDose(LocalDate date, int dayRelativeToInfusion, Drug drug, BigDecimal labelMgPerM2,
        BigDecimal givenMgPerM2, BigDecimal mg, String note) {

    public boolean withheld() {
        return mg == null;
    }
}
