package org.cartpath.interop.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.custody.CellProduct;
import org.cartpath.monitoring.TocilizumabDoseGiven;
import org.cartpath.treatment.InfusionRecord;
import org.cartpath.treatment.LymphodepletionAdministration;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Specimen;

/**
 * The cells' collection and the treatment in FHIR (ADR 0034): the apheresis collection as a {@code Specimen} (the
 * collection bag under its DIN and chain-of-identity identifier) and a {@code Procedure}; the CAR-T infusion as a
 * {@code Procedure}; each lymphodepletion dose and each tocilizumab dose as a {@code MedicationAdministration}.
 * Procedures and specimen types are under cartpath's own code systems (no code is given where we are not sure of a
 * standard one); the substances cyclophosphamide and tocilizumab and the intravenous route are SNOMED CT
 * ({@link FhirCodes#SNOMED}); doses are in mg (UCUM). Only for the treating centre's staff: each names the patient.
 */
final class TreatmentResources {

    static final String APHERESIS = "apheresis";
    static final String INFUSION = "infusion";
    static final String LYMPHODEPLETION = "ld";
    static final String TOCILIZUMAB = "toci";

    private TreatmentResources() {
    }

    static String apheresisId(UUID bagId) {
        return APHERESIS + "-" + bagId;
    }

    static String infusionId(UUID caseId) {
        return INFUSION + "-" + caseId;
    }

    /** The collection bag as a Specimen: available while the bag is held or travelling, else unavailable. */
    static Specimen specimen(CellProduct bag, UUID patientId, Instant collectedAt) {
        Specimen specimen = new Specimen();
        specimen.setId(bag.id().toString());
        specimen.getMeta().setLastUpdated(Date.from(bag.registeredAt()));
        if (bag.din() != null) {
            specimen.addIdentifier().setSystem(FhirCodes.ISBT128_DIN).setValue(bag.din().value())
                    .getType().setText("Donation Identification Number (ISBT 128)");
        }
        specimen.addIdentifier().setSystem(FhirCodes.ISBT128_OTHER).setValue(bag.coi().content())
                .getType().setText("Chain of Identity identifier (ISBT 128)");
        specimen.setStatus(bag.available() ? Specimen.SpecimenStatus.AVAILABLE : Specimen.SpecimenStatus.UNAVAILABLE);
        specimen.getType().addCoding().setSystem(FhirCodes.SPECIMEN).setCode("apheresis-collection")
                .setDisplay("Apheresis collection of mononuclear cells");
        specimen.setSubject(new Reference("Patient/" + patientId));
        Specimen.SpecimenCollectionComponent collection = specimen.getCollection();
        if (collectedAt != null) {
            collection.setCollected(Observations.dateTime(collectedAt));
        } else if (bag.collectionDate() != null) {
            collection.setCollected(new DateTimeType(bag.collectionDate().toString()));
        }
        collection.getMethod().addCoding().setSystem(FhirCodes.PROCEDURE).setCode(APHERESIS)
                .setDisplay("Apheresis (leukapheresis) for CAR-T manufacture");
        return specimen;
    }

    /** The apheresis that filled the bag, as a completed Procedure. */
    static Procedure apheresis(CellProduct bag, UUID patientId, Instant collectedAt) {
        Procedure procedure = new Procedure();
        procedure.setId(apheresisId(bag.id()));
        procedure.getMeta().setLastUpdated(Date.from(bag.registeredAt()));
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.getCode().addCoding().setSystem(FhirCodes.PROCEDURE).setCode(APHERESIS)
                .setDisplay("Apheresis (leukapheresis) for CAR-T manufacture");
        procedure.setSubject(new Reference("Patient/" + patientId));
        if (collectedAt != null) {
            procedure.setPerformed(Observations.dateTime(collectedAt));
        } else if (bag.collectionDate() != null) {
            procedure.setPerformed(new DateTimeType(bag.collectionDate().toString()));
        }
        procedure.addNote().setText("Collection bag DIN " + (bag.din() == null ? "-" : bag.din().value()) + ", chain of"
                + " identity " + bag.coi().content() + " (Specimen/" + bag.id() + ")");
        return procedure;
    }

    /** The infusion of the CAR-T product, with its dose, lot, bags and reactions in words. */
    static Procedure infusion(InfusionRecord infusion, UUID patientId, String productCode) {
        Procedure procedure = new Procedure();
        procedure.setId(infusionId(infusion.caseId().value()));
        procedure.getMeta().setLastUpdated(Date.from(infusion.recordedAt()));
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.getCode().addCoding().setSystem(FhirCodes.PROCEDURE).setCode(INFUSION)
                .setDisplay("Infusion of CAR-T cells");
        procedure.getCode().setText("Infusion of CAR-T cells" + (productCode == null ? "" : " (" + productCode + ")"));
        procedure.setSubject(new Reference("Patient/" + patientId));
        procedure.getPerformedPeriod().setStartElement(Observations.dateTime(infusion.startedAt()))
                .setEndElement(Observations.dateTime(infusion.endedAt()));
        procedure.setPerformed(procedure.getPerformedPeriod());
        procedure.addPerformer().setActor(new Reference().setDisplay(infusion.recordedByName()));
        procedure.addNote().setText("Lot " + infusion.lotNumber() + ", " + infusion.bagsUsed() + " of "
                + infusion.bagsInLot() + " bag(s); dose " + infusion.doseCells().toPlainString() + " cells ("
                + infusion.doseCellsPerKg().toPlainString() + " per kg at " + infusion.weightKg().toPlainString()
                + " kg); bedside check by " + infusion.firstCheckerName() + " and " + infusion.secondCheckerName());
        if (infusion.reactions() != null && !infusion.reactions().isBlank()) {
            procedure.addComplication().setText(infusion.reactions());
        }
        return procedure;
    }

