package org.cartpath.journey;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why an organisation may see a case (DataVisibility decides how much), and for how long: most parties keep their
 * reach for the life of the case; the national panel's reach ends once the case has gone past its decision
 * (see docs/adr/0019-what-each-organisation-sees.md). The panel keeps its own agenda records of the case
 * ({@link CaseJourney#getAsParty}), never the bookings, custody or manufacturing that follow.
 *
 * <p>Queries that list cases read the same rule from the {@code case_reach} view (migration V175) through
 * {@code shared.DataScope#reachesCase}; {@code CaseJourneyIT} checks the two agree for every role and stage.
 */
public enum PartyRole {
    REFERRING_HOSPITAL,
    TREATING_CENTRE,
    NATIONAL_PANEL(EnumSet.of(Stage.REFERRED, Stage.TRIAGED, Stage.ELIGIBILITY_ASSESSED, Stage.PANEL_APPROVED,
            Stage.DECLINED)),
    MANUFACTURER,
    COURIER;

    private final Set<Stage> reach;

    PartyRole() {
        this(EnumSet.allOf(Stage.class));
    }

    PartyRole(Set<Stage> reach) {
        this.reach = Set.copyOf(reach);
    }

    /** Whether an organisation that is a party in this role sees the case while it is at {@code stage}. */
    public boolean reaches(Stage stage) {
        return reach.contains(stage);
    }
}
