package org.cartpath.reporting.exports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SACT v4.0 rows of one month: one row per administration of the CAR-T regimen (the lymphodepletion drugs and the
 * cells), each carrying its patient's linkage, demographic, clinical status, regimen and cycle items, in the order of
 * the SACT user guide v4.0.1 (NHS England, National Disease Registration Service; cited with its URL in
 * docs/reporting/sact-export.md, which maps every column). Dates are {@code ccyy-mm-dd}, the administration timestamp
 * ISO 8601 with its UTC offset in Europe/London. Fields cartpath does not hold are left empty and listed as
 * unfillable in the manifest ({@link #UNFILLABLE}); nothing is invented. Plain Java, no Spring.
 */
final class SactLayout {

    /** A column: the SACT data item number and the data item name as the user guide writes it. */
    record Column(int item, String name, String section, boolean mandatory) {
        String header() {
            return name;
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column(1, "NHS Number", "Linkage", true),
            new Column(44, "Local Patient Identifier", "Linkage", true),
            new Column(43, "NHS Number Status Indicator Code", "Linkage", true),
            new Column(2, "Person Birth Date", "Linkage", true),
            new Column(9, "Organisation Identifier (Code of Provider)", "Linkage", true),
            new Column(45, "Person Family Name", "Demographic and care professional", true),
            new Column(46, "Person Given Name", "Demographic and care professional", true),
            new Column(47, "Person Stated Gender Code", "Demographic and care professional", false),
            new Column(5, "Patient Postcode", "Demographic and care professional", true),
            new Column(62, "Professional Registration Issuer Code - Care Professional (Initiating Treatment)",
                    "Demographic and care professional", false),
            new Column(63, "Professional Registration Entry Identifier - Care Professional (Initiating Treatment)",
                    "Demographic and care professional", false),
            new Column(8, "Consultant Specialty Code", "Demographic and care professional", false),
            new Column(10, "Primary Diagnosis (ICD-10)", "Clinical status", true),
            new Column(11, "Morphology ICD-O", "Clinical status", false),
            new Column(48, "Diagnosis Code (SNOMED CT)", "Clinical status", false),
            new Column(65, "Treatment Context", "Regimen", false),
            new Column(15, "Intent of Treatment", "Regimen", false),
            new Column(66, "Curative Line of Treatment", "Regimen", false),
            new Column(67, "Non-Curative Line of Treatment", "Regimen", false),
            new Column(16, "Regimen", "Regimen", true),
            new Column(17, "Height at Start of Treatment", "Regimen", false),
            new Column(18, "Weight at Start of Regimen", "Regimen", false),
            new Column(50, "Performance Status at Start of Regimen - Adult", "Regimen", false),
            new Column(21, "Date Decision to Treat", "Regimen", false),
            new Column(22, "Start Date of Regimen", "Regimen", true),
            new Column(23, "Clinical Trial", "Regimen", false),
            new Column(24, "Chemoradiation", "Regimen", false),
            new Column(26, "Cycle Number", "Cycle", true),
            new Column(27, "Start Date of Cycle", "Cycle", true),
            new Column(28, "Weight at Start of Cycle", "Cycle", false),
            new Column(51, "Performance Status at Start of Cycle - Adult", "Cycle", false),
            new Column(31, "Drug Name", "Drug details", true),
            new Column(32, "Daily Total Dose Per Administration", "Drug details", false),
            new Column(53, "Administration Measurement Per Daily Total Dose", "Drug details", false),
            new Column(54, "Other - Administration Measurement Per Daily Total Dose", "Drug details", false),
            new Column(55, "Unit of Measurement (SNOMED CT DM+D)", "Drug details", false),
            new Column(33, "SACT Administration Route", "Drug details", false),
            new Column(56, "Route of Administration (SNOMED CT DM+D)", "Drug details", false),
            new Column(80, "Administration Timestamp (Infusion)", "Drug details", true),
            new Column(81, "Administration Date (Oral Drug Dispensed)", "Drug details", false),
            new Column(82, "Cycle Length in Days", "Drug details", false),
            new Column(83, "Number Of Cycles Administered (On A Named Day)", "Drug details", false),
            new Column(35, "Organisation Identifier of SACT Administration", "Drug details", false),
            new Column(88, "End of Regimen Summary", "Outcome", false));

    /** The fields cartpath cannot fill, each with the reason (the manifest lists them). */
    static final Map<String, String> UNFILLABLE = unfillable();

    /** Identity columns emptied in a pseudonymised extract (the pseudonym goes in 44 Local Patient Identifier). */
    static final List<Integer> IDENTITY_ITEMS = List.of(1, 43, 2, 45, 46, 5);

    /** SNOMED CT: 258684004 |milligram|, the dm+d unit of the lymphodepletion doses. */
    static final String MILLIGRAM = "258684004";
    /** SNOMED CT: 47625008 |Intravenous route|, the dm+d route of every drug of the CAR-T regimen. */
    static final String INTRAVENOUS = "47625008";
    /** NHS Data Dictionary NHS NUMBER STATUS INDICATOR CODE 02: present but not traced (cartpath does not trace PDS). */
    static final String NHS_NUMBER_PRESENT_NOT_TRACED = "02";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SactLayout() {
    }

    static List<String> header() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    /** ICD-10 (5th edition, without the dot, as SACT's an4–an6 format writes it) of each catalogue indication. */
    static String icd10(String indication) {
        if (indication == null) {
            return null;
        }
        return switch (indication) {
            case "B_ALL" -> "C910";            // acute lymphoblastic leukaemia
            case "LBCL" -> "C833";             // diffuse large B-cell lymphoma
            case "MCL" -> "C831";              // mantle cell lymphoma
            case "FL" -> "C829";               // follicular lymphoma, unspecified
            case "MULTIPLE_MYELOMA" -> "C900"; // multiple myeloma
            default -> null;
        };
    }

    /** NHS Data Dictionary PERSON STATED GENDER CODE: 1 male, 2 female, X indeterminate, 9 not known. */
    static String genderCode(String sex) {
        if (sex == null) {
            return "9";
        }
        return switch (sex) {
            case "MALE" -> "1";
            case "FEMALE" -> "2";
            case "INDETERMINATE" -> "X";
            default -> "9";
        };
    }

    /**
     * The required fields missing for one patient: the SACT mandatory items cartpath should hold, and the regimen's
     * administrations (a CAR-T infusion is preceded by lymphodepletion, docs/clinical/lymphodepletion-timing.md).
     */
    static List<Gap> gaps(SactPatient patient, boolean pseudonymised) {
        List<Gap> gaps = new ArrayList<>();
        String who = pseudonymised ? patient.pseudonym() : patient.caseReference();
        String caseLink = pseudonymised ? null : "/cases/" + patient.caseId();
        String patientLink = pseudonymised ? null : "/patients/" + patient.patientId();
        if (!pseudonymised) {
            if (blank(patient.nhsNumber()) && blank(patient.localPatientId())) {
                gaps.add(new Gap(who, "SACT Linkage", "1 NHS Number (or 44 Local Patient Identifier)", patientLink));
            }
            if (patient.birthDate() == null) {
                gaps.add(new Gap(who, "SACT Linkage", "2 Person Birth Date", patientLink));
            }
            if (blank(patient.familyName())) {
                gaps.add(new Gap(who, "SACT Demographic and care professional", "45 Person Family Name", patientLink));
            }
            if (blank(patient.givenName())) {
                gaps.add(new Gap(who, "SACT Demographic and care professional", "46 Person Given Name", patientLink));
            }
            if (blank(patient.postcode())) {
                gaps.add(new Gap(who, "SACT Demographic and care professional", "5 Patient Postcode", patientLink));
            }
        }
        if (blank(patient.providerOds())) {
            // the ODS code is set with the organisation by cartpath's administrator (API /api/v1/organisations)
            gaps.add(new Gap(who, "SACT Linkage", "9 Organisation Identifier (Code of Provider): the centre has no ODS "
                    + "code on record (set by cartpath's administrator)", null));
        }
        if (icd10(patient.indication()) == null) {
            gaps.add(new Gap(who, "SACT Clinical status", "10 Primary Diagnosis (ICD-10): no indication on the case",
                    caseLink));
        }
        if (blank(patient.productInn())) {
            gaps.add(new Gap(who, "SACT Regimen", "16 Regimen: no product on the case", caseLink));
        }
        boolean lymphodepletion = patient.administrations().stream().anyMatch(a -> !a.cells());
        if (!lymphodepletion) {
            gaps.add(new Gap(who, "SACT Drug details",
                    "31 Drug Name, 32 Daily Total Dose, 80 Administration Timestamp: no lymphodepletion administration "
                            + "(fludarabine, cyclophosphamide) on record", pseudonymised ? null
                            : "/cases/" + patient.caseId() + "/lymphodepletion"));
        }
        return gaps;
    }

    /** The rows of the patients' administrations in {@code month} (Europe/London), in a fixed order. */
    static List<List<String>> rows(List<SactPatient> patients, YearMonth month, ZoneId zone, boolean pseudonymised) {
        record Row(String caseReference, SactPatient patient, SactPatient.Administration administration) {
        }
        List<Row> rows = new ArrayList<>();
        for (SactPatient patient : patients) {
            for (SactPatient.Administration administration : patient.administrations()) {
                if (YearMonth.from(administration.at().atZoneSameInstant(zone)).equals(month)) {
                    rows.add(new Row(patient.caseReference(), patient, administration));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::caseReference)
                .thenComparing(r -> r.administration().at().toInstant())
                .thenComparing(r -> r.administration().drug()));
        return rows.stream().map(r -> row(r.patient(), r.administration(), zone, pseudonymised)).toList();
    }

    static List<String> row(SactPatient p, SactPatient.Administration a, ZoneId zone, boolean pseudonymised) {
        Map<Integer, String> v = new LinkedHashMap<>();
        String regimenStart = p.administrations().stream().map(x -> x.at().atZoneSameInstant(zone).toLocalDate())
                .min(Comparator.naturalOrder()).map(DATE::format).orElse(null);
        v.put(1, p.nhsNumber());
        v.put(44, pseudonymised ? p.pseudonym() : p.localPatientId());
        v.put(43, blank(p.nhsNumber()) ? null : NHS_NUMBER_PRESENT_NOT_TRACED);
        v.put(2, p.birthDate() == null ? null : DATE.format(p.birthDate()));
        v.put(9, p.providerOds());
        v.put(45, p.familyName());
        v.put(46, p.givenName());
        v.put(47, genderCode(p.sex()));
        v.put(5, p.postcode());
        v.put(10, icd10(p.indication()));
        v.put(16, p.productInn() == null ? null : p.productInn().toUpperCase());
        v.put(18, number(p.weightKg()));
        v.put(21, p.approvedOn() == null ? null : DATE.format(p.approvedOn()));
        v.put(22, regimenStart);
        v.put(26, "1");
        v.put(27, regimenStart);
        v.put(28, number(p.weightKg()));
        v.put(31, a.drug());
        v.put(32, a.cells() ? null : number(a.doseMg()));
        v.put(55, a.cells() ? null : MILLIGRAM);
        v.put(56, INTRAVENOUS);
        v.put(80, TIMESTAMP.format(a.at().atZoneSameInstant(zone).toOffsetDateTime()));
        v.put(35, p.providerOds());
        if (pseudonymised) {
            IDENTITY_ITEMS.forEach(item -> v.put(item, null));
        }
        List<String> row = new ArrayList<>(COLUMNS.size());
        for (Column column : COLUMNS) {
            String value = v.get(column.item());
            row.add(value == null ? "" : value);
        }
        return row;
    }

    /** A decimal as SACT's numeric formats write it: no exponent, no trailing zeros ("37.5", "750"). */
    static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<String, String> unfillable() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("62 Professional Registration Issuer Code - Care Professional (Initiating Treatment)",
                "cartpath does not hold the consultant's professional registration");
        reasons.put("63 Professional Registration Entry Identifier - Care Professional (Initiating Treatment)",
                "cartpath does not hold the consultant's GMC number");
        reasons.put("8 Consultant Specialty Code", "cartpath does not record the consultant's specialty");
        reasons.put("11 Morphology ICD-O", "cartpath records the indication, not the tumour's morphology");
        reasons.put("48 Diagnosis Code (SNOMED CT)", "cartpath records the indication, not a SNOMED CT diagnosis");
        reasons.put("65 Treatment Context", "not recorded; its national code list is not held by cartpath");
        reasons.put("15 Intent of Treatment", "not recorded; its national code list is not held by cartpath");
        reasons.put("66 Curative Line of Treatment", "the line of therapy is not recorded");
        reasons.put("67 Non-Curative Line of Treatment", "the line of therapy is not recorded");
        reasons.put("17 Height at Start of Treatment", "not exported: the height used for the lymphodepletion plan is "
                + "held with the plan's inputs, not as a measurement at the regimen's start");
        reasons.put("50 Performance Status at Start of Regimen - Adult", "performance status is not recorded");
        reasons.put("23 Clinical Trial", "trial participation is not recorded");
        reasons.put("24 Chemoradiation", "radiotherapy is not recorded");
        reasons.put("51 Performance Status at Start of Cycle - Adult", "performance status is not recorded");
        reasons.put("32 Daily Total Dose Per Administration (the CAR-T cells)", "the cells' dose is a number of cells, "
                + "which neither fits the field's format (max n8) nor has a dm+d unit; it is left empty");
        reasons.put("53 Administration Measurement Per Daily Total Dose", "its national code list is not held by "
                + "cartpath; the dm+d unit (55) is given instead");
        reasons.put("54 Other - Administration Measurement Per Daily Total Dose", "see 53");
        reasons.put("33 SACT Administration Route", "its national code list is not held by cartpath; the dm+d route "
                + "(56) is given instead");
        reasons.put("81 Administration Date (Oral Drug Dispensed)", "no oral drug is part of the CAR-T regimen");
        reasons.put("82 Cycle Length in Days", "a CAR-T regimen is a single cycle");
        reasons.put("83 Number Of Cycles Administered (On A Named Day)", "a CAR-T regimen is a single cycle");
        reasons.put("88 End of Regimen Summary", "not recorded");
        reasons.put("Regimen, cycle and dose modification and cycle delay sections (68–79, 84–87)",
                "optional sections (0..1) not recorded by cartpath; not included in the file");
        return reasons;
    }
}
