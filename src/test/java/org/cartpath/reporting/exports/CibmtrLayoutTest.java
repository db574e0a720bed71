package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CIBMTR Form 4100 rows (docs/reporting/cibmtr-4100.md): the form's period runs from the previous time point's date
 * of contact (day 0 for the day-100 form) to this one's; what happened in it, and only that, is reported; a death is
 * reported once, on the form whose period holds it.
 */
class CibmtrLayoutTest {

    static final LocalDate DAY_ZERO = LocalDate.of(2026, 1, 10);
    static final LocalDate CUT_OFF = LocalDate.of(2027, 1, 31);
    // the CIBMTR windows of the registry contract: day 100 (days 90–110 here), 6 months (days 150–210)
    static final CibmtrFollowUp.Timepoint DAY_100 = new CibmtrFollowUp.Timepoint("DAY_100", DAY_ZERO.plusDays(100),
            DAY_ZERO.plusDays(90), DAY_ZERO.plusDays(110));
    static final CibmtrFollowUp.Timepoint MONTH_6 = new CibmtrFollowUp.Timepoint("MONTH_6", DAY_ZERO.plusDays(183),
            DAY_ZERO.plusDays(150), DAY_ZERO.plusDays(210));

    private static CibmtrFollowUp form(CibmtrFollowUp.Timepoint at, List<LocalDate> contacts, LocalDate died,
            String cause, List<CibmtrFollowUp.Response> responses, List<CibmtrFollowUp.Event> relapses,
            List<CibmtrFollowUp.Episode> episodes, List<LocalDate> tocilizumab) {
        return new CibmtrFollowUp(UUID.nameUUIDFromBytes("case".getBytes()), "CP-2026-00007", "PSEUDO-1", "RP4",
                "KYMRIAH", DAY_ZERO, at, List.of(DAY_100, MONTH_6), contacts, died, cause, responses, relapses,
                List.of(), episodes, tocilizumab, "1234567890");
    }

    private static final List<CibmtrFollowUp.Response> RESPONSES = List.of(
            new CibmtrFollowUp.Response(DAY_ZERO.plusDays(28), "B_ALL", "COMPLETE_REMISSION", 1),
            new CibmtrFollowUp.Response(DAY_ZERO.plusDays(90), "B_ALL", "MRD_NEGATIVE_COMPLETE_REMISSION", 0),
            new CibmtrFollowUp.Response(DAY_ZERO.plusDays(170), "B_ALL", "COMPLETE_REMISSION", 1));
    private static final List<CibmtrFollowUp.Episode> EPISODES = List.of(
            new CibmtrFollowUp.Episode("CRS", DAY_ZERO.plusDays(2), 2),
            new CibmtrFollowUp.Episode("CRS", DAY_ZERO.plusDays(9), 3),
            new CibmtrFollowUp.Episode("ICANS", DAY_ZERO.plusDays(6), 1));

    @Test
    void theDay100FormReportsFromDay0ToTheContactTheBestResponseAndTheToxicitiesOfThatPeriod() {
        CibmtrFollowUp f = form(DAY_100, List.of(DAY_ZERO.plusDays(28), DAY_ZERO.plusDays(95), DAY_ZERO.plusDays(104),
                DAY_ZERO.plusDays(140)), null, null, RESPONSES, List.of(), EPISODES, List.of(DAY_ZERO.plusDays(3)));
        assertThat(CibmtrLayout.row(f, CUT_OFF, false)).containsExactly("1234567890", "CP-2026-00007", "RP4", "KYMRIAH",
                "2026-01-10", "DAY_100", "2026-01-10", "2026-04-24", "2026-04-24", "ALIVE", "", "",
                "MRD_NEGATIVE_COMPLETE_REMISSION", "B_ALL", "2026-04-10", "N", "", "", "Y", "3", "2026-01-12", "Y",
                "Y", "1", "2026-01-16", "N", "", "");
        assertThat(CibmtrLayout.gaps(f, CUT_OFF, false)).isEmpty();
    }

    @Test
    void theSixMonthFormStartsAfterTheDay100ContactAndReportsOnlyWhatHappenedSince() {
        LocalDate relapse = DAY_ZERO.plusDays(160);
        CibmtrFollowUp f = form(MONTH_6, List.of(DAY_ZERO.plusDays(104), DAY_ZERO.plusDays(185)), null, null,
                RESPONSES, List.of(new CibmtrFollowUp.Event(relapse, "RELAPSE", "CD19 negative")), EPISODES,
                List.of(DAY_ZERO.plusDays(3)));
        List<String> row = CibmtrLayout.row(f, CUT_OFF, true);
        assertThat(row.get(1)).isEqualTo("PSEUDO-1");
        assertThat(row.get(0)).as("no CRID in a pseudonymised extract").isEmpty();
        assertThat(row.subList(5, 18)).containsExactly("MONTH_6", "2026-04-24", "2026-07-14", "2026-07-14", "ALIVE",
                "", "", "COMPLETE_REMISSION", "B_ALL", "2026-06-29", "Y", "2026-06-19", "CD19 negative");
        assertThat(row.subList(18, 28)).as("no CRS, ICANS or tocilizumab after day 100")
                .containsExactly("N", "", "", "N", "N", "", "", "N", "", "");
    }

