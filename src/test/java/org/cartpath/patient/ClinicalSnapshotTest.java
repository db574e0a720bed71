package org.cartpath.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.junit.jupiter.api.Test;

/** The snapshot the eligibility rules read: only what was on record by the date, and null for the unknown. */
class ClinicalSnapshotTest {

    static final LocalDate BORN = LocalDate.of(1980, 5, 1);
    static final OrganisationId CENTRE = OrganisationId.random();

    final List<Entry<?>> entries = new ArrayList<>();
    Instant clock = Instant.parse("2026-01-01T09:00:00Z");

    <T extends ClinicalDetails> Entry<T> add(T details) {
        return add(details, null);
    }

    <T extends ClinicalDetails> Entry<T> add(T details, String voidReason) {
        clock = clock.plusSeconds(60);
        Entry<T> entry = new Entry<>(UUID.randomUUID(), details.kind(), details,
                new Entry.Recorded(clock, "Dr Test", CENTRE, "Test centre"),
                voidReason == null ? null : new Entry.Voided(voidReason, clock.plusSeconds(1), "Dr Test", "Test centre"));
        entries.add(entry);
        return entry;
    }

    @SuppressWarnings("unchecked")
    <T extends ClinicalDetails> List<Entry<T>> of(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(e -> (Entry<T>) e).toList();
    }

