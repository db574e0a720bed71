package org.cartpath.followup;

/** Where a registry time point or a clinic visit stands on a day (docs/clinical/follow-up-schedule.md). */
public enum TimepointStatus {
    COMPLETED("Completed"),
    /** A clinic visit the patient did not attend (recorded with the reason). */
    NOT_ATTENDED("Not attended"),
    /** A clinic visit no longer due: the patient died before it. */
    CANCELLED("No longer due"),
    OVERDUE("Overdue"),
    IN_WINDOW("In window"),
    DUE_SOON("Due in the next 14 days"),
    UPCOMING("Upcoming"),
    /** A referring hospital's submission waiting for the centre's review (shared care). */
    TO_REVIEW("To review"),
    /** A referring hospital's submission the centre returned with a question. */
    RETURNED("Returned with a question");

    /** How far ahead the worklist looks, and what "due soon" means. */
    public static final int DUE_SOON_DAYS = 14;

    private final String label;

    TimepointStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
