package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cartpath.followup.ClinicVisits;
import org.cartpath.followup.OutcomeEvent;
import org.cartpath.followup.OutcomeEvents;
import org.cartpath.followup.PlannedVisit;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clinic visit outcomes and the patient's outcome events after infusion: relapse or progression, vital status,
 * death, second primary malignancy (docs/clinical/follow-up.md).
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/follow-up")
@Tag(name = "Follow-up outcomes", description = "Clinic visit outcomes; relapse, vital status, death and second"
        + " malignancies after infusion")
class FollowUpOutcomeApiController {

    record VisitOutcomeBody(Boolean attended, @Size(max = TextLimits.SHORT) String on,
            @Size(max = TextLimits.LONG) String reason) {
    }

    record OutcomeEventBody(@Size(max = TextLimits.SHORT) String kind, @Size(max = TextLimits.SHORT) String occurredOn,
            @Size(max = TextLimits.SHORT) String source, @Size(max = TextLimits.LONG) String sourceDocument,
            @Size(max = TextLimits.LONG) String site, @Size(max = TextLimits.SHORT) String targetAntigen,
            @Size(max = TextLimits.SHORT) String antigenStatus, @Size(max = TextLimits.SHORT) String cause,
            @Size(max = TextLimits.LONG) String causeDetail, @Size(max = TextLimits.SHORT) String malignancyType,
            @Size(max = TextLimits.LONG) String diagnosis) {
    }

    private final ClinicVisits visits;
    private final OutcomeEvents events;

    FollowUpOutcomeApiController(ClinicVisits visits, OutcomeEvents events) {
        this.visits = visits;
        this.events = events;
    }

    @PostMapping("/visits/{key}/outcome")
    @Operation(summary = "Record a clinic visit (DAY_7, YEAR_2…) as attended or not attended (with the reason), on a"
            + " date from day 0 to today; 409 visit-already-recorded")
    PlannedVisit recordVisit(Actor actor, @PathVariable String id, @PathVariable String key,
            @RequestBody(required = false) VisitOutcomeBody body) {
        CaseId caseId = CaseId.of(id);
        visits.visitForRecording(actor, caseId, key);
        VisitOutcomeBody in = body != null ? body : new VisitOutcomeBody(null, null, null);
        return visits.record(actor, caseId, key, new ClinicVisits.Outcome(in.attended(), date(in.on(), "on"),
                in.reason()));
    }

    @PostMapping("/outcome-events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record relapse or progression, alive at last contact, lost to follow-up, death (once, with"
            + " its cause; the case ends and later visits stop being due) or a second primary malignancy (a T-cell"
            + " malignancy opens its report tasks)")
    OutcomeEvent recordEvent(Actor actor, @PathVariable String id, @RequestBody(required = false) OutcomeEventBody body) {
        CaseId caseId = CaseId.of(id);
        events.dayZeroForRecording(actor, caseId);
        return events.record(actor, caseId, entry(body));
    }

    @GetMapping("/outcome-events")
    @Operation(summary = "The patient's outcome events after infusion, by date")
    List<OutcomeEvent> events(Actor actor, @PathVariable String id) {
        return events.events(actor, CaseId.of(id));
    }

    static OutcomeEvents.Entry entry(OutcomeEventBody body) {
        OutcomeEventBody in = body != null ? body
                : new OutcomeEventBody(null, null, null, null, null, null, null, null, null, null, null);
        return new OutcomeEvents.Entry(RequestFields.choice(blankToNull(in.kind()), OutcomeEvent.Kind.class, "kind"),
                date(in.occurredOn(), "occurredOn"),
                RequestFields.choice(blankToNull(in.source()), OutcomeEvent.InformationSource.class, "source"),
                in.sourceDocument(), in.site(), in.targetAntigen(),
                RequestFields.choice(blankToNull(in.antigenStatus()), OutcomeEvent.AntigenStatus.class, "antigenStatus"),
                RequestFields.choice(blankToNull(in.cause()), OutcomeEvent.DeathCause.class, "cause"), in.causeDetail(),
                RequestFields.choice(blankToNull(in.malignancyType()), OutcomeEvent.MalignancyType.class,
                        "malignancyType"),
                in.diagnosis());
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
