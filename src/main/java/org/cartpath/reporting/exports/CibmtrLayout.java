package org.cartpath.reporting.exports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CIBMTR Cellular Therapy Essential Data Follow-Up form (Post-CTED, Form 4100), one row per time point due in the
 * month, with the questions cartpath can answer from the record, in the order and words of the CIBMTR Forms Instruction
 * Manual (https://www.cibmtr.org/manuals/fim/1/en/topic/4100; the critical fields of its Appendix O). Every question it
 * cannot answer is listed in the manifest ({@link #UNFILLABLE}). The rules of each column: docs/reporting/cibmtr-4100.md.
 * Plain Java, no Spring.
 */
final class CibmtrLayout {

    static final String FORM = "CIBMTR Form 4100";

    static final List<String> HEADER = List.of("crid", "patient", "centre_ods_code", "q1_product", "infusion_date",
            "timepoint", "period_start", "period_end", "q2_date_of_contact", "q3_survival_status", "date_of_death",
            "primary_cause_of_death", "q9_best_response", "q9_best_response_framework", "best_response_date",
            "q16_relapse_or_progression", "q17_relapse_or_progression_date", "relapse_target_antigen",
            "crs", "crs_highest_grade", "crs_onset_date", "crs_tocilizumab", "icans", "icans_highest_grade",
            "icans_onset_date", "q33_new_malignancy", "new_malignancy_date", "new_malignancy_type");

    /** What the form asks and cartpath does not hold (the manifest's "unfillableFields"). */
    static final Map<String, String> UNFILLABLE = unfillable();

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private CibmtrLayout() {
    }

    private static Map<String, String> unfillable() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Q4-8 Subsequent cellular infusions", "cartpath records one infusion per case");
        fields.put("Q12-15 Peripheral blood count recovery",
                "blood counts are recorded in follow-up (ADR 0031) but not yet mapped to the form's questions");
        fields.put("Q18-32 Current hematologic findings",
                "blood counts are recorded in follow-up (ADR 0031) but not yet mapped to the form's questions");
        fields.put("Q34-56 Persistence of cells", "CAR-T persistence is not recorded; B cells and IgG are recorded in"
                + " follow-up but not yet mapped to the form's questions");
        fields.put("Q57-76 Graft vs. host disease", "not applicable to autologous CAR-T; not recorded");
        fields.put("Q77-179 Toxicities other than CRS and ICANS", "only CRS and ICANS are graded in cartpath");
        fields.put("Q180-184 Infection",
                "infections are recorded in follow-up (ADR 0031) but not yet mapped to the form's questions");
        fields.put("Q185-186 Fertility", "not recorded");
        return fields;
    }

    /** The form's period: after the previous time point's date of contact (day 0 for the first) to this one's. */
    record Period(LocalDate start, LocalDate end, LocalDate contact) {
    }

    /**
     * The date of contact of a time point: the patient's last known-alive day in its window (its due date ± 30 days
     * when the track has no window), not after the cut-off; the date of death when the patient died first.
     */
    static Optional<LocalDate> contact(CibmtrFollowUp f, CibmtrFollowUp.Timepoint t, LocalDate cutOff) {
        LocalDate from = t.windowStart() == null ? t.dueDate().minusDays(30) : t.windowStart();
        LocalDate to = min(t.windowEnd() == null ? t.dueDate().plusDays(30) : t.windowEnd(), cutOff);
        if (f.diedOn() != null && !f.diedOn().isAfter(to)) {
            return Optional.of(f.diedOn());
        }
        return f.contacts().stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).max(Comparator.naturalOrder());
    }

    static Period period(CibmtrFollowUp f, LocalDate cutOff) {
        LocalDate start = f.dayZero();
        for (CibmtrFollowUp.Timepoint t : f.timepoints()) {
            if (t.name().equals(f.timepoint().name())) {
                break;
            }
            start = contact(f, t, cutOff).orElse(t.dueDate());
        }
        Optional<LocalDate> contact = contact(f, f.timepoint(), cutOff);
        return new Period(start, contact.orElse(f.timepoint().dueDate()), contact.orElse(null));
    }

    /**
     * Whether the form is due: a patient who died is reported on the form whose period holds the death, and no form
     * comes due after it.
     */
    static boolean due(CibmtrFollowUp f, LocalDate cutOff) {
        if (f.diedOn() == null) {
            return true;
        }
        boolean first = f.timepoints().isEmpty() || f.timepoints().get(0).name().equals(f.timepoint().name());
        return first || f.diedOn().isAfter(period(f, cutOff).start());
    }

    /** The required answers missing for one form. */
    static List<Gap> gaps(CibmtrFollowUp f, LocalDate cutOff, boolean pseudonymised) {
        List<Gap> gaps = new ArrayList<>();
        String who = pseudonymised ? f.pseudonym() : f.caseReference();
        String fixAt = pseudonymised ? null : "/cases/" + f.caseId() + "/follow-up";
        String form = FORM + " " + f.timepoint().name();
        Period period = period(f, cutOff);
        if (!pseudonymised && (f.registryId() == null || f.registryId().isBlank())) {
            gaps.add(new Gap(who, form, CibmtrForms.CRID_LABEL + ": not recorded", "/exports/registry/" + f.caseId()));
        }
        if (period.contact() == null) {
            gaps.add(new Gap(who, form, "Q2 Date of actual contact: no attended visit, assessment or outcome entry between "
                    + windowStart(f.timepoint()) + " and " + windowEnd(f.timepoint()), fixAt));
        }
        if (f.diedOn() != null && !f.diedOn().isAfter(period.end()) && f.deathCause() == null) {
            gaps.add(new Gap(who, form, "Primary cause of death: the death is recorded without a cause", fixAt));
        }
        if (f.timepoint().name().equals("DAY_100") && bestResponse(f, period).isEmpty()) {
            gaps.add(new Gap(who, form, "Q9 Best response to cellular therapy: no response assessment by day 100",
                    fixAt));
        }
        return gaps;
    }

    static List<List<String>> rows(List<CibmtrFollowUp> forms, LocalDate cutOff, boolean pseudonymised) {
        return forms.stream()
                .sorted(Comparator.comparing((CibmtrFollowUp f) -> pseudonymised ? f.pseudonym() : f.caseReference())
                        .thenComparing(f -> f.timepoint().dueDate()))
                .map(f -> row(f, cutOff, pseudonymised)).toList();
    }

    static List<String> row(CibmtrFollowUp f, LocalDate cutOff, boolean pseudonymised) {
        Period period = period(f, cutOff);
        boolean first = f.timepoints().isEmpty() || f.timepoints().get(0).name().equals(f.timepoint().name());
        List<String> row = new ArrayList<>();
        // the CRID recorded for this patient (never in a pseudonymised extract: it links the row to the registry)
        row.add(pseudonymised || f.registryId() == null ? "" : f.registryId());
        row.add(pseudonymised ? f.pseudonym() : f.caseReference());
        row.add(text(f.centreOds()));
        row.add(text(f.productCode()));
        row.add(date(f.dayZero()));
        row.add(f.timepoint().name());
        row.add(date(period.start()));
        row.add(date(period.end()));
        row.add(date(period.contact()));
        boolean dead = f.diedOn() != null && !f.diedOn().isAfter(period.end());
        row.add(dead ? "DEAD" : period.contact() == null ? "UNKNOWN" : "ALIVE");
        row.add(dead ? date(f.diedOn()) : "");
        row.add(dead ? text(f.deathCause()) : "");
        Optional<CibmtrFollowUp.Response> best = bestResponse(f, period);
        row.add(best.map(CibmtrFollowUp.Response::category).orElse(""));
        row.add(best.map(CibmtrFollowUp.Response::framework).orElse(""));
        row.add(best.map(r -> date(r.assessedOn())).orElse(""));
        Optional<CibmtrFollowUp.Event> relapse = inPeriod(f.relapses(), period, first).stream().findFirst();
        row.add(relapse.isPresent() ? "Y" : "N");
        row.add(relapse.map(e -> date(e.on())).orElse(""));
        row.add(relapse.map(e -> text(e.detail())).orElse(""));
        addEpisode(row, f, "CRS", period, first);
        row.add(f.tocilizumab().stream().anyMatch(d -> within(d, period, first)) ? "Y" : "N");
        addEpisode(row, f, "ICANS", period, first);
        Optional<CibmtrFollowUp.Event> malignancy = inPeriod(f.malignancies(), period, first).stream().findFirst();
        row.add(malignancy.isPresent() ? "Y" : "N");
        row.add(malignancy.map(e -> date(e.on())).orElse(""));
        row.add(malignancy.map(e -> text(e.detail())).orElse(""));
        return row;
    }

    /** The best category assessed in the period (the first day it was reached), by the framework's own order. */
    static Optional<CibmtrFollowUp.Response> bestResponse(CibmtrFollowUp f, Period period) {
        boolean first = f.timepoints().isEmpty() || f.timepoints().get(0).name().equals(f.timepoint().name());
        return f.responses().stream().filter(r -> within(r.assessedOn(), period, first))
                .min(Comparator.comparingInt(CibmtrFollowUp.Response::rank)
                        .thenComparing(CibmtrFollowUp.Response::assessedOn));
    }

    private static void addEpisode(List<String> row, CibmtrFollowUp f, String kind, Period period, boolean first) {
        List<CibmtrFollowUp.Episode> episodes = f.episodes().stream()
                .filter(e -> e.kind().equals(kind) && within(e.onsetOn(), period, first)).toList();
        row.add(episodes.isEmpty() ? "N" : "Y");
        row.add(episodes.isEmpty() ? "" : Integer.toString(episodes.stream()
                .mapToInt(CibmtrFollowUp.Episode::highestGrade).max().orElseThrow()));
        row.add(episodes.stream().map(CibmtrFollowUp.Episode::onsetOn).min(Comparator.naturalOrder())
                .map(CibmtrLayout::date).orElse(""));
    }

    private static List<CibmtrFollowUp.Event> inPeriod(List<CibmtrFollowUp.Event> events, Period period,
            boolean first) {
        return events.stream().filter(e -> within(e.on(), period, first))
                .sorted(Comparator.comparing(CibmtrFollowUp.Event::on)).toList();
    }

    /** In the period: after its start (from day 0 itself for the first form) up to and including its end. */
    static boolean within(LocalDate day, Period period, boolean first) {
        boolean afterStart = first ? !day.isBefore(period.start()) : day.isAfter(period.start());
        return afterStart && !day.isAfter(period.end());
    }

    private static String windowStart(CibmtrFollowUp.Timepoint t) {
        return date(t.windowStart() == null ? t.dueDate().minusDays(30) : t.windowStart());
    }

    private static String windowEnd(CibmtrFollowUp.Timepoint t) {
        return date(t.windowEnd() == null ? t.dueDate().plusDays(30) : t.windowEnd());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }
}
