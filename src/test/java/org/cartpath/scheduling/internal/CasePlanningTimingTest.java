package org.cartpath.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.LabelledIndication;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.Agent;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.catalogue.LymphodepletionRegimen.InfusionWindow;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.scheduling.planning.LymphodepletionTiming;
import org.junit.jupiter.api.Test;

/** A label's lymphodepletion regimen read as planning timing (docs/clinical/lymphodepletion-timing.md). */
class CasePlanningTimingTest {

    private static Agent agent(Drug drug, Integer... days) {
        return new Agent(drug, SourcedNumber.of("30", "label"), List.of(days), "label");
    }

    private static Optional<LymphodepletionTiming> timing(LymphodepletionRegimen... regimens) {
        return CasePlanning.timing(new LabelledIndication(Indication.B_ALL, "text", "source", List.of(), null,
                List.of(regimens), null), "V1");
    }

    @Test
    void daysCountedBackFromTheInfusionFixTheInfusionAfterTheLastChemotherapyDay() {
        // Yescarta: cyclophosphamide and fludarabine on days -5, -4, -3, infusion day 0
        LymphodepletionTiming t = timing(new LymphodepletionRegimen("cy-flu", "Cy/Flu", DayReference.INFUSION,
                List.of(agent(Drug.CYCLOPHOSPHAMIDE, -5, -4, -3), agent(Drug.FLUDARABINE, -5, -4, -3)), null, "Yescarta label"))
                .orElseThrow();
        assertThat(t.lastChemotherapyDay()).isEqualTo(2);
        assertThat(t.infusionFromAfterEnd()).isEqualTo(3);
        assertThat(t.infusionToAfterEnd()).isEqualTo(3);
        assertThat(t.source()).isEqualTo("label V1: Yescarta label");
        assertThat(t.isDefault()).isFalse();
    }

    @Test
    void tecartusAllEndsWithCyclophosphamideOnDayMinusTwo() {
        LymphodepletionTiming t = timing(new LymphodepletionRegimen("flu-cy", "Flu/Cy", DayReference.INFUSION,
                List.of(agent(Drug.FLUDARABINE, -4, -3, -2), agent(Drug.CYCLOPHOSPHAMIDE, -2)), null, "Tecartus label"))
                .orElseThrow();
        assertThat(t.lastChemotherapyDay()).isEqualTo(2);
        assertThat(t.infusionFromAfterEnd()).isEqualTo(2);
    }

    @Test
    void daysFromTheFirstChemotherapyDayUseTheLabelsInfusionWindow() {
        // Kymriah B-ALL: fludarabine days 0-3, infuse 2 to 14 days after
        LymphodepletionTiming t = timing(new LymphodepletionRegimen("flu-cy", "Flu/Cy", DayReference.LYMPHODEPLETION_START,
                List.of(agent(Drug.FLUDARABINE, 0, 1, 2, 3), agent(Drug.CYCLOPHOSPHAMIDE, 0, 1)),
                new InfusionWindow(SourcedNumber.of("2", "label"), SourcedNumber.of("14", "label")), "Kymriah label"))
                .orElseThrow();
        assertThat(t.lastChemotherapyDay()).isEqualTo(3);
        assertThat(t.infusionFromAfterEnd()).isEqualTo(2);
        assertThat(t.infusionToAfterEnd()).isEqualTo(14);
    }

    @Test
    void aRegimenWithoutAnInfusionWindowOrDaysOrNoRegimenFallsBackToTheDefault() {
        assertThat(timing(new LymphodepletionRegimen("x", "X", DayReference.LYMPHODEPLETION_START,
                List.of(agent(Drug.FLUDARABINE, 0, 1)), new InfusionWindow(SourcedNumber.absent("not given"),
                SourcedNumber.of("7", "label")), "label"))).isEmpty();
        assertThat(timing(new LymphodepletionRegimen("x", "X", DayReference.LYMPHODEPLETION_START,
                List.of(agent(Drug.FLUDARABINE, 0, 1)), null, "label"))).isEmpty();
        assertThat(timing(new LymphodepletionRegimen("x", "X", DayReference.INFUSION,
                List.of(agent(Drug.FLUDARABINE, -2, 0)), null, "label"))).isEmpty();
        assertThat(timing()).isEmpty();
    }
}
