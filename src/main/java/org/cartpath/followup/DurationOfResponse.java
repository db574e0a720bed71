package org.cartpath.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cartpath.followup.outcomes.ImwgConfirmation;
import org.cartpath.followup.outcomes.ImwgResponse;

/**
 * Duration of response per framework (docs/clinical/response-assessment.md): from the first date a response was
 * reached to the first relapse or progression after it, or death from any cause (an event), else to the last contact
 * (censored). For IMWG 2016 (Kumar et al. Lancet Oncol 2016;17:e328, "duration of response: from the start of the
 * first confirmed response (partial response or better) to confirmed progression or death") the response and the
 * progression are the confirmed ones ({@link ImwgConfirmation}); for the other frameworks one assessment suffices.
 * The last contact is the latest date the patient was known alive: an assessment, an attended visit or an outcome event
 * other than death.
 */
public record DurationOfResponse(ResponseFramework framework, LocalDate from, LocalDate to, boolean ended,
        String endedBy, long days) {

    static final Set<String> RESPONSES = Set.of("MRD_NEGATIVE_COMPLETE_REMISSION", "COMPLETE_REMISSION",
            "COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY", "COMPLETE_METABOLIC_RESPONSE",
            "PARTIAL_METABOLIC_RESPONSE", "COMPLETE_RESPONSE", "PARTIAL_RESPONSE");
    static final Set<String> FAILURES = Set.of("NO_REMISSION", "PROGRESSIVE_METABOLIC_DISEASE",
            "PROGRESSIVE_DISEASE");

    /** The duration of response of each framework with a response; the visits give the last contact. */
    public static List<DurationOfResponse> of(ResponseHistory history, List<OutcomeEvent> events,
            List<PlannedVisit> visits) {
        List<DurationOfResponse> durations = new ArrayList<>();
        LocalDate lastContact = lastContact(history, events, visits);
        for (ResponseFramework framework : ResponseFramework.values()) {
            List<ResponseAssessment> assessed = history.current().stream().filter(a -> a.framework() == framework)
                    .sorted(Comparator.comparing(ResponseAssessment::assessedOn)).toList();
            if (assessed.isEmpty()) {
                continue;
            }
            LocalDate from;
            Optional<LocalDate> failed;
            if (framework == ResponseFramework.IMWG_2016) {
                ImwgConfirmation.Course course = imwgCourse(assessed);
                from = course.confirmations().stream()
                        .filter(c -> ImwgConfirmation.isResponse(c.category())).map(ImwgConfirmation.Confirmed::from)
                        .min(Comparator.naturalOrder()).orElse(null);
                LocalDate start = from;
                failed = start == null ? Optional.empty() : course.confirmations().stream()
                        .filter(c -> c.category() == ImwgResponse.Category.PROGRESSIVE_DISEASE
                                && c.from().isAfter(start))
                        .map(ImwgConfirmation.Confirmed::from).min(Comparator.naturalOrder());
            } else {
                from = assessed.stream().filter(a -> RESPONSES.contains(a.category()))
                        .map(ResponseAssessment::assessedOn).findFirst().orElse(null);
                LocalDate start = from;
                failed = start == null ? Optional.empty() : assessed.stream()
                        .filter(a -> FAILURES.contains(a.category()) && a.assessedOn().isAfter(start))
                        .map(ResponseAssessment::assessedOn).findFirst();
            }
            if (from == null) {
                continue;
            }
            LocalDate start = from;
            Optional<OutcomeEvent> event = events.stream()
                    .filter(e -> (e.kind() == OutcomeEvent.Kind.RELAPSE || e.kind() == OutcomeEvent.Kind.PROGRESSION
                            || e.kind() == OutcomeEvent.Kind.DEATH) && !e.occurredOn().isBefore(start))
                    .min(Comparator.comparing(OutcomeEvent::occurredOn));
            LocalDate to = null;
            String endedBy = null;
            if (failed.isPresent()) {
                to = failed.get();
                endedBy = framework == ResponseFramework.B_ALL ? "No remission on assessment"
                        : framework == ResponseFramework.IMWG_2016 ? "Confirmed progressive disease"
                        : "Progression on assessment";
            }
            if (event.isPresent() && (to == null || event.get().occurredOn().isBefore(to))) {
                to = event.get().occurredOn();
                endedBy = event.get().kind().label();
            }
            boolean ended = to != null;
            if (!ended) {
                to = lastContact == null || lastContact.isBefore(start) ? start : lastContact;
                endedBy = "Last contact (censored)";
            }
            durations.add(new DurationOfResponse(framework, start, to, ended, endedBy,
                    ChronoUnit.DAYS.between(start, to)));
        }
        return durations;
    }

    /** The IMWG course of the assessments (their recorded categories). */
    public static ImwgConfirmation.Course imwgCourse(List<ResponseAssessment> imwg) {
        return ImwgConfirmation.of(imwg.stream().filter(a -> a.framework() == ResponseFramework.IMWG_2016)
                .map(a -> new ImwgConfirmation.Assessed(a.assessedOn(), ImwgResponse.Category.valueOf(a.category())))
                .toList());
    }

    private static LocalDate lastContact(ResponseHistory history, List<OutcomeEvent> events,
            List<PlannedVisit> visits) {
        List<LocalDate> dates = new ArrayList<>();
        history.current().forEach(a -> dates.add(a.assessedOn()));
        events.stream().filter(e -> e.kind() != OutcomeEvent.Kind.DEATH).forEach(e -> dates.add(e.occurredOn()));
        visits.stream().filter(v -> v.state() == PlannedVisit.State.ATTENDED && v.outcomeOn() != null)
                .forEach(v -> dates.add(v.outcomeOn()));
        return dates.stream().max(Comparator.naturalOrder()).orElse(null);
    }
}
