package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cartpath.followup.FollowUpPlan;
import org.cartpath.followup.FollowUpPlans;
import org.cartpath.followup.FollowUpWorklist;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's follow-up plan (registry track, registry time points, clinic visits), the change of its track, the
 * completion of a registry time point, and the follow-up worklist (docs/clinical/follow-up-schedule.md).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Follow-up plan", description = "Registry track, registry time points and clinic visits of infused cases;"
        + " the follow-up worklist")
class FollowUpPlanApiController {

    record TrackChange(@Size(max = TextLimits.SHORT) String track, @Size(max = TextLimits.LONG) String reason,
            Integer expectedVersion) {
    }

    private final FollowUpPlans plans;
    private final FollowUpWorklist worklist;

    FollowUpPlanApiController(FollowUpPlans plans, FollowUpWorklist worklist) {
        this.plans = plans;
        this.worklist = worklist;
    }

    @GetMapping("/cases/{id}/follow-up")
    @Operation(summary = "The case's follow-up plan: track (and why), registry time points with windows and status,"
            + " clinic visits (404 before the infusion is recorded)")
    FollowUpPlan plan(Actor actor, @PathVariable String id) {
        return plans.plan(actor, CaseId.of(id));
    }

    @PostMapping("/cases/{id}/follow-up/track")
    @Operation(summary = "Change the registry track (CIBMTR_15_YEAR, CIBMTR_STANDARD, CIBMTR_100_DAY_ONLY, EBMT) with"
            + " a reason; planned time points are recomputed, completed ones kept")
    FollowUpPlan changeTrack(Actor actor, @PathVariable String id, @RequestBody(required = false) TrackChange body) {
        TrackChange in = body != null ? body : new TrackChange(null, null, null);
        return plans.changeTrack(actor, CaseId.of(id), in.track(), in.reason(), in.expectedVersion());
    }

    @PostMapping("/cases/{id}/follow-up/registry-timepoints/{name}/completion")
    @Operation(summary = "Record that the registry form of a time point (DAY_100, MONTH_6, YEAR_n) was submitted;"
            + " its reminder tasks close")
    FollowUpPlan complete(Actor actor, @PathVariable String id, @PathVariable String name) {
        return plans.completeTimepoint(actor, CaseId.of(id), name);
    }

    @GetMapping("/follow-up")
    @Operation(summary = "Registry time points and clinic visits overdue, in window or due in the next 14 days, of"
            + " the cases your organisation treats or referred; filter by treating centre, referring hospital and"
            + " the role responsible (DATA_MANAGER: registry forms, COORDINATOR: clinic visits)")
    List<FollowUpWorklist.Item> worklist(Actor actor, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String referringHospital,
            @RequestParam(required = false) String responsible) {
        return worklist.items(actor, filter(centre, referringHospital, responsible));
    }

    static FollowUpWorklist.Filter filter(String centre, String referringHospital, String responsible) {
        Role role = blank(responsible) ? null : RequestFields.choice(responsible, Role.class, "responsible");
        if (role != null && role != Role.DATA_MANAGER && role != Role.COORDINATOR) {
            throw org.cartpath.shared.ProblemException.invalid("responsible", "must be DATA_MANAGER or COORDINATOR");
        }
        return new FollowUpWorklist.Filter(organisation(centre, "centre"),
                organisation(referringHospital, "referringHospital"), role);
    }

    private static OrganisationId organisation(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return new OrganisationId(java.util.UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw org.cartpath.shared.ProblemException.invalid(field, "must be an organisation id");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