    // --- MedicationAdministration ------------------------------------------------------------------------------

    static String lymphodepletionId(UUID caseId, UUID administrationId) {
        return TwoPartIds.of(LYMPHODEPLETION, caseId, administrationId);
    }

    static String tocilizumabId(UUID caseId, UUID doseId) {
        return TwoPartIds.of(TOCILIZUMAB, caseId, doseId);
    }

    /** The drug as a CodeableConcept: SNOMED CT where ADR 0034 cites a code, else cartpath's medication code system. */
    static CodeableConcept drug(Drug drug) {
        CodeableConcept concept = new CodeableConcept().setText(drug.label());
        if (drug == Drug.CYCLOPHOSPHAMIDE) {
            concept.addCoding().setSystem(FhirCodes.SNOMED).setCode(FhirCodes.SNOMED_CYCLOPHOSPHAMIDE)
                    .setDisplay("Cyclophosphamide (substance)");
        }
        concept.addCoding().setSystem(FhirCodes.MEDICATION).setCode(drug.name().toLowerCase()).setDisplay(drug.label());
        return concept;
    }

    /**
     * A lymphodepletion dose: given (completed, at the dose given), held (not-done, on its planned day, with the
     * reason), or given at another dose (completed, the reason as a note).
     */
    static MedicationAdministration lymphodepletion(UUID caseId, UUID patientId, LymphodepletionAdministration a) {
        MedicationAdministration m = new MedicationAdministration();
        m.setId(lymphodepletionId(caseId, a.id()));
        m.getMeta().setLastUpdated(Date.from(a.recordedAt()));
        m.getCategory().addCoding().setSystem(FhirCodes.CARE).setCode("lymphodepletion")
                .setDisplay("Lymphodepleting chemotherapy");
        m.setMedication(drug(a.drug()));
        m.setSubject(new Reference("Patient/" + patientId));
        m.addSupportingInformation(new Reference("CarePlan/" + caseId));
        if (a.held()) {
            m.setStatus(MedicationAdministration.MedicationAdministrationStatus.NOTDONE);
            m.setEffective(new DateTimeType(a.plannedOn().toString()));
            if (a.reason() != null) {
                m.addStatusReason().setText(a.reason());
            }
        } else {
            m.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
            m.setEffective(Observations.dateTime(a.givenAt()));
            if (a.modified()) {
                m.addNote().setText("Given at another dose than the planned " + a.plannedMg().toPlainString() + " mg"
                        + (a.reason() == null ? "" : ": " + a.reason()));
            }
        }
        m.addPerformer().setActor(new Reference().setDisplay(a.recordedByName()));
        dosage(m, a.held() ? a.plannedMg() : a.givenMg());
        return m;
    }

    /** A dose of tocilizumab for CRS; a dose given against a rule carries the consultant's override as a note. */
    static MedicationAdministration tocilizumab(UUID caseId, UUID patientId, TocilizumabDoseGiven dose) {
        MedicationAdministration m = new MedicationAdministration();
        m.setId(tocilizumabId(caseId, dose.id()));
        m.getMeta().setLastUpdated(Date.from(dose.recordedAt()));
        m.getCategory().addCoding().setSystem(FhirCodes.CARE).setCode("toxicity-treatment")
                .setDisplay("Treatment of CRS or ICANS");
        CodeableConcept drug = new CodeableConcept().setText("Tocilizumab");
        drug.addCoding().setSystem(FhirCodes.SNOMED).setCode(FhirCodes.SNOMED_TOCILIZUMAB)
                .setDisplay("Tocilizumab (substance)");
        drug.addCoding().setSystem(FhirCodes.MEDICATION).setCode("tocilizumab").setDisplay("Tocilizumab");
        m.setMedication(drug);
        m.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        m.setSubject(new Reference("Patient/" + patientId));
        m.addSupportingInformation(new Reference("CarePlan/" + caseId));
        m.setEffective(Observations.dateTime(dose.givenAt()));
        m.addPerformer().setActor(new Reference().setDisplay(dose.recordedByName()));
        m.addReasonCode().addCoding().setSystem(FhirCodes.TOXICITY).setCode("crs").setDisplay("Cytokine release syndrome");
        if (dose.overridden()) {
            m.addNote().setText("Given against " + String.join(", ", dose.overriddenRules()) + " by a consultant's"
                    + " signed override: " + dose.overrideReason());
        }
        dosage(m, dose.doseMg());
        return m;
    }

    private static void dosage(MedicationAdministration m, BigDecimal mg) {
        MedicationAdministration.MedicationAdministrationDosageComponent dosage = m.getDosage();
        dosage.getRoute().addCoding().setSystem(FhirCodes.SNOMED).setCode(FhirCodes.SNOMED_INTRAVENOUS)
                .setDisplay("Intravenous route");
        if (mg != null) {
            SimpleQuantity dose = new SimpleQuantity();
            dose.setValue(mg).setUnit("mg").setSystem(FhirCodes.UCUM).setCode("mg");
            dosage.setDose(dose);
        }
    }
}
