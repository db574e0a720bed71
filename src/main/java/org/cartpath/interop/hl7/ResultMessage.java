package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.PID;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What an ORU^R01 results message says, read from HAPI's v2.5.1 structures (older versions are read into them by
 * the canonical model class factory): the patient's identifiers, and each result with its code, value, unit, status
 * and time. Nothing here is interpreted: matching and mapping decide what may be filed.
 */
record ResultMessage(MessageHeader header, String nhsNumber, LocalDate dateOfBirth, String familyName,
        String givenName, List<Result> results) {

    /** One OBX: its code and text (OBX-3), value type (OBX-2), value (OBX-5), unit (OBX-6), status (OBX-11), time. */
    record Result(String code, String text, String valueType, String value, String unit, String status,
            Instant observedAt) {
    }

    /** The assigning authority that marks the NHS number among PID-3's identifiers (CX-4), or its type (CX-5 NH). */
    static final String NHS_AUTHORITY = "NHS";

    static ResultMessage of(Message message, MessageHeader header, ZoneId zone) throws HL7Exception {
        ORU_R01 oru = (ORU_R01) message;
        String nhsNumber = null;
        LocalDate dateOfBirth = null;
        String family = null;
        String given = null;
        List<Result> results = new ArrayList<>();
        for (ORU_R01_PATIENT_RESULT patientResult : oru.getPATIENT_RESULTAll()) {
            PID pid = patientResult.getPATIENT().getPID();
            for (CX cx : pid.getPatientIdentifierList()) {
                String authority = cx.getAssigningAuthority().getNamespaceID().getValue();
                String type = cx.getIdentifierTypeCode().getValue();
                if (NHS_AUTHORITY.equalsIgnoreCase(trim(authority)) || "NH".equalsIgnoreCase(trim(type))) {
                    nhsNumber = trim(cx.getIDNumber().getValue());
                }
            }
            if (pid.getPatientNameReps() > 0) {
                family = trim(pid.getPatientName(0).getFamilyName().getSurname().getValue());
                given = trim(pid.getPatientName(0).getGivenName().getValue());
            }
            Instant born = Hl7Time.parse(pid.getDateTimeOfBirth().getTime().getValue(), zone);
            dateOfBirth = born == null ? null : LocalDate.ofInstant(born, zone);
            for (ORU_R01_ORDER_OBSERVATION order : patientResult.getORDER_OBSERVATIONAll()) {
                OBR obr = order.getOBR();
                Instant ordered = Hl7Time.parse(obr.getObservationDateTime().getTime().getValue(), zone);
                for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                    OBX obx = observation.getOBX();
                    Instant observed = Hl7Time.parse(obx.getDateTimeOfTheObservation().getTime().getValue(), zone);
                    String value = obx.getObservationValueReps() == 0 ? null
                            : trim(obx.getObservationValue(0).getData().encode());
                    results.add(new Result(trim(obx.getObservationIdentifier().getIdentifier().getValue()),
                            trim(obx.getObservationIdentifier().getText().getValue()), trim(obx.getValueType().getValue()),
                            value, trim(obx.getUnits().getIdentifier().getValue()),
                            trim(obx.getObservationResultStatus().getValue()), observed != null ? observed : ordered));
                }
            }
        }
        return new ResultMessage(header, nhsNumber, dateOfBirth, family, given, List.copyOf(results));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
