package org.cartpath.followup;

import java.time.LocalDate;

/**
 * What the patient alert card says (docs/clinical/discharge-documents.md): every CAR-T label asks that the patient
 * carries a card naming the product and the infusion date, telling any doctor they have had CAR-T therapy, the signs
 * to act on, when they may drive again, and whom to call at any hour.
 *
 * @param drivingUntil   the first day the label's no-driving period allows driving again, or {@code null} when the
 *                       label version held gives no period (the card then says to ask the team)
 * @param drivingSource  where that period comes from (the label version and its section), or why there is none
 */
public record AlertCard(String caseReference, String patientName, LocalDate dateOfBirth, String nhsNumber,
        String productName, String inn, LocalDate infusedOn, String centreName, CentreContact contact,
        LocalDate drivingUntil, Integer noDrivingDays, String drivingSource, LocalDate printedOn) {

    /** The signs the labels' patient cards list for cytokine release syndrome and neurotoxicity, in plain words. */
    public static final String WARNING_SIGNS = "a high temperature, chills or shivering, dizziness or feeling faint,"
            + " difficulty breathing, a fast heartbeat, confusion, drowsiness, trouble speaking or writing, shaking,"
            + " or fits";

    public String drivingAdvice() {
        return drivingUntil == null
                ? "Do not drive or use machines until your CAR-T team tells you that you may."
                : "Do not drive or use machines before " + drivingUntil + " (for at least " + noDrivingDays
                        + " days after the infusion).";
    }
}
