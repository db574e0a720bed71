package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.cartpath.patient.Address;
import org.cartpath.patient.Sex;

/**
 * What an ADT (patient administration) message says, read field by field from its segments whatever HAPI's structure
 * for the event (ADT_A01 for A01/A08, ADT_A03, ADT_A05 for A31, ADT_A39 for A40): the patient's NHS number (PID-3), name
 * (PID-5), date of birth (PID-7), administrative sex (PID-8) and address (PID-11); for A40 the identifier of the record
 * to be merged (MRG-1); for A01/A03 the ward (PV1-3) and the admission and discharge times (PV1-44, PV1-45, or EVN-2).
 * Nothing here is interpreted or applied.
 *
 * <p>HL7 v2.5.1 chapter 2.5.3: a field left empty means "no change"; a field sent as two double quotes ({@code ""})
 * means "delete the value". So an empty PID-11 leaves cartpath's address as it is ({@code address} null) and {@code ""}
 * clears it ({@link Address#NONE}).
 */
record AdtMessage(MessageHeader header, String event, String nhsNumber, String familyName, String givenName,
        LocalDate dateOfBirth, Sex sex, Address address, String mergedNhsNumber, String mergedOtherIdentifier,
        String ward, Instant admittedAt, Instant dischargedAt, Instant eventAt) {

    /** The ADT events cartpath takes: admit, discharge, update patient, update person, merge patient. */
    static final Set<String> EVENTS = Set.of("A01", "A03", "A08", "A31", "A40");

    private static final String DELETE = "\"\"";

    static AdtMessage of(Message message, MessageHeader header, ZoneId zone) throws HL7Exception {
        Terser terser = new Terser(message);
        String event = event(header.messageType());
        Segment pid = terser.getSegment("/.PID");
        String nhsNumber = nhsNumber(pid, 3);
        String family = text(Terser.get(pid, 5, 0, 1, 1));
        String given = text(Terser.get(pid, 5, 0, 2, 1));
        Instant born = Hl7Time.parse(text(Terser.get(pid, 7, 0, 1, 1)), zone);
        Sex sex = sex(text(Terser.get(pid, 8, 0, 1, 1)));
        Address address = address(pid);
        String mergedNhs = null;
        String mergedOther = null;
        if ("A40".equals(event)) {
            Segment mrg = terser.getSegment("/.MRG");
            mergedNhs = nhsNumber(mrg, 1);
            mergedOther = mergedNhs != null ? null : text(Terser.get(mrg, 1, 0, 1, 1));
        }
        String ward = null;
        Instant admitted = null;
        Instant discharged = null;
        if ("A01".equals(event) || "A03".equals(event)) {
            Segment pv1 = terser.getSegment("/.PV1");
            ward = text(Terser.get(pv1, 3, 0, 1, 1));
            admitted = Hl7Time.parse(text(Terser.get(pv1, 44, 0, 1, 1)), zone);
            discharged = Hl7Time.parse(text(Terser.get(pv1, 45, 0, 1, 1)), zone);
        }
        Instant eventAt = eventTime(terser, zone);
        return new AdtMessage(header, event, nhsNumber, family, given,
                born == null ? null : LocalDate.ofInstant(born, zone), sex, address, mergedNhs, mergedOther, ward,
                admitted, discharged, eventAt);
    }

    /** The event of a message type ({@code ADT^A08} is A08), or null when it is not an ADT message. */
    static String event(String messageType) {
        if (messageType == null || !messageType.startsWith("ADT^")) {
            return null;
        }
        return messageType.substring(4).toUpperCase(Locale.ROOT);
    }

    /** When the event happened: EVN-2 (recorded date/time), as a fallback for PV1-44/45. */
    private static Instant eventTime(Terser terser, ZoneId zone) {
        try {
            return Hl7Time.parse(text(terser.get("/.EVN-2-1")), zone);
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    /** The identifier among the repetitions of a CX field whose assigning authority is NHS (or type NH). */
    private static String nhsNumber(Segment segment, int field) throws HL7Exception {
        int reps = segment.getField(field).length;
        for (int rep = 0; rep < reps; rep++) {
            String authority = text(Terser.get(segment, field, rep, 4, 1));
            String type = text(Terser.get(segment, field, rep, 5, 1));
            if (ResultMessage.NHS_AUTHORITY.equalsIgnoreCase(authority) || "NH".equalsIgnoreCase(type)) {
                return text(Terser.get(segment, field, rep, 1, 1));
            }
        }
        return null;
    }

    /**
     * PID-11's first repetition (XAD): street (11.1.1) as line 1, other designation (11.2) as line 2, city (11.3) as
     * town, postal code (11.5). Null when the field is empty (no change), {@link Address#NONE} when it is {@code ""}.
     */
    private static Address address(Segment pid) throws HL7Exception {
        if (pid.getField(11).length == 0) {
            return null;
        }
        String line1 = text(Terser.get(pid, 11, 0, 1, 1));
        String line2 = text(Terser.get(pid, 11, 0, 2, 1));
        String town = text(Terser.get(pid, 11, 0, 3, 1));
        String postcode = text(Terser.get(pid, 11, 0, 5, 1));
        if (DELETE.equals(line1) && line2 == null && town == null && postcode == null) {
            return Address.NONE;
        }
        if (line1 == null && line2 == null && town == null && postcode == null) {
            return null;
        }
        return new Address(line1, line2, town, postcode);
    }

    /** HL7 table 0001 (administrative sex): F, M, O other, U unknown, A ambiguous, N not applicable. */
    static Sex sex(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            case "A", "O" -> Sex.INDETERMINATE;
            case "U", "N" -> Sex.NOT_KNOWN;
            default -> throw new IllegalArgumentException("PID-8 administrative sex '" + code
                    + "' is not in HL7 table 0001");
        };
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