    @ParameterizedTest(name = "day 100 contact on day {0}: date of contact \"{1}\"")
    @CsvSource({
            "89,  ''", // the day before the window opens
            "90,  2026-04-10", // the window's first day
            "110, 2026-04-30", // its last day
            "111, ''"}) // the day after
    void theDateOfContactIsTheLastKnownAliveDayInTheTimepointsWindow(int day, String expected) {
        CibmtrFollowUp f = form(DAY_100, List.of(DAY_ZERO.plusDays(day)), null, null, RESPONSES, List.of(), List.of(),
                List.of());
        assertThat(CibmtrLayout.row(f, CUT_OFF, false).get(8)).isEqualTo(expected);
        assertThat(CibmtrLayout.gaps(f, CUT_OFF, false).stream()
                .anyMatch(g -> g.field().startsWith("Q2 Date of actual contact"))).isEqualTo(expected.isEmpty());
    }

    @Test
    void aContactAfterTheCutOffIsNotUsed() {
        CibmtrFollowUp f = form(DAY_100, List.of(DAY_ZERO.plusDays(105)), null, null, RESPONSES, List.of(), List.of(),
                List.of());
        assertThat(CibmtrLayout.row(f, DAY_ZERO.plusDays(104), false).get(8)).isEmpty();
    }

    @Test
    void aDeathIsReportedOnTheFormWhoseWindowHoldsItWithItsCauseAndNoFormComesDueAfter() {
        LocalDate died = DAY_ZERO.plusDays(60);
        CibmtrFollowUp day100 = form(DAY_100, List.of(DAY_ZERO.plusDays(28)), died, "INFECTION", RESPONSES, List.of(),
                EPISODES, List.of());
        List<String> row = CibmtrLayout.row(day100, CUT_OFF, false);
        assertThat(row.subList(7, 12)).containsExactly("2026-03-11", "2026-03-11", "DEAD", "2026-03-11", "INFECTION");
        assertThat(CibmtrLayout.due(day100, CUT_OFF)).isTrue();
        CibmtrFollowUp month6 = form(MONTH_6, List.of(DAY_ZERO.plusDays(28)), died, "INFECTION", RESPONSES, List.of(),
                EPISODES, List.of());
        assertThat(CibmtrLayout.due(month6, CUT_OFF)).isFalse();
    }

    @Test
    void aDeathWithoutACauseAndADay100FormWithoutAResponseAreGaps() {
        CibmtrFollowUp f = form(DAY_100, List.of(DAY_ZERO.plusDays(95)), DAY_ZERO.plusDays(96), null, List.of(),
                List.of(), List.of(), List.of());
        assertThat(CibmtrLayout.gaps(f, CUT_OFF, true)).extracting(Gap::field).containsExactly(
                "Primary cause of death: the death is recorded without a cause",
                "Q9 Best response to cellular therapy: no response assessment by day 100");
        assertThat(CibmtrLayout.gaps(f, CUT_OFF, true)).allMatch(g -> g.patient().equals("PSEUDO-1") && g.fixAt() == null);
    }

    @Test
    void theHeaderAndEveryRowHaveTheSameColumnsAndTheUnfillableQuestionsAreNamed() {
        CibmtrFollowUp f = form(DAY_100, List.of(), null, null, List.of(), List.of(), List.of(), List.of());
        assertThat(CibmtrLayout.row(f, CUT_OFF, false)).hasSameSizeAs(CibmtrLayout.HEADER);
        assertThat(CibmtrLayout.UNFILLABLE).containsKeys("Q180-184 Infection", "Q34-56 Persistence of cells")
                .doesNotContainKey("crid");
    }

    @Test
    void eachForm4100RowIsOneJsonDocumentWithItsCridAndTheQuestionNumbersOfItsColumns() {
        CibmtrFollowUp f = form(DAY_100, List.of(DAY_ZERO.plusDays(95)), null, null, RESPONSES, List.of(), EPISODES,
                List.of());
        List<java.util.Map<String, Object>> documents = RegistryForm.documents(CibmtrLayout.FORM,
                ExportKind.CIBMTR_4100, CibmtrLayout.HEADER, List.of(CibmtrLayout.row(f, CUT_OFF, false)));
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0)).containsEntry("crid", "1234567890").containsEntry("patient", "CP-2026-00007")
                .containsEntry("centreOdsCode", "RP4").containsEntry("form", "CIBMTR Form 4100");
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> answers = (List<java.util.Map<String, Object>>) documents.get(0)
                .get("answers");
        assertThat(answers).filteredOn(a -> "q9_best_response".equals(a.get("field"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("question", "Q9")
                        .containsEntry("value", "MRD_NEGATIVE_COMPLETE_REMISSION"));
        assertThat(answers).filteredOn(a -> "crs_highest_grade".equals(a.get("field"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("question", null).containsEntry("value", "3"));
    }

    @Test
    void aFormWithoutTheRecordedCridIsAGapLinkingToTheRegistryPage() {
        CibmtrFollowUp with = form(DAY_100, List.of(DAY_ZERO.plusDays(95)), null, null, RESPONSES, List.of(),
                List.of(), List.of());
        CibmtrFollowUp without = new CibmtrFollowUp(with.caseId(), with.caseReference(), with.pseudonym(),
                with.centreOds(), with.productCode(), with.dayZero(), with.timepoint(), with.timepoints(),
                with.contacts(), null, null, with.responses(), List.of(), List.of(), List.of(), List.of());
        assertThat(CibmtrLayout.gaps(with, CUT_OFF, false)).isEmpty();
        assertThat(CibmtrLayout.gaps(without, CUT_OFF, false)).extracting(Gap::field, Gap::fixAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CIBMTR Research ID (CRID): not recorded",
                        "/exports/registry/" + with.caseId()));
        assertThat(CibmtrLayout.row(without, CUT_OFF, false).get(0)).isEmpty();
    }
}
