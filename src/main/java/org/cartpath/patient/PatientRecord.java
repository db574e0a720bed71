package org.cartpath.patient;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything cartpath holds about a patient: current demographics and their history, every entry of the
 * clinical history newest first (voided ones included and marked), and the latest weight and height
 * derived from them.
 * Read through {@link PatientManagement#get}, which checks scope and logs the access.
 */
public record PatientRecord(
        PatientId id,
        Demographics demographics,
        String registeredBy,
        Instant registeredAt,
        List<Demographics> demographicHistory,
        List<Entry<Measurement>> measurements,
        List<Entry<Diagnosis>> diagnoses,
        List<Entry<DiseaseStatus>> diseaseStatuses,
        List<Entry<TherapyLine>> therapyLines,
        List<Entry<Transplant>> transplants,
        List<Entry<AntigenStatus>> antigenStatuses,
        List<Entry<CnsStatus>> cnsStatuses,
        List<Entry<PerformanceStatus>> performanceStatuses,
        List<Entry<OrganFunction>> organFunctions,
        List<Entry<Consent>> consents) {

    public PatientRecord {
        demographicHistory = List.copyOf(demographicHistory);
        measurements = sorted(measurements);
        diagnoses = sorted(diagnoses);
        diseaseStatuses = sorted(diseaseStatuses);
        therapyLines = sorted(therapyLines);
        transplants = sorted(transplants);
        antigenStatuses = sorted(antigenStatuses);
        cnsStatuses = sorted(cnsStatuses);
        performanceStatuses = sorted(performanceStatuses);
        organFunctions = sorted(organFunctions);
        consents = sorted(consents);
    }

    /** The latest weight recorded, with the date it was measured; null when none is. */
    @JsonProperty
    public Dated<BigDecimal> latestWeightKg() {
        return History.latestWeight(measurements, null);
    }

    /** The latest height recorded, with the date it was measured; null when none is. */
    @JsonProperty
    public Dated<BigDecimal> latestHeightCm() {
        return History.latestHeight(measurements, null);
    }

    public PatientSummary summary() {
        return PatientSummary.of(id, demographics);
    }

    /** What was known of the patient's clinical state on a date, for the eligibility rules. */
    public ClinicalSnapshot snapshotAsOf(LocalDate date) {
        return ClinicalSnapshot.of(this, date);
    }

    /** Every entry of every kind. */
    public List<Entry<?>> entries() {
        return Stream.of(measurements, diagnoses, diseaseStatuses, therapyLines, transplants, antigenStatuses,
                cnsStatuses, performanceStatuses, organFunctions, consents)
                .<Entry<?>>flatMap(List::stream).toList();
    }

    private static <T extends ClinicalDetails> List<Entry<T>> sorted(List<Entry<T>> entries) {
        return entries.stream().sorted(History.NEWEST_FIRST).toList();
    }
}
