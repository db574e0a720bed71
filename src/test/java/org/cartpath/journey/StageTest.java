package org.cartpath.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "REFERRED, TRIAGED, true",
            "REFERRED, ELIGIBILITY_ASSESSED, false",
            "REFERRED, PANEL_APPROVED, false",
            "TRIAGED, ELIGIBILITY_ASSESSED, true",
            "ELIGIBILITY_ASSESSED, PANEL_APPROVED, true",
            "ELIGIBILITY_ASSESSED, SLOT_BOOKED, false",
            "PANEL_APPROVED, SLOT_BOOKED, true",
            "PANEL_APPROVED, TRIAGED, false",
            "SLOT_BOOKED, COLLECTED, true",
            "COLLECTED, IN_MANUFACTURING, true",
            "IN_MANUFACTURING, RELEASED, true",
            "IN_MANUFACTURING, SLOT_BOOKED, true",
            "IN_MANUFACTURING, COLLECTED, false",
            "RELEASED, RECEIVED, true",
            "RELEASED, IN_MANUFACTURING, true",
            "RECEIVED, LYMPHODEPLETION, true",
            "RECEIVED, INFUSED, false",
            "LYMPHODEPLETION, INFUSED, true",
            "INFUSED, MONITORING, true",
            "MONITORING, FOLLOW_UP, true",
            "FOLLOW_UP, COMPLETED, true",
            "MONITORING, COMPLETED, false",
            "REFERRED, DECLINED, true",
            "PANEL_APPROVED, DECLINED, true",
            "SLOT_BOOKED, DECLINED, false",
            "INFUSED, DECLINED, false",
            "REFERRED, WITHDRAWN, true",
            "MONITORING, WITHDRAWN, true",
            "FOLLOW_UP, DECEASED, true",
            "COMPLETED, DECEASED, false",
            "WITHDRAWN, REFERRED, false",
            "DECEASED, WITHDRAWN, false",
            "DECLINED, TRIAGED, false",
            "REFERRED, REFERRED, false",
            "REFERRED, COMPLETED, false"})
    void theStageOrderAllowsOnlyItsSteps(Stage from, Stage to, boolean allowed) {
        assertThat(from.mayMoveTo(to)).isEqualTo(allowed);
    }

    @org.junit.jupiter.api.Test
    void everyStageOfThePathButTheLastHasTheNextAsAFollower() {
        Stage[] path = Stage.path();
        for (int i = 0; i < path.length - 1; i++) {
            assertThat(path[i].followers()).contains(path[i + 1]);
        }
        assertThat(Stage.COMPLETED.followers()).isEmpty();
    }
}
