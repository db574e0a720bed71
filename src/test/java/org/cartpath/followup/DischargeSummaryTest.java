package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.cartpath.followup.outcomes.IcahtSeries;
import org.cartpath.shared.OrganisationId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The discharge summary's words (docs/clinical/discharge-documents.md): what it says for the facts held, and that a
 * fact cartpath does not hold is said to be not recorded, never left out or guessed.
 */
class DischargeSummaryTest {

    private static final LocalDate DAY_ZERO = LocalDate.of(2026, 9, 1);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static AlertCard card(LocalDate drivingUntil) {
        return new AlertCard("CP-2026-00042", "Amira Khan", LocalDate.of(2016, 3, 1), "9434765919", "Kymriah",
                "tisagenlecleucel", DAY_ZERO, "Great Ormond Street Hospital", new CentreContact(OrganisationId.random(),
                        "CAR-T team (24 hours)", "020 7405 9200", 1, Instant.EPOCH, "Coordinator"),
                drivingUntil, drivingUntil == null ? null : 56, "label", DAY_ZERO.plusDays(40));
    }

    private static DischargeSummary summary(List<DischargeSummary.LymphodepletionDose> doses,
            List<DischargeSummary.Episode> episodes, IcahtSeries.Early icaht, ResponseAssessment response,
            List<OutcomeEvent> events) {
        return new DischargeSummary(card(DAY_ZERO.plusDays(56)), "B-cell acute lymphoblastic leukaemia",
                "Leeds General Infirmary", new DischargeSummary.Infusion(Instant.parse("2026-09-01T10:30:00Z"),
                        "LOT-1", new BigDecimal("1.2E+8"), new BigDecimal("5.0E+6"), new BigDecimal("24"), null),
                doses, episodes, List.of(), icaht, null, null, response, List.of(), events,
                List.of(PlannedVisit.planned("D56", "Day 56", DAY_ZERO.plusDays(56))), List.of(), "Dr Consultant",
                LONDON);
    }

    private static String text(DischargeSummary summary) {
        StringBuilder text = new StringBuilder();
        for (DischargeSummary.Section s : summary.sections()) {
            text.append("## ").append(s.title()).append('\n');
            s.lines().forEach(l -> text.append(l.label() == null ? "" : l.label() + ": ").append(l.value())
                    .append('\n'));
        }
        return text.toString();
    }

    private static IcahtSeries.Early icahtFrom(int lastDay, double anc) {
        Map<Integer, Double> series = new java.util.HashMap<>();
        IntStream.rangeClosed(0, lastDay).forEach(d -> series.put(d, anc));
        return IcahtSeries.early(series);
    }

