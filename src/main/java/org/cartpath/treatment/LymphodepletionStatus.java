package org.cartpath.treatment;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse;
import org.cartpath.treatment.lymphodepletion.PlannedDose;

/**
 * Where a case's lymphodepletion stands: the current plan, each planned dose with what was recorded for it,
 * whether the course is complete, the infusion window that follows and the flags before day 0.
 *
 * @param windowFromActualDoses whether the window counts from the last dose actually given (else the plan's)
 * @param repeatFlaggedOn       when cartpath flagged that the window had closed (a consultant's task), if it did
 */
public record LymphodepletionStatus(
        LymphodepletionPlanRecord plan,
        List<DoseLine> doses,
        boolean complete,
        LocalDate lastGivenOn,
        LocalDate windowEarliest,
        LocalDate windowLatest,
        boolean windowFromActualDoses,
        List<LymphodepletionCourse.Flag> flags,
        LocalDate repeatFlaggedOn) {

    /** A planned dose and its record, if one was made. */
    public record DoseLine(PlannedDose dose, LymphodepletionAdministration record) {
    }

    public LymphodepletionStatus {
        doses = List.copyOf(doses);
        flags = List.copyOf(flags);
    }
}
