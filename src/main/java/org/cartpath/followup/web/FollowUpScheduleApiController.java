package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.followup.schedule.RegistrySchedule;
import org.cartpath.followup.schedule.RegistryTimepoint;
import org.cartpath.followup.schedule.RegistryTrack;
import org.cartpath.followup.schedule.ScheduleRequests;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The registry follow-up schedule calculator (POST /api/v1/calculators/follow-up-schedule), stateless, exactly as the
 * outcomes calculators' contract §5 says: the time points of a track from day 0, with their due dates and windows
 * (docs/clinical/follow-up-schedule.md). The body is read as a tree so that a number or a date-time sent as
 * {@code dayZero} is refused, naming the field, rather than coerced.
 */
@RestController
@RequestMapping("/api/v1/calculators")
@Tag(name = "Follow-up calculators", description = "Registry follow-up time points after a CAR-T infusion;"
        + " nothing is stored")
class FollowUpScheduleApiController {

    record TimepointResponse(String name, LocalDate dueDate, LocalDate windowStart, LocalDate windowEnd) {
    }

    record ScheduleResponse(RegistryTrack track, LocalDate dayZero, List<TimepointResponse> timepoints) {
    }

    @PostMapping("/follow-up-schedule")
    @Operation(summary = "Registry time points (DAY_100, MONTH_6, YEAR_n) with due dates and windows from day 0",
            description = "dayZero is the infusion date (YYYY-MM-DD, no time); track is CIBMTR_15_YEAR,"
                    + " CIBMTR_STANDARD, CIBMTR_100_DAY_ONLY or EBMT. Windows include both ends; EBMT has none.")
    ScheduleResponse schedule(@RequestBody(required = false) JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode dayZeroNode = body != null && body.isObject() ? body.get("dayZero") : null;
        JsonNode trackNode = body != null && body.isObject() ? body.get("track") : null;
        LocalDate dayZero = null;
        RegistryTrack track = null;
        if (dayZeroNode == null || dayZeroNode.isNull()) {
            problems.add(new FieldProblem("dayZero", "is required"));
        } else if (!dayZeroNode.isString()) {
            problems.add(new FieldProblem("dayZero", "must be a date as text, YYYY-MM-DD"));
        } else {
            ScheduleRequests.DateOrProblem parsed = ScheduleRequests.calendarDate(dayZeroNode.stringValue());
            if (parsed.problem() != null) {
                problems.add(new FieldProblem("dayZero", parsed.problem()));
            }
            dayZero = parsed.date();
        }
        if (trackNode == null || trackNode.isNull()) {
            problems.add(new FieldProblem("track", "is required"));
        } else if (!trackNode.isString()) {
            problems.add(new FieldProblem("track", "must be one of " + ScheduleRequests.TRACKS));
        } else {
            track = ScheduleRequests.track(trackNode.stringValue());
            if (track == null) {
                problems.add(new FieldProblem("track", "must be one of " + ScheduleRequests.TRACKS));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<TimepointResponse> timepoints = RegistrySchedule.timepoints(dayZero, track).stream()
                .map(FollowUpScheduleApiController::response).toList();
        return new ScheduleResponse(track, dayZero, timepoints);
    }

    private static TimepointResponse response(RegistryTimepoint t) {
        return new TimepointResponse(t.name().code(), t.dueDate(), t.windowStart(), t.windowEnd());
    }
}
