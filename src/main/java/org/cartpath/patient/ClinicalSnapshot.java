package org.cartpath.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A patient's clinical state as of a date, as the eligibility rules read it. Only active entries dated on
 * or before the date count. Anything not on record is {@code null}, never a default: the eligibility
 * engine must answer "unknown", not "not met". A recorded antigen result of UNKNOWN is null too.
 *
 * @param ageYears                        completed years at {@code asOf}
 * @param diagnosis                       the latest diagnosis (a transformed lymphoma's newer diagnosis wins)
 * @param indicationCode                  the catalogue indication of {@code diagnosis}; null for OTHER
 * @param monthsFromFirstLineEndToRelapse as recorded with the disease status; otherwise, for a first
 *                                        relapse with a date, the whole months since line 1 ended
 * @param priorLinesOfTherapy             distinct lines started by {@code asOf}; null when none is recorded
 * @param priorTherapyExposures           drug classes of those lines; null when no line is recorded
 * @param priorTransplant                 true when a transplant is recorded; null otherwise, because the
 *                                        absence of a record does not show the absence of a transplant
 */
public record ClinicalSnapshot(
        PatientId patientId,
        LocalDate asOf,
        Integer ageYears,
        Sex sex,
        Dated<BigDecimal> weightKg,
        Dated<BigDecimal> heightCm,
        Diagnosis diagnosis,
        String indicationCode,
        DiseaseStatus diseaseStatus,
        Integer monthsFromFirstLineEndToRelapse,
        Integer priorLinesOfTherapy,
        Set<TherapyLine.Tag> priorTherapyExposures,
        Boolean priorTransplant,
        AntigenStatus cd19,
        AntigenStatus bcma,
        CnsStatus cnsStatus,
        PerformanceStatus performanceStatus,
        Dated<BigDecimal> creatinineMicromolPerLitre,
        Dated<BigDecimal> bilirubinMicromolPerLitre,
        Dated<BigDecimal> altUnitsPerLitre,
        Dated<BigDecimal> lvefPercent,
        Dated<BigDecimal> spo2Percent) {

    static ClinicalSnapshot of(PatientRecord record, LocalDate asOf) {
        LocalDate born = record.demographics().dateOfBirth();
        Diagnosis diagnosis = History.latest(record.diagnoses(), asOf);
        DiseaseStatus status = History.latest(record.diseaseStatuses(), asOf);
        List<TherapyLine> lines = History.therapyLines(record.therapyLines(), asOf);
        return new ClinicalSnapshot(
                record.id(),
                asOf,
                asOf.isBefore(born) ? null : Period.between(born, asOf).getYears(),
                record.demographics().sex(),
                History.latestWeight(record.measurements(), asOf),
                History.latestHeight(record.measurements(), asOf),
                diagnosis,
                diagnosis == null ? null : diagnosis.code().indicationCode(),
                status,
                monthsToRelapse(status, lines),
                lines.isEmpty() ? null : lines.size(),
                lines.isEmpty() ? null : exposures(lines),
                History.asOf(record.transplants(), asOf).isEmpty() ? null : Boolean.TRUE,
                antigen(record, AntigenStatus.Antigen.CD19, asOf),
                antigen(record, AntigenStatus.Antigen.BCMA, asOf),
                History.latest(record.cnsStatuses(), asOf),
                History.latest(record.performanceStatuses(), asOf),
                History.latestValue(record.organFunctions(), asOf, OrganFunction::creatinineMicromolPerLitre),
                History.latestValue(record.organFunctions(), asOf, OrganFunction::bilirubinMicromolPerLitre),
                History.latestValue(record.organFunctions(), asOf, OrganFunction::altUnitsPerLitre),
                History.latestValue(record.organFunctions(), asOf, OrganFunction::lvefPercent),
                History.latestValue(record.organFunctions(), asOf, OrganFunction::spo2Percent));
    }

    public Boolean refractory() {
        return diseaseStatus == null ? null : diseaseStatus.refractory();
    }

    public Integer relapseNumber() {
        return diseaseStatus == null ? null : diseaseStatus.relapseNumber();
    }

    public Boolean relapseAfterTransplant() {
        return diseaseStatus == null ? null : diseaseStatus.relapseAfterTransplant();
    }

    /**
     * Only a first relapse can be measured from the end of line 1: a later relapse's date says nothing about
     * how soon the disease came back after first-line therapy (NICE TA895, TA1048: "within 12 months").
     */
    private static Integer monthsToRelapse(DiseaseStatus status, List<TherapyLine> lines) {
        if (status == null) {
            return null;
        }
        if (status.monthsFromFirstLineEndToRelapse() != null) {
            return status.monthsFromFirstLineEndToRelapse();
        }
        if (!Integer.valueOf(1).equals(status.relapseNumber()) || status.relapsedOn() == null) {
            return null;
        }
        return lines.stream()
                .filter(line -> line.lineNumber() == 1 && line.endedOn() != null
                        && !line.endedOn().isAfter(status.relapsedOn()))
                .findFirst()
                .map(line -> (int) ChronoUnit.MONTHS.between(line.endedOn(), status.relapsedOn()))
                .orElse(null);
    }

    private static Set<TherapyLine.Tag> exposures(List<TherapyLine> lines) {
        Set<TherapyLine.Tag> tags = EnumSet.noneOf(TherapyLine.Tag.class);
        lines.forEach(line -> tags.addAll(line.tags()));
        return TherapyLine.sorted(tags);
    }

    private static AntigenStatus antigen(PatientRecord record, AntigenStatus.Antigen antigen, LocalDate asOf) {
        return History.asOf(record.antigenStatuses(), asOf).stream()
                .map(Entry::details)
                .filter(s -> s.antigen() == antigen)
                .findFirst()
                .filter(s -> s.result() != AntigenStatus.Result.UNKNOWN)
                .orElse(null);
    }
}
