package org.cartpath.journey;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The stages of a therapy case (ADR 0008), and which
 * stage may follow which. Three endings can follow any stage that is not itself an ending: the patient
 * withdraws, dies, or the case is declined (declined only before a product is collected).
 */
public enum Stage {
    REFERRED("Referred"),
    TRIAGED("Triaged"),
    ELIGIBILITY_ASSESSED("Eligibility assessed"),
    PANEL_APPROVED("Panel approved"),
    SLOT_BOOKED("Slot booked"),
    COLLECTED("Cells collected"),
    IN_MANUFACTURING("In manufacturing"),
    RELEASED("Product released"),
    RECEIVED("Product received"),
    LYMPHODEPLETION("Lymphodepletion"),
    INFUSED("Infused"),
    MONITORING("Monitoring"),
    FOLLOW_UP("Follow-up"),
    COMPLETED("Completed"),
    DECLINED("Declined"),
    WITHDRAWN("Withdrawn"),
    DECEASED("Deceased");

    private static final Set<Stage> ENDINGS = EnumSet.of(COMPLETED, DECLINED, WITHDRAWN, DECEASED);

    /**
     * The forward steps. Two go back on purpose: a manufacturing failure that needs new cells returns the
     * case to booking (ADR 0015: the same booking flow is used again), and a released product that
     * must be re-manufactured returns to manufacturing.
     */
    private static final Map<Stage, Set<Stage>> NEXT = Map.ofEntries(
            Map.entry(REFERRED, EnumSet.of(TRIAGED)),
            Map.entry(TRIAGED, EnumSet.of(ELIGIBILITY_ASSESSED)),
            Map.entry(ELIGIBILITY_ASSESSED, EnumSet.of(PANEL_APPROVED)),
            Map.entry(PANEL_APPROVED, EnumSet.of(SLOT_BOOKED)),
            Map.entry(SLOT_BOOKED, EnumSet.of(COLLECTED)),
            Map.entry(COLLECTED, EnumSet.of(IN_MANUFACTURING)),
            Map.entry(IN_MANUFACTURING, EnumSet.of(RELEASED, SLOT_BOOKED)),
            Map.entry(RELEASED, EnumSet.of(RECEIVED, IN_MANUFACTURING)),
            Map.entry(RECEIVED, EnumSet.of(LYMPHODEPLETION)),
            Map.entry(LYMPHODEPLETION, EnumSet.of(INFUSED)),
            Map.entry(INFUSED, EnumSet.of(MONITORING)),
            Map.entry(MONITORING, EnumSet.of(FOLLOW_UP)),
            Map.entry(FOLLOW_UP, EnumSet.of(COMPLETED)));

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isEnding() {
        return ENDINGS.contains(this);
    }

    /** Whether a case at this stage may move to {@code next}. */
    public boolean mayMoveTo(Stage next) {
        if (isEnding()) {
            return false;
        }
        if (next == WITHDRAWN || next == DECEASED) {
            return true;
        }
        if (next == DECLINED) {
            return ordinal() <= PANEL_APPROVED.ordinal();
        }
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** The stages that may follow this one, forward steps first. */
    public Set<Stage> followers() {
        Set<Stage> followers = EnumSet.noneOf(Stage.class);
        for (Stage candidate : values()) {
            if (mayMoveTo(candidate)) {
                followers.add(candidate);
            }
        }
        return followers;
    }

    /** The stages of the main path in order, without endings. */
    public static Stage[] path() {
        return new Stage[] {REFERRED, TRIAGED, ELIGIBILITY_ASSESSED, PANEL_APPROVED, SLOT_BOOKED, COLLECTED,
                IN_MANUFACTURING, RELEASED, RECEIVED, LYMPHODEPLETION, INFUSED, MONITORING, FOLLOW_UP, COMPLETED};
    }
}
