package org.cartpath.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CDF outcomes extract's rows and completeness (docs/reporting/cdf-outcomes-extract.md). */
class CdfLayoutTest {

    private static final LocalDate CUT_OFF = LocalDate.of(2026, 11, 30);
    private static final LocalDate DAY_ZERO = LocalDate.of(2026, 6, 1);

    private static CdfPatient patient(String pseudonym, String indication, LocalDate approved, LocalDate dayZero,
            List<CdfPatient.Response> responses, LocalDate relapse, LocalDate died, LocalDate lastContact) {
        return new CdfPatient(UUID.nameUUIDFromBytes(pseudonym.getBytes()), "REF-" + pseudonym, pseudonym, "RP4",
                "KYMRIAH", indication, approved, dayZero, responses, relapse, relapse == null ? null : "RELAPSE",
                died, lastContact);
    }

    @Test
    void aResponderAliveAtTheCutOffIsCensoredAtTheLastContact() {
        CdfPatient p = patient("P-a", "B_ALL", LocalDate.of(2026, 4, 1), DAY_ZERO, List.of(
                new CdfPatient.Response(DAY_ZERO.plusDays(29), "MRD_NEGATIVE_COMPLETE_REMISSION", true)), null, null,
                LocalDate.of(2026, 11, 2));
        assertThat(CdfLayout.row(p, CUT_OFF)).containsExactly("P-a", "RP4", "KYMRIAH", "B_ALL", "2026-04-01", "Y",
                "2026-06-01", "DAY_28", "MRD_NEGATIVE_COMPLETE_REMISSION", "2026-06-30", "ALIVE", "2026-11-02",
                "CENSORED", "", "2026-11-02");
        assertThat(CdfLayout.gaps(p, CUT_OFF, true)).isEmpty();
    }

    @Test
    void noResponseAtTheAssessmentPointIsAnEventOnTheDayOfThatAssessmentAndDeathIsBothOsAndEfs() {
        CdfPatient p = patient("P-b", "LBCL", LocalDate.of(2026, 4, 1), DAY_ZERO, List.of(
                new CdfPatient.Response(DAY_ZERO.plusDays(30), "PARTIAL_METABOLIC_RESPONSE", true),
                new CdfPatient.Response(DAY_ZERO.plusDays(92), "NO_METABOLIC_RESPONSE", false)), null,
                LocalDate.of(2026, 10, 1), null);
        assertThat(CdfLayout.row(p, CUT_OFF)).containsExactly("P-b", "RP4", "KYMRIAH", "LBCL", "2026-04-01", "Y",
                "2026-06-01", "MONTH_3", "NO_METABOLIC_RESPONSE", "2026-09-01", "DEAD", "2026-10-01", "EVENT",
                "NO_RESPONSE", "2026-09-01");
    }

    @Test
    void aRelapseBeforeDeathIsTheEfsEvent() {
        CdfPatient p = patient("P-c", "B_ALL", LocalDate.of(2026, 4, 1), DAY_ZERO, List.of(
                new CdfPatient.Response(DAY_ZERO.plusDays(28), "COMPLETE_REMISSION", true)),
                LocalDate.of(2026, 9, 10), LocalDate.of(2026, 11, 1), null);
        List<String> row = CdfLayout.row(p, CUT_OFF);
        assertThat(row.subList(10, 15)).containsExactly("DEAD", "2026-11-01", "EVENT", "RELAPSE", "2026-09-10");
    }

    @Test
    void aPatientApprovedButNeverInfusedIsInTheExtractWithoutOutcomes() {
        CdfPatient p = patient("P-d", "B_ALL", LocalDate.of(2026, 10, 1), null, List.of(), null, null, null);
        assertThat(CdfLayout.row(p, CUT_OFF)).containsExactly("P-d", "RP4", "KYMRIAH", "B_ALL", "2026-10-01", "N",
                "", "", "", "", "", "", "", "", "");
    }

    @Test
    void theGapsAreTheMissingApprovalAndTheMissingAssessmentOnceItsWindowHasClosed() {
        CdfPatient missing = patient("P-e", "B_ALL", null, DAY_ZERO, List.of(), null, null, null);
        assertThat(CdfLayout.gaps(missing, CUT_OFF, false)).extracting(Gap::field).containsExactly(
                "approval_date: no national panel approval on record",
                "response_at_assessment_point: no response assessment between day 21 and day 42");
        assertThat(CdfLayout.gaps(missing, DAY_ZERO.plusDays(41), false)).as("the window is still open")
                .extracting(Gap::field).containsExactly("approval_date: no national panel approval on record");
    }

    @Test
    void theAssessmentNearestThePointInItsWindowIsTheOneReported() {
        CdfPatient p = patient("P-f", "B_ALL", DAY_ZERO, DAY_ZERO, List.of(
                new CdfPatient.Response(DAY_ZERO.plusDays(14), "NO_RESPONSE", false),
                new CdfPatient.Response(DAY_ZERO.plusDays(35), "COMPLETE_REMISSION", true),
                new CdfPatient.Response(DAY_ZERO.plusDays(24), "COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY", true)),
                null, null, null);
        assertThat(CdfLayout.atAssessmentPoint(p)).get().extracting(CdfPatient.Response::category)
                .isEqualTo("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY");
    }

    @Test
    void rowsAreOrderedByPseudonymAndAPseudonymIsStablePerKeyAndDiffersAcrossKeys() {
        List<List<String>> rows = CdfLayout.rows(List.of(
                patient("P-z", "B_ALL", DAY_ZERO, null, List.of(), null, null, null),
                patient("P-a", "B_ALL", DAY_ZERO, null, List.of(), null, null, null)), CUT_OFF);
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("P-a", "P-z");
        UUID patient = UUID.randomUUID();
        byte[] sact = new byte[32];
        byte[] cdf = new byte[32];
        cdf[0] = 1;
        assertThat(Pseudonyms.of(sact, patient)).isEqualTo(Pseudonyms.of(sact.clone(), patient)).hasSize(34)
                .isNotEqualTo(Pseudonyms.of(cdf, patient)).doesNotContain(patient.toString().substring(0, 8));
    }
}
