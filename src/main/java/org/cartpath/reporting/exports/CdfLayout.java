package org.cartpath.reporting.exports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The CDF outcomes extract for NICE: one row per patient approved by the national panel (or infused), pseudonymised,
 * with the approval, the infusion, the response at the indication's assessment point, and overall and event-free
 * survival status and dates at the data cut-off. The definitions, their sources and every column:
 * docs/reporting/cdf-outcomes-extract.md. Plain Java, no Spring.
 */
final class CdfLayout {

    static final List<String> HEADER = List.of("pseudonym", "centre_ods_code", "product", "indication",
            "approval_date", "infused", "infusion_date", "assessment_point", "response_at_assessment_point",
            "response_assessment_date", "os_status", "os_date", "efs_status", "efs_event", "efs_date");

    /**
     * The indication's assessment point and its window in days after infusion: B-ALL day 28 (days 21–42; the day-28
     * marrow of ELIANA, Maude et al. N Engl J Med 2018;378:439–448); lymphoma and myeloma month 3 (days 60–120;
     * JULIET, Schuster et al. N Engl J Med 2019;380:45–56, and the month-3 assessment of the CDF data collections).
     */
    record AssessmentPoint(String name, int day, int fromDay, int toDay) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private CdfLayout() {
    }

    static AssessmentPoint assessmentPoint(String indication) {
        return "B_ALL".equals(indication) ? new AssessmentPoint("DAY_28", 28, 21, 42)
                : new AssessmentPoint("MONTH_3", 90, 60, 120);
    }

    /** The assessment in the point's window nearest its day (the earlier on a tie), if any. */
    static Optional<CdfPatient.Response> atAssessmentPoint(CdfPatient patient) {
        if (patient.dayZero() == null) {
            return Optional.empty();
        }
        AssessmentPoint point = assessmentPoint(patient.indication());
        return patient.responses().stream()
                .filter(r -> {
                    long day = ChronoUnit.DAYS.between(patient.dayZero(), r.assessedOn());
                    return day >= point.fromDay() && day <= point.toDay();
                })
                .min(Comparator.comparingLong((CdfPatient.Response r) -> Math.abs(ChronoUnit.DAYS.between(
                        patient.dayZero().plusDays(point.day()), r.assessedOn())))
                        .thenComparing(CdfPatient.Response::assessedOn));
    }

    /** The required fields missing for one patient, at the cut-off. */
    static List<Gap> gaps(CdfPatient patient, LocalDate cutOff, boolean pseudonymised) {
        List<Gap> gaps = new ArrayList<>();
        String who = pseudonymised ? patient.pseudonym() : patient.caseReference();
        String caseLink = pseudonymised ? null : "/cases/" + patient.caseId();
        if (patient.approvedOn() == null) {
            gaps.add(new Gap(who, "CDF outcomes", "approval_date: no national panel approval on record", caseLink));
        }
        if (patient.dayZero() != null) {
            AssessmentPoint point = assessmentPoint(patient.indication());
            LocalDate windowEnd = patient.dayZero().plusDays(point.toDay());
            boolean diedBefore = patient.diedOn() != null && patient.diedOn().isBefore(
                    patient.dayZero().plusDays(point.fromDay()));
            if (!windowEnd.isAfter(cutOff) && !diedBefore && atAssessmentPoint(patient).isEmpty()) {
                gaps.add(new Gap(who, "CDF outcomes", "response_at_assessment_point: no response assessment between day "
                        + point.fromDay() + " and day " + point.toDay(), pseudonymised ? null
                        : "/cases/" + patient.caseId() + "/follow-up"));
            }
        }
        return gaps;
    }

    /** The rows, ordered by pseudonym (which carries nothing of the patient). */
    static List<List<String>> rows(List<CdfPatient> patients, LocalDate cutOff) {
        return patients.stream().sorted(Comparator.comparing(CdfPatient::pseudonym))
                .map(p -> row(p, cutOff)).toList();
    }

    static List<String> row(CdfPatient p, LocalDate cutOff) {
        List<String> row = new ArrayList<>();
        row.add(p.pseudonym());
        row.add(text(p.centreOds()));
        row.add(text(p.productCode()));
        row.add(text(p.indication()));
        row.add(date(p.approvedOn()));
        row.add(p.dayZero() == null ? "N" : "Y");
        row.add(date(p.dayZero()));
        if (p.dayZero() == null) {
            row.addAll(List.of("", "", "", "", "", "", "", ""));
            return row;
        }
        AssessmentPoint point = assessmentPoint(p.indication());
        Optional<CdfPatient.Response> assessed = atAssessmentPoint(p);
        row.add(point.name());
        row.add(assessed.map(CdfPatient.Response::category).orElse(""));
        row.add(assessed.map(r -> date(r.assessedOn())).orElse(""));
        // overall survival from infusion: death, else censored at the last day known alive
        LocalDate lastAlive = p.lastContactOn() == null || p.lastContactOn().isBefore(p.dayZero()) ? p.dayZero()
                : p.lastContactOn();
        row.add(p.diedOn() != null ? "DEAD" : "ALIVE");
        row.add(date(p.diedOn() != null ? p.diedOn() : lastAlive));
        // event-free survival: no response at the assessment point, relapse or progression, or death; the first
        String event = null;
        LocalDate eventOn = null;
        if (assessed.isPresent() && !assessed.get().response()) {
            event = "NO_RESPONSE";
            eventOn = assessed.get().assessedOn();
        }
        if (p.relapseOn() != null && (eventOn == null || p.relapseOn().isBefore(eventOn))) {
            event = p.relapseKind();
            eventOn = p.relapseOn();
        }
        if (p.diedOn() != null && (eventOn == null || p.diedOn().isBefore(eventOn))) {
            event = "DEATH";
            eventOn = p.diedOn();
        }
        row.add(event == null ? "CENSORED" : "EVENT");
        row.add(event == null ? "" : event);
        row.add(date(event == null ? lastAlive : eventOn));
        return row;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
