package org.cartpath.scheduling.planning;

/**
 * When a lymphodepletion regimen runs and when the infusion follows, counted from its first chemotherapy day
 * (docs/clinical/lymphodepletion-timing.md). A regimen given on days −5 to −3 before infusion has its last chemotherapy day 2 days
 * after the first and the infusion exactly 3 days after the last; Kymriah's fludarabine × 4 has its last
 * chemotherapy day 3 days after the first and the infusion 2 to 14 days after it.
 *
 * @param regimen              the regimen's name as the label gives it
 * @param lastChemotherapyDay  days from the first to the last chemotherapy day (0 for a one-day regimen)
 * @param infusionFromAfterEnd first day of the infusion window, in days after the last chemotherapy day
 * @param infusionToAfterEnd   last day of the infusion window, in days after the last chemotherapy day
 */
public record LymphodepletionTiming(String regimen, int lastChemotherapyDay, int infusionFromAfterEnd,
        int infusionToAfterEnd, String source, boolean isDefault) {

    public LymphodepletionTiming {
        if (lastChemotherapyDay < 0 || infusionFromAfterEnd < 0 || infusionToAfterEnd < infusionFromAfterEnd) {
            throw new IllegalArgumentException("not a lymphodepletion timing: " + lastChemotherapyDay + ", "
                    + infusionFromAfterEnd + "–" + infusionToAfterEnd);
        }
    }
}
