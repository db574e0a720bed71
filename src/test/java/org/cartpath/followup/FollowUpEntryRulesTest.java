package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.followup.FollowUpEntry.Kind;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The rules of follow-up entries (docs/clinical/follow-up.md) and of the response course
 * (docs/clinical/response-assessment.md) without a database: refusals naming the field, ICAHT from the recorded counts,
 * the M-protein nadir tracked across assessments, and the duration of response.
 */
class FollowUpEntryRulesTest {

    static final LocalDate DAY_ZERO = LocalDate.of(2026, 3, 2);
    static final LocalDate TODAY = DAY_ZERO.plusDays(60);

    static Map<String, Object> counts(Object anc) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("anc", anc);
        values.put("growthFactor", "false");
        values.put("redCellTransfusion", false);
        values.put("plateletTransfusion", false);
        return values;
    }

    static List<String> refusedFields(FollowUpEntries.Entry entry, LocalDate died) {
        try {
            FollowUpEntries.check(entry, DAY_ZERO, TODAY, died, null);
        } catch (ProblemException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.fieldProblems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
        return List.of();
    }

    @Test
    void refusesADateBeforeDay0InTheFutureOrAfterTheDeathAndNegativeOrImplausibleCountsNamingTheField() {
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO.minusDays(1), counts("1.2"),
                null), null)).containsExactly("observedOn: must be on or after day 0, the infusion on " + DAY_ZERO);
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, TODAY.plusDays(1), counts("1.2"),
                null), null)).containsExactly("observedOn: cannot be in the future");
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO.plusDays(50), counts("1.2"),
                null), DAY_ZERO.plusDays(40)))
                .containsExactly("observedOn: cannot be after the patient's death on " + DAY_ZERO.plusDays(40));
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO, counts(new BigDecimal("-0.1")),
                null), null)).containsExactly("values.anc: cannot be negative");
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO, counts("1200"), null), null))
                .as("an ANC in cells/µL typed where 10^9/L is asked")
                .containsExactly("values.anc: must be at most 100 ×10⁹/L: check the unit");
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO, counts("a lot"), null), null))
                .containsExactly("values.anc: must be a number");
        Map<String, Object> noSupport = counts("1.2");
        noSupport.remove("growthFactor");
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO, noSupport, null), null))
                .containsExactly("values.growthFactor: is required");
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.B_CELLS_AND_IMMUNOGLOBULIN, DAY_ZERO,
                Map.of("ivigGiven", false), null), null)).hasSize(1).first().asString()
                .startsWith("values.cd19BCells");
        assertThat(refusedFields(new FollowUpEntries.Entry(Kind.INFECTION, DAY_ZERO, Map.of("site", "Lung",
                "organismType", "PRION", "severityGrade", "6", "admission", "NONE"), null), null))
                .containsExactly("values.organismType: must be one of [BACTERIAL, VIRAL, FUNGAL, PARASITIC, UNKNOWN]",
                        "values.severityGrade: must be one of [1, 2, 3, 4, 5]");
        assertThat(refusedFields(new FollowUpEntries.Entry(null, null, Map.of(), null), null))
                .extracting(f -> f.substring(0, f.indexOf(':'))).containsExactly("kind", "observedOn");
    }

    @Test
    void aCorrectionKeepsTheKindOfTheEntry() {
        assertThatThrownBy(() -> FollowUpEntries.check(new FollowUpEntries.Entry(Kind.INFECTION, DAY_ZERO,
                Map.of(), null), DAY_ZERO, TODAY, null, Kind.BLOOD_COUNT)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).fieldProblems().get(0).field()).isEqualTo("kind"));
    }

    static FollowUpEntry entry(UUID entryId, int version, int day, String anc) {
        return new FollowUpEntry(UUID.randomUUID(), entryId, version, Kind.BLOOD_COUNT, DAY_ZERO.plusDays(day),
                FollowUpEntries.check(new FollowUpEntries.Entry(Kind.BLOOD_COUNT, DAY_ZERO.plusDays(day),
                        counts(anc), null), DAY_ZERO, TODAY, null, null), null, version == 1 ? null : "typo",
                "Dr Test", Instant.parse("2026-05-01T10:00:00Z").plusSeconds(version));
    }

    @Test
    void icahtIsDerivedFromTheCurrentVersionsOfTheRecordedCountsInTenToTheNinthPerLitre() {
        List<FollowUpEntry> versions = new ArrayList<>();
        UUID corrected = null;
        for (int day = 0; day <= 30; day++) {
            UUID id = UUID.randomUUID();
            // days 3 to 9 at 0.3 × 10^9/L (300/µL): 7 days ≤ 500/µL, grade 2
            versions.add(entry(id, 1, day, day >= 3 && day <= 9 ? "0.3" : "1.5"));
            if (day == 10) {
                corrected = id;
            }
        }
        FollowUpEntries.History before = FollowUpEntries.summarise(DAY_ZERO, versions);
        assertThat(before.earlyIcaht().grade()).isEqualTo(2);
        // day 10 corrected down to 0.4: now 8 days; the first version no longer counts
        versions.add(entry(corrected, 2, 10, "0.4"));
        FollowUpEntries.History after = FollowUpEntries.summarise(DAY_ZERO, versions);
        assertThat(after.earlyIcaht().daysAtOrBelow500()).isEqualTo(8);
        assertThat(after.bloodCounts()).hasSize(31);
        FollowUpEntry day10 = after.bloodCounts().get(10);
        assertThat(day10.version()).isEqualTo(2);
        assertThat(after.earlierVersions(day10)).singleElement().satisfies(v -> assertThat(v.display("anc"))
                .isEqualTo("1.5"));
        // late: two results ≤ 1.0 × 10^9/L after day 30
        versions.add(entry(UUID.randomUUID(), 1, 45, "0.9"));
        versions.add(entry(UUID.randomUUID(), 1, 59, "1.0"));
        assertThat(FollowUpEntries.summarise(DAY_ZERO, versions).lateIcaht().grade()).isEqualTo(2);
    }

    @Test
    void withADayMissingTheEarlyGradeIsNotGivenAndTheMissingDayIsNamed() {
        List<FollowUpEntry> versions = new ArrayList<>();
        for (int day = 0; day <= 30; day++) {
            if (day != 12) {
                versions.add(entry(UUID.randomUUID(), 1, day, "1.5"));
            }
        }
        FollowUpEntries.History history = FollowUpEntries.summarise(DAY_ZERO, versions);
        assertThat(history.earlyIcaht().grade()).isNull();
        assertThat(history.earlyIcaht().missingDays()).containsExactly(12);
    }

    static ResponseAssessment imwg(LocalDate on, String serum, String category) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("baselineSerumMProteinGPerDl", new BigDecimal("4.0"));
        inputs.put("currentSerumMProteinGPerDl", new BigDecimal(serum));
        inputs.put("baselineUrineMProteinMgPer24h", new BigDecimal("0"));
        inputs.put("currentUrineMProteinMgPer24h", new BigDecimal("0"));
        inputs.put("serumImmunofixationNegative", false);
        inputs.put("urineImmunofixationNegative", false);
        return new ResponseAssessment(UUID.randomUUID(), UUID.randomUUID(), 1, on, ResponseFramework.IMWG_2016,
                inputs, category, category, ResponseFramework.IMWG_2016.label(category), null, null, null, null,
                "Dr Test", Instant.parse("2026-05-01T10:00:00Z"));
    }

    static ResponseAssessments.Entry imwgEntry(LocalDate on, String serum, String nadir, String derived) {
        Map<String, Object> inputs = new LinkedHashMap<>(imwg(on, serum, derived).inputs());
        if (nadir != null) {
            inputs.put("nadirSerumMProteinGPerDl", new BigDecimal(nadir));
        }
        return new ResponseAssessments.Entry(on, ResponseFramework.IMWG_2016, inputs, derived, null, null, null, null);
    }

    @Test
    void theMProteinNadirIsTrackedAcrossAssessmentsAndANadirAboveTheLowestRecordedValueIsRefused() {
        // 4.0 at baseline, 1.0 g/dL a month after infusion (PR); now 1.6: from the tracked nadir of 1.0 that is +60 %
        // and +0.6 g/dL, progression (IMWG: ≥ 25 % and ≥ 0.5 g/dL from the nadir), though from baseline it is a PR
        List<ResponseAssessment> earlier = List.of(imwg(DAY_ZERO.plusDays(30), "1.0", "PARTIAL_RESPONSE"));
        ResponseAssessments.Entry tracked = ResponseAssessments.withTrackedNadir(
                imwgEntry(DAY_ZERO.plusDays(60), "1.6", null, "PARTIAL_RESPONSE"), earlier, null);
        assertThat(tracked.inputs().get("nadirSerumMProteinGPerDl")).isEqualTo(new BigDecimal("1.0"));
        assertThat(tracked.derivedCategory()).isEqualTo("PROGRESSIVE_DISEASE");
        // a nadir entered above the lowest recorded value would hide it: refused, naming the field
        assertThatThrownBy(() -> ResponseAssessments.withTrackedNadir(
                imwgEntry(DAY_ZERO.plusDays(60), "1.6", "1.5", "PARTIAL_RESPONSE"), earlier, null))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.fieldProblems().get(0).field()).isEqualTo("inputs.nadirSerumMProteinGPerDl");
                    assertThat(p.fieldProblems().get(0).message()).contains("1 g/dL on " + DAY_ZERO.plusDays(30));
                });
        // a later assessment does not lower the nadir of an earlier one
        ResponseAssessments.Entry first = ResponseAssessments.withTrackedNadir(
                imwgEntry(DAY_ZERO.plusDays(10), "3.0", null, "MINIMAL_RESPONSE"), earlier, null);
        assertThat(first.inputs()).doesNotContainKey("nadirSerumMProteinGPerDl");
    }

    @Test
    void theDurationOfAConfirmedMyelomaResponseRunsFromTheFirstConfirmedPartialResponseToConfirmedProgression() {
        List<ResponseAssessment> assessed = List.of(
                imwg(DAY_ZERO.plusDays(30), "1.8", "PARTIAL_RESPONSE"),
                imwg(DAY_ZERO.plusDays(60), "1.5", "PARTIAL_RESPONSE"),
                imwg(DAY_ZERO.plusDays(90), "2.2", "PROGRESSIVE_DISEASE"),
                imwg(DAY_ZERO.plusDays(120), "2.6", "PROGRESSIVE_DISEASE"));
        ResponseHistory history = ResponseAssessments.summarise(assessed);
        assertThat(history.imwg().bestResponse().from()).isEqualTo(DAY_ZERO.plusDays(30));
        List<DurationOfResponse> durations = DurationOfResponse.of(history, List.of(), List.of());
        assertThat(durations).singleElement().satisfies(d -> {
            assertThat(d.from()).isEqualTo(DAY_ZERO.plusDays(30));
            assertThat(d.to()).isEqualTo(DAY_ZERO.plusDays(90));
            assertThat(d.ended()).isTrue();
            assertThat(d.days()).isEqualTo(60);
        });
        // without the confirming second PD, the response is censored at the last contact
        ResponseHistory unconfirmed = ResponseAssessments.summarise(assessed.subList(0, 3));
        assertThat(DurationOfResponse.of(unconfirmed, List.of(), List.of())).singleElement()
                .satisfies(d -> {
                    assertThat(d.ended()).isFalse();
                    assertThat(d.to()).isEqualTo(DAY_ZERO.plusDays(90));
                });
    }

    @Test
    void aRelapseRecordedAsAnOutcomeEventEndsAB_AllResponse() {
        Map<String, Object> inputs = Map.of();
        ResponseAssessment cr = new ResponseAssessment(UUID.randomUUID(), UUID.randomUUID(), 1,
                DAY_ZERO.plusDays(28), ResponseFramework.B_ALL, inputs, "MRD_NEGATIVE_COMPLETE_REMISSION",
                "MRD_NEGATIVE_COMPLETE_REMISSION", "MRD-negative complete remission", null, null, null, null, "Dr",
                Instant.parse("2026-05-01T10:00:00Z"));
        OutcomeEvent relapse = new OutcomeEvent(UUID.randomUUID(), OutcomeEvent.Kind.RELAPSE, DAY_ZERO.plusDays(400),
                Map.of(), OutcomeEvent.InformationSource.CLINIC_VISIT, null, "Dr", Instant.now());
        List<DurationOfResponse> durations = DurationOfResponse.of(ResponseAssessments.summarise(List.of(cr)),
                List.of(relapse), List.of());
        assertThat(durations).singleElement().satisfies(d -> {
            assertThat(d.days()).isEqualTo(372);
            assertThat(d.endedBy()).isEqualTo("Relapse");
        });
    }
}