    @Test
    void theInfusionDoseLotAndTheLabelsDrivingDateArePrintedAndTheAbsentFactsSaySo() {
        String text = text(summary(List.of(), List.of(), icahtFrom(-1, 0), null, List.of()));
        assertThat(text).contains("Infusion: 1 September 2026, 11:30 (day 0), lot LOT-1",
                "Dose: 120E+6 CAR-positive viable T cells (5.0E+6 per kg at 24 kg)", "Infusion reactions: None recorded",
                "Lymphodepletion: Not recorded in cartpath", "Cytokine release syndrome (CRS): None recorded",
                "Tocilizumab: Not given", "Corticosteroids: Not recorded in cartpath",
                "Early haematotoxicity (ICAHT): No neutrophil counts recorded for days 0 to 30",
                "Response: No response assessment recorded yet", "Blood counts: None recorded in follow-up",
                "Clinic visit: Day 56: 27 October 2026", "Do not drive or use machines before 2026-10-27",
                "24-hour contact: CAR-T team (24 hours), 020 7405 9200");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an open episode                 | CRS   | 3 | 2  |    | grade 3 at its highest (ASTCT 2019), from day 2, not resolved when printed
            a resolved episode              | CRS   | 1 | 1  | 4  | grade 1 at its highest (ASTCT 2019), from day 1 to day 4
            an ICANS episode on its own line| ICANS | 2 | 5  | 9  | Neurotoxicity (ICANS): grade 2 at its highest (ASTCT 2019), from day 5 to day 9
            """)
    void eachEpisodeIsPrintedWithItsHighestGradeAndItsDays(String what, String syndrome, int grade, int onset,
            Integer resolved, String expected) {
        String text = text(summary(List.of(), List.of(new DischargeSummary.Episode(syndrome, onset, grade, resolved)),
                icahtFrom(-1, 0), null, List.of()));
        assertThat(text).contains(expected);
    }

    @ParameterizedTest(name = "ANC {1} on days 0 to {0}")
    @CsvSource(delimiter = '|', textBlock = """
            30 | 1500 | No early ICAHT
            30 | 300  | Grade 4 (31 days with neutrophils at or below 0.5 ×10^9/L)
            12 | 300  | At least grade 2 so far; 18 of days 0 to 30 have no neutrophil count, so the grade is not final
            """)
    void earlyIcahtIsFinalOnlyFromTheWholeSeries(int lastDay, double anc, String expected) {
        assertThat(text(summary(List.of(), List.of(), icahtFrom(lastDay, anc), null, List.of()))).contains(expected);
    }

    @Test
    void fludarabineGivenAsksForIrradiatedBloodForLifeAndAHeldDoseDoesNot() {
        DischargeSummary.LymphodepletionDose given = new DischargeSummary.LymphodepletionDose("Fludarabine",
                DAY_ZERO.minusDays(5), "Given", new BigDecimal("27"));
        DischargeSummary.LymphodepletionDose held = new DischargeSummary.LymphodepletionDose("Fludarabine",
                DAY_ZERO.minusDays(5), "Held", null);
        assertThat(summary(List.of(given), List.of(), icahtFrom(-1, 0), null, List.of()).advice())
                .anySatisfy(a -> assertThat(a.text()).startsWith("Irradiated cellular blood components for life"));
        assertThat(text(summary(List.of(given), List.of(), icahtFrom(-1, 0), null, List.of())))
                .contains("Lymphodepletion: Fludarabine, 27 August 2026: Given 27 mg");
        assertThat(summary(List.of(held), List.of(), icahtFrom(-1, 0), null, List.of()).advice())
                .anySatisfy(a -> assertThat(a.text()).contains("until at least 3 months after the infusion"))
                .noneSatisfy(a -> assertThat(a.text()).contains("components for life"));
        assertThat(summary(List.of(), List.of(), icahtFrom(-1, 0), null, List.of()).advice())
                .allSatisfy(a -> assertThat(a.source()).isNotBlank())
                .anySatisfy(a -> assertThat(a.text()).contains("must not donate blood, organs, tissues or cells"));
    }

    @Test
    void theLatestResponseAndTheOutcomeEventsArePrintedWithTheirDates() {
        ResponseAssessment response = new ResponseAssessment(UUID.randomUUID(), UUID.randomUUID(), 1,
                DAY_ZERO.plusDays(28), ResponseFramework.B_ALL, Map.of(), "MRD_NEGATIVE_COMPLETE_REMISSION",
                "MRD_NEGATIVE_COMPLETE_REMISSION", "MRD-negative complete remission", null, null, null, null,
                "Dr Consultant", Instant.EPOCH);
        OutcomeEvent relapse = new OutcomeEvent(UUID.randomUUID(), OutcomeEvent.Kind.RELAPSE, DAY_ZERO.plusDays(200),
                Map.of("site", "marrow", "targetAntigen", "CD19", "antigenStatus", "NEGATIVE"),
                OutcomeEvent.InformationSource.CLINIC_VISIT, null, "Dr Consultant", Instant.EPOCH);
        String text = text(summary(List.of(), List.of(), icahtFrom(-1, 0), response, List.of(relapse)));
        assertThat(text).contains("Latest response: MRD-negative complete remission (B-cell acute lymphoblastic"
                + " leukaemia, 29 September 2026)", "20 March 2027: CD19 " + OutcomeEvent.AntigenStatus.NEGATIVE
                .label() + " relapse (marrow)");
    }
}
