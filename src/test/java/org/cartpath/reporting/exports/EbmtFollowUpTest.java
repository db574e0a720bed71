package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The EBMT day-100, 6-month and annual follow-up (docs/reporting/ebmt.md): each period runs from the day after the
 * previous time point (day 0 for day 100) to this one's due date; CRS and ICANS are reported per period with onset,
 * resolution and highest grade (ASTCT 2019), an episode still unresolved at the period's end without a resolution.
 */
class EbmtFollowUpTest {

    static final LocalDate DAY_ZERO = LocalDate.of(2025, 3, 12);
    static final CibmtrFollowUp.Timepoint DAY_100 = new CibmtrFollowUp.Timepoint("DAY_100", DAY_ZERO.plusDays(100),
            null, null);
    static final CibmtrFollowUp.Timepoint MONTH_6 = new CibmtrFollowUp.Timepoint("MONTH_6", DAY_ZERO.plusMonths(6),
            null, null);

    static CibmtrFollowUp source(CibmtrFollowUp.Timepoint at, List<CibmtrFollowUp.Episode> episodes,
            LocalDate died, String cause) {
        return new CibmtrFollowUp(UUID.nameUUIDFromBytes("e".getBytes()), "CP-2025-00009", "P-EEEE", "RP4", "KYMRIAH",
                DAY_ZERO, at, List.of(DAY_100, MONTH_6), List.of(DAY_ZERO.plusDays(28), DAY_ZERO.plusDays(98),
                DAY_ZERO.plusDays(170)), died, cause,
                List.of(new CibmtrFollowUp.Response(DAY_ZERO.plusDays(28), "B_ALL", "COMPLETE_REMISSION", 1)),
                List.of(), List.of(), episodes, List.of(), "729-123456");
    }

    static Map<String, String> fields(EbmtForms.FollowUp f) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        List<String> header = EbmtForms.FOLLOW_UP.header();
        List<String> row = EbmtForms.FOLLOW_UP.row(f, false);
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), row.get(i));
        }
        return byColumn;
    }

    private static final List<CibmtrFollowUp.Episode> EPISODES = List.of(
            new CibmtrFollowUp.Episode("CRS", DAY_ZERO.plusDays(2), 2, DAY_ZERO.plusDays(6)),
            new CibmtrFollowUp.Episode("CRS", DAY_ZERO.plusDays(9), 3, DAY_ZERO.plusDays(12)),
            // a late ICANS that began before day 100 and resolved after it
            new CibmtrFollowUp.Episode("ICANS", DAY_ZERO.plusDays(95), 1, DAY_ZERO.plusDays(110)));

    @Test
    void theDay100FormReportsEveryFieldOfItsPeriodWithCrsAndIcansOnsetResolutionAndHighestGrade() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ebmt_registration_id", "729-123456");
        expected.put("patient", "CP-2025-00009");
        expected.put("centre_ods_code", "RP4");
        expected.put("timepoint", "DAY_100");
        expected.put("date_of_infusion", "2025-03-12");
        expected.put("period_start", "2025-03-12");
        expected.put("period_end", "2025-06-20");
        expected.put("date_of_last_contact", "2025-06-18");
        expected.put("survival_status", "ALIVE");
        expected.put("date_of_death", "");
        expected.put("main_cause_of_death", "");
        expected.put("best_response", "COMPLETE_REMISSION");
        expected.put("best_response_date", "2025-04-09");
        expected.put("relapse_or_progression", "N");
        expected.put("relapse_or_progression_date", "");
        expected.put("crs", "Y");
        expected.put("crs_onset_date", "2025-03-14");
        expected.put("crs_resolution_date", "2025-03-24");
        expected.put("crs_highest_grade", "3");
        expected.put("icans", "Y");
        expected.put("icans_onset_date", "2025-06-15");
        expected.put("icans_resolution_date", "");
        expected.put("icans_highest_grade", "1");
        expected.put("second_malignancy", "N");
        expected.put("second_malignancy_type", "");
        EbmtForms.FollowUp f = EbmtForms.FollowUp.of(source(DAY_100, EPISODES, null, null));
        assertThat(fields(f)).containsExactlyEntriesOf(expected);
        assertThat(EbmtForms.FOLLOW_UP.gaps(f, false)).isEmpty();
    }

    @Test
    void theSixMonthFormStartsTheDayAfterDay100AndCarriesOnlyTheIcansThatWasStillActive() {
        EbmtForms.FollowUp f = EbmtForms.FollowUp.of(source(MONTH_6, EPISODES, null, null));
        Map<String, String> row = fields(f);
        assertThat(row).containsEntry("period_start", "2025-06-21").containsEntry("period_end", "2025-09-12")
                .containsEntry("date_of_last_contact", "2025-08-29").containsEntry("best_response", "")
                .containsEntry("crs", "N").containsEntry("crs_onset_date", "").containsEntry("crs_highest_grade", "")
                .containsEntry("icans", "Y").containsEntry("icans_onset_date", "2025-06-15")
                .containsEntry("icans_resolution_date", "2025-06-30").containsEntry("icans_highest_grade", "1");
    }

    @Test
    void aDeathInThePeriodWithoutItsCauseIsAGapAndNoLaterFormIsDue() {
        LocalDate died = DAY_ZERO.plusDays(60);
        EbmtForms.FollowUp f = EbmtForms.FollowUp.of(source(DAY_100, List.of(), died, null));
        assertThat(fields(f)).containsEntry("survival_status", "DEAD").containsEntry("date_of_death", "2025-05-11")
                .containsEntry("date_of_last_contact", "2025-05-11");
        assertThat(EbmtForms.FOLLOW_UP.gaps(f, false)).extracting(Gap::field)
                .containsExactly("Survival Main cause of death: not recorded");
        assertThat(EbmtForms.due(source(DAY_100, List.of(), died, "INFECTION"))).isTrue();
        assertThat(EbmtForms.due(source(MONTH_6, List.of(), died, "INFECTION"))).isFalse();
    }
}
