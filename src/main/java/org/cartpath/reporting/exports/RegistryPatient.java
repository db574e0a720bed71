package org.cartpath.reporting.exports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One infused patient's course of CAR-T therapy as the registries' infusion-time forms ask for it (CIBMTR 4000, 4003,
 * 4006; EBMT cellular therapy MED-A registration): the shared source of those layouts ({@link CibmtrForms},
 * {@link EbmtForms}), read by {@link ExportSources#registryPatients} as the record stood at the data cut-off. Anything
 * the record does not hold is null (or an empty list), never a guess.
 *
 * @param registryId      the registry's id of the patient (CRID or EBMT registration id), null while none is recorded
 * @param referredOn      the day the referral reached the centre
 * @param priorLines      the lines of therapy started before day 0, in order
 * @param diseaseStatus   the last disease status assessed on or before day 0
 * @param performance     the last performance status assessed on or before day 0
 * @param collectedOn     the apheresis day of the case's collection booking
 * @param lot             the lot infused (the infusion's lot), or the case's last reported lot before infusion
 * @param lymphodepletion the lymphodepleting drugs given (not held), in order
 * @param dayZero         the day of the infusion (the infusion record's, or monitoring's day 0 before it is recorded)
 */
record RegistryPatient(UUID caseId, UUID patientId, String caseReference, String pseudonym, String centreOds, String registryId,
        LocalDate dateOfBirth, String sex, String productCode, String productName, String manufacturer,
        String targetAntigen, String indication, LocalDate referredOn, LocalDate approvedOn, Diagnosis diagnosis,
        List<TherapyLine> priorLines, List<Transplant> priorTransplants, DiseaseStatus diseaseStatus,
        Performance performance, LocalDate collectedOn, String chainOfIdentity, Lot lot, Infusion infusion,
        List<Drug> lymphodepletion, LocalDate dayZero) implements RegistryForm.Subject {

    record Diagnosis(String code, String description, LocalDate diagnosedOn) {
    }

    record TherapyLine(int lineNumber, String regimen, LocalDate startedOn, LocalDate endedOn, String bestResponse) {
    }

    record Transplant(String type, LocalDate on) {
    }

    record DiseaseStatus(LocalDate assessedOn, boolean refractory, int relapseNumber, boolean relapseAfterTransplant) {
    }

    record Performance(String scale, int score, LocalDate assessedOn) {
    }

    record Lot(String lotNumber, BigDecimal doseCells, BigDecimal cd4Cells, BigDecimal cd8Cells,
            BigDecimal viabilityPercent, BigDecimal volumeMl, int bags, LocalDate expiresOn, boolean outOfSpecification) {
    }

    record Infusion(LocalDate dayZero, OffsetDateTime startedAt, BigDecimal doseCells, BigDecimal doseCellsPerKg,
            BigDecimal weightKg, int bagsUsed, int bagsInLot, int ageYears) {
    }

    record Drug(String drug, LocalDate givenOn, BigDecimal givenMg) {
    }

    /** The patient's clinical history ({@code PATIENT_HISTORY}) is recorded on the patient's page, the rest on the case's. */
    @Override
    public String page(String fixAt) {
        return fixAt.equals(PATIENT_HISTORY) ? "/patients/" + patientId : "/cases/" + caseId + fixAt;
    }

    static final String PATIENT_HISTORY = "@patient";

}