    PatientRecord record() {
        Demographics demographics = new Demographics(0, NhsNumber.parse("9434765919"), null, null, null, "Ada", "Test",
                BORN, Sex.FEMALE, Address.NONE, clock, "Dr Test", "Test centre", null);
        return new PatientRecord(PatientId.random(), demographics, "Test centre", clock, List.of(demographics),
                of(EntryKind.MEASUREMENT), of(EntryKind.DIAGNOSIS), of(EntryKind.DISEASE_STATUS),
                of(EntryKind.THERAPY_LINE), of(EntryKind.TRANSPLANT), of(EntryKind.ANTIGEN_STATUS),
                of(EntryKind.CNS_STATUS), of(EntryKind.PERFORMANCE_STATUS), of(EntryKind.ORGAN_FUNCTION),
                of(EntryKind.CONSENT));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void anEmptyHistoryIsUnknownEverywhereNotZeroOrFalse() {
        ClinicalSnapshot s = record().snapshotAsOf(day("2026-06-15"));
        assertThat(s.ageYears()).isEqualTo(46);
        assertThat(s.sex()).isEqualTo(Sex.FEMALE);
        assertThat(s.weightKg()).isNull();
        assertThat(s.diagnosis()).isNull();
        assertThat(s.indicationCode()).isNull();
        assertThat(s.refractory()).isNull();
        assertThat(s.relapseNumber()).isNull();
        assertThat(s.relapseAfterTransplant()).isNull();
        assertThat(s.monthsFromFirstLineEndToRelapse()).isNull();
        assertThat(s.priorLinesOfTherapy()).isNull();
        assertThat(s.priorTherapyExposures()).isNull();
        assertThat(s.priorTransplant()).isNull();
        assertThat(s.cd19()).isNull();
        assertThat(s.cnsStatus()).isNull();
        assertThat(s.performanceStatus()).isNull();
        assertThat(s.creatinineMicromolPerLitre()).isNull();
    }

    @Test
    void takesTheLatestValueOnOrBeforeTheDateEachWithItsOwnDate() {
        add(new Measurement(day("2026-01-10"), new BigDecimal("70"), new BigDecimal("170")));
        add(new Measurement(day("2026-03-01"), new BigDecimal("68"), null));
        add(new Measurement(day("2026-05-01"), new BigDecimal("66"), null));
        ClinicalSnapshot march = record().snapshotAsOf(day("2026-04-30"));
        assertThat(march.weightKg()).isEqualTo(new Dated<>(new BigDecimal("68"), day("2026-03-01")));
        // height from the older entry, with that entry's date
        assertThat(march.heightCm()).isEqualTo(new Dated<>(new BigDecimal("170"), day("2026-01-10")));
        assertThat(record().snapshotAsOf(day("2026-01-09")).weightKg()).isNull();
        assertThat(record().latestWeightKg().value()).isEqualByComparingTo("66");
    }

    @Test
    void aCorrectionOnTheSameDateWinsAndAVoidedEntryCountsForNothing() {
        add(new Measurement(day("2026-03-01"), new BigDecimal("6.8"), null));
        add(new Measurement(day("2026-03-01"), new BigDecimal("68"), null));
        add(new Measurement(day("2026-03-02"), new BigDecimal("680"), null), "Typed an extra zero");
        assertThat(record().snapshotAsOf(day("2026-06-01")).weightKg().value()).isEqualByComparingTo("68");
        assertThat(record().measurements()).hasSize(3);
    }

    @Test
    void readsDiagnosisIndicationAndDiseaseStatus() {
        add(new Diagnosis(DiagnosisCode.FL, null, day("2019-04-01")));
        add(new Diagnosis(DiagnosisCode.DLBCL, "Transformed from FL", day("2025-09-01")));
        add(new DiseaseStatus(day("2026-02-01"), true, 1, false, day("2026-01-20"), null));
        ClinicalSnapshot s = record().snapshotAsOf(day("2026-03-01"));
        assertThat(s.diagnosis().code()).isEqualTo(DiagnosisCode.DLBCL);
        assertThat(s.indicationCode()).isEqualTo("LBCL");
        assertThat(s.refractory()).isTrue();
        assertThat(s.relapseNumber()).isEqualTo(1);
        assertThat(s.relapseAfterTransplant()).isFalse();
        assertThat(record().snapshotAsOf(day("2020-01-01")).indicationCode()).isEqualTo("FL");
    }

    @Test
    void countsLinesOfTherapyByLineNumberTheLatestRecordedVersionWinning() {
        add(new TherapyLine(1, "R-CHOP", day("2025-01-01"), day("2025-05-01"), TherapyLine.Response.PARTIAL_RESPONSE,
                Set.of(TherapyLine.Tag.ANTI_CD20)));
        add(new TherapyLine(1, "R-CHOP x6", day("2025-01-01"), day("2025-06-01"), TherapyLine.Response.COMPLETE_RESPONSE,
                Set.of(TherapyLine.Tag.ANTI_CD20, TherapyLine.Tag.ANTHRACYCLINE)));
        add(new TherapyLine(2, "R-GDP", day("2026-02-01"), null, null, Set.of()));
        add(new TherapyLine(3, "Wrong patient's line", day("2026-02-02"), null, null, Set.of(TherapyLine.Tag.BTK_INHIBITOR)),
                "Entered on the wrong patient");
        ClinicalSnapshot s = record().snapshotAsOf(day("2026-03-01"));
        assertThat(s.priorLinesOfTherapy()).isEqualTo(2);
        assertThat(s.priorTherapyExposures()).containsExactlyInAnyOrder(TherapyLine.Tag.ANTI_CD20,
                TherapyLine.Tag.ANTHRACYCLINE);
        assertThat(record().snapshotAsOf(day("2025-12-31")).priorLinesOfTherapy()).isEqualTo(1);
    }

    @Test
    void derivesMonthsToAFirstRelapseFromTheEndOfLineOneOnly() {
        add(new TherapyLine(1, "R-CHOP", day("2025-01-01"), day("2025-06-15"), null, Set.of()));
        add(new DiseaseStatus(day("2026-06-01"), false, 1, false, day("2026-06-10"), null));
        // 15 Jun 2025 to 10 Jun 2026: 11 whole months, so "within 12 months"
        assertThat(record().snapshotAsOf(day("2026-06-30")).monthsFromFirstLineEndToRelapse()).isEqualTo(11);
        add(new DiseaseStatus(day("2026-06-20"), false, 2, false, day("2026-06-18"), null));
        assertThat(record().snapshotAsOf(day("2026-06-30")).monthsFromFirstLineEndToRelapse()).isNull();
        add(new DiseaseStatus(day("2026-06-25"), false, 2, false, day("2026-06-18"), 7));
        assertThat(record().snapshotAsOf(day("2026-06-30")).monthsFromFirstLineEndToRelapse()).isEqualTo(7);
    }

    @Test
    void aRecordedTransplantIsKnownButNoneRecordedIsUnknown() {
        add(new Transplant(Transplant.Type.AUTOLOGOUS, day("2025-03-01")));
        assertThat(record().snapshotAsOf(day("2025-02-28")).priorTransplant()).isNull();
        assertThat(record().snapshotAsOf(day("2025-03-01")).priorTransplant()).isTrue();
    }

    @Test
    void readsTheLatestResultOfEachAntigenAndTreatsUnknownAsUnknown() {
        add(new AntigenStatus(AntigenStatus.Antigen.CD19, AntigenStatus.Result.POSITIVE, day("2025-01-01"), null));
        add(new AntigenStatus(AntigenStatus.Antigen.BCMA, AntigenStatus.Result.NEGATIVE, day("2025-02-01"), null));
        add(new AntigenStatus(AntigenStatus.Antigen.CD19, AntigenStatus.Result.UNKNOWN, day("2026-01-01"), null));
        ClinicalSnapshot before = record().snapshotAsOf(day("2025-12-31"));
        assertThat(before.cd19().result()).isEqualTo(AntigenStatus.Result.POSITIVE);
        assertThat(before.bcma().result()).isEqualTo(AntigenStatus.Result.NEGATIVE);
        assertThat(record().snapshotAsOf(day("2026-01-02")).cd19()).isNull();
    }

    @Test
    void readsEachOrganFunctionResultFromTheLatestEntryThatHasIt() {
        add(new OrganFunction(day("2026-01-01"), new BigDecimal("80"), new BigDecimal("12"), null, new BigDecimal("60"), null));
        add(new OrganFunction(day("2026-02-01"), new BigDecimal("95"), null, null, null, new BigDecimal("97")));
        ClinicalSnapshot s = record().snapshotAsOf(day("2026-03-01"));
        assertThat(s.creatinineMicromolPerLitre()).isEqualTo(new Dated<>(new BigDecimal("95"), day("2026-02-01")));
        assertThat(s.bilirubinMicromolPerLitre()).isEqualTo(new Dated<>(new BigDecimal("12"), day("2026-01-01")));
        assertThat(s.altUnitsPerLitre()).isNull();
        assertThat(s.lvefPercent().on()).isEqualTo(day("2026-01-01"));
        assertThat(s.spo2Percent().value()).isEqualByComparingTo("97");
    }

    @Test
    void givesAgeInCompletedYearsAndNoneBeforeBirth() {
        assertThat(record().snapshotAsOf(day("2026-04-30")).ageYears()).isEqualTo(45);
        assertThat(record().snapshotAsOf(day("2026-05-01")).ageYears()).isEqualTo(46);
        assertThat(record().snapshotAsOf(day("1979-01-01")).ageYears()).isNull();
    }

    @Test
    void mapsEveryDiagnosisToTheCataloguesIndication() {
        assertThat(DiagnosisCode.B_ALL.indicationCode()).isEqualTo("B_ALL");
        assertThat(DiagnosisCode.LBCL.indicationCode()).isEqualTo("LBCL");
        assertThat(DiagnosisCode.DLBCL.indicationCode()).isEqualTo("LBCL");
        assertThat(DiagnosisCode.PMBCL.indicationCode()).isEqualTo("LBCL");
        assertThat(DiagnosisCode.MCL.indicationCode()).isEqualTo("MCL");
        assertThat(DiagnosisCode.FL.indicationCode()).isEqualTo("FL");
        assertThat(DiagnosisCode.MULTIPLE_MYELOMA.indicationCode()).isEqualTo("MULTIPLE_MYELOMA");
        assertThat(DiagnosisCode.OTHER.indicationCode()).isNull();
    }
}
