package org.cartpath.custody;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartpath.patient.NhsNumber;

/**
 * What a patient wristband's bar code carries: the patient's own identifiers, never the product's. The NHS number
 * (or, for a patient who has none, the hospital number) and the date of birth: the core identifiers of the NHS
 * patient-identification wristband (NPSA Safer Practice Notice 24, "Standardising wristbands improves patient
 * safety", 2007), the name being printed beside the symbol for the eye (ADR 0006, "The patient's wristband").
 *
 * <p>The symbol data is {@code PT-N-} and the ten digits of the NHS number, or {@code PT-H-} and the hospital
 * number, then {@code -} and the date of birth as {@code YYYYMMDD}: {@code PT-N-9434765919-20160314}. It can never
 * be read as a COI or DIN: those start with {@code &/}, {@code =} or ISBT 128 data characters (0-9, A-Z, {@code *})
 * only, and {@code -} is not one of them; a COI or DIN can never be read as a wristband, since neither starts with
 * {@code PT-}.
 *
 * @param nhsNumber      the NHS number, or null when the wristband carries the hospital number
 * @param hospitalNumber the hospital number, only when there is no NHS number
 */
public record PatientWristbandCode(NhsNumber nhsNumber, String hospitalNumber, LocalDate dateOfBirth) {

    /** Every wristband symbol starts with this; no ISBT 128 identifier can. */
    public static final String PREFIX = "PT-";
    static final String NHS_NUMBER = PREFIX + "N-";
    static final String HOSPITAL_NUMBER = PREFIX + "H-";
    /** The patient module's rule for a local hospital number (PatientDetailsRules). */
    private static final String HOSPITAL_NUMBER_PATTERN = "[A-Za-z0-9][A-Za-z0-9 /-]{0,29}";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public PatientWristbandCode {
        if ((nhsNumber == null) == (hospitalNumber == null || hospitalNumber.isBlank())) {
            throw new IllegalArgumentException("a wristband carries the NHS number or, when there is none, the hospital number");
        }
        if (hospitalNumber != null && !hospitalNumber.matches(HOSPITAL_NUMBER_PATTERN)) {
            throw new IllegalArgumentException("a hospital number is 1 to 30 letters, digits, spaces, '-' or '/'");
        }
        if (dateOfBirth == null) {
            throw new IllegalArgumentException("a wristband carries the date of birth");
        }
    }

    public static PatientWristbandCode of(NhsNumber nhsNumber, LocalDate dateOfBirth) {
        return new PatientWristbandCode(nhsNumber, null, dateOfBirth);
    }

    /** For a patient without an NHS number. */
    public static PatientWristbandCode ofHospitalNumber(String hospitalNumber, LocalDate dateOfBirth) {
        return new PatientWristbandCode(null, hospitalNumber, dateOfBirth);
    }

    /** The patient's wristband identifiers from their record: the NHS number when there is one, else the hospital number. */
    public static Optional<PatientWristbandCode> forRecord(NhsNumber nhsNumber, String hospitalNumber, LocalDate dateOfBirth) {
        if (dateOfBirth == null) {
            return Optional.empty();
        }
        if (nhsNumber != null) {
            return Optional.of(of(nhsNumber, dateOfBirth));
        }
        return hospitalNumber == null || !hospitalNumber.matches(HOSPITAL_NUMBER_PATTERN) ? Optional.empty()
                : Optional.of(ofHospitalNumber(hospitalNumber, dateOfBirth));
    }

    /** Whether the text is meant as a wristband symbol (it may still be unreadable). */
    public static boolean isWristbandData(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** Why {@code text} is not a wristband symbol; empty when it is one. Never names what it should have been. */
    public static List<String> problemsIn(String text) {
        List<String> problems = new ArrayList<>();
        if (!isWristbandData(text)) {
            problems.add("not a patient wristband: its symbol starts " + PREFIX);
            return problems;
        }
        boolean nhs = text.startsWith(NHS_NUMBER);
        if (!nhs && !text.startsWith(HOSPITAL_NUMBER)) {
            problems.add("not a patient wristband: after " + PREFIX + " comes N- (NHS number) or H- (hospital number)");
            return problems;
        }
        int dash = text.lastIndexOf('-');
        if (dash < NHS_NUMBER.length()) {
            problems.add("the wristband's date of birth is missing");
            return problems;
        }
        String identifier = text.substring(NHS_NUMBER.length(), dash);
        if (nhs) {
            if (!identifier.matches("[0-9]{10}")) {
                problems.add("the wristband's NHS number must be 10 digits");
            } else {
                NhsNumber.problemIn(identifier).ifPresent(p -> problems.add("the wristband's NHS number " + p));
            }
        } else if (!identifier.matches(HOSPITAL_NUMBER_PATTERN)) {
            problems.add("the wristband's hospital number must be 1 to 30 letters, digits, spaces, '-' or '/'");
        }
        if (dateOf(text.substring(dash + 1)) == null) {
            problems.add("the wristband's date of birth is not a real date (YYYYMMDD)");
        }
        return problems;
    }

    /** Reads a wristband symbol exactly as scanned. */
    public static PatientWristbandCode parse(String text) {
        List<String> problems = problemsIn(text);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        int dash = text.lastIndexOf('-');
        String identifier = text.substring(NHS_NUMBER.length(), dash);
        LocalDate born = dateOf(text.substring(dash + 1));
        return text.startsWith(NHS_NUMBER) ? of(new NhsNumber(identifier), born) : ofHospitalNumber(identifier, born);
    }

    /** The symbol's data, also printed under it so that it can be keyed when a scanner fails. */
    public String barcodeData() {
        return (nhsNumber != null ? NHS_NUMBER + nhsNumber.value() : HOSPITAL_NUMBER + hospitalNumber) + "-"
                + DATE.format(dateOfBirth);
    }

    /**
     * Whether this wristband identifies the patient whose record holds these identifiers: the date of birth and the
     * identifier it carries (NHS number, or hospital number) must both be the record's.
     */
    public boolean identifies(NhsNumber recordNhsNumber, String recordHospitalNumber, LocalDate recordDateOfBirth) {
        if (!dateOfBirth.equals(recordDateOfBirth)) {
            return false;
        }
        return nhsNumber != null ? nhsNumber.equals(recordNhsNumber)
                : recordHospitalNumber != null && hospitalNumber.equalsIgnoreCase(recordHospitalNumber.strip());
    }

    /** Never the identifiers themselves: a record's default text would put them in logs. */
    @Override
    public String toString() {
        return "PatientWristbandCode[redacted]";
    }

    private static LocalDate dateOf(String text) {
        if (!text.matches("[0-9]{8}")) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            return date.isBefore(EARLIEST_BIRTH) ? null : date;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
