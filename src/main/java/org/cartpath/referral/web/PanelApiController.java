package org.cartpath.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.NationalPanel;
import org.cartpath.referral.PanelAgendaItem;
import org.cartpath.referral.PanelAllocationBasis;
import org.cartpath.referral.PanelAttendee;
import org.cartpath.referral.PanelCaseReview;
import org.cartpath.referral.PanelDecision;
import org.cartpath.referral.PanelDecisionRequest;
import org.cartpath.referral.PanelMeeting;
import org.cartpath.referral.PanelMeetingView;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.referral.PanelVote;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.cartpath.shared.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/panel-meetings")
@Tag(name = "National panel", description = "Weekly meetings of the national CAR-T clinical panel: the agenda of "
        + "submitted cases, the members present, one vote each, and the chair's signed decision. Panel members "
        + "see patients as initials, age, sex and the NHS number's last three digits. Every POST accepts "
        + "Idempotency-Key: a replay answers with the first answer.")
class PanelApiController {

    record MeetingRequest(@Size(max = TextLimits.SHORT) String meetsOn, @Size(max = TextLimits.SHORT) String chairId) {
    }

    record AgendaRequest(@Size(max = TextLimits.SHORT) String caseId) {
    }

    record AttendeeRequest(@Size(max = TextLimits.SHORT) String userId, Boolean voting) {
    }

    record AttendanceRequest(@Valid List<AttendeeRequest> members) {
    }

    record VoteRequest(
            @Size(max = TextLimits.SHORT) String caseId,
            @Size(max = TextLimits.SHORT) String vote,
            @Size(max = TextLimits.LONG) String comment) {
    }

    record DecisionRequest(
            @Size(max = TextLimits.SHORT) String caseId,
            @Size(max = TextLimits.SHORT) String outcome,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.SHORT) String treatingCentreId,
            @Size(max = TextLimits.SHORT) String allocationBasis,
            @Size(max = TextLimits.LONG) String allocationReason,
            @Size(max = TextLimits.SHORT) String password) {
    }

    private final NationalPanel panel;

    PanelApiController(NationalPanel panel) {
        this.panel = panel;
    }

    @GetMapping
    @Operation(summary = "Panel meetings by date", description = "Panel members see their panel's meetings; treatment "
            + "centres' coordinators and consultants every panel's (to submit cases). upcoming=true (the default) "
            + "lists today's and later ones.")
    Page<PanelMeeting> meetings(Actor actor, @RequestParam(defaultValue = "true") boolean upcoming,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return panel.meetings(actor, upcoming, new Page.Request(page, size));
    }

    @PostMapping
    @Operation(summary = "Schedule a meeting of your panel", description = "Panel members. meetsOn defaults to the "
            + "next meeting weekday (setting cartpath.panel.meeting-day) without a meeting; chairId, a member of the "
            + "panel, defaults to you. 409 duplicate-panel-meeting if the panel already meets that day.")
    ResponseEntity<PanelMeeting> schedule(Actor actor, @RequestBody(required = false) MeetingRequest body) {
        MeetingRequest request = body == null ? new MeetingRequest(null, null) : body;
        PanelMeeting meeting = panel.schedule(actor, date(request.meetsOn(), "meetsOn"),
                request.chairId() == null ? null : new UserId(uuid(request.chairId(), "chairId")));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/panel-meetings/" + meeting.id()))
                .body(meeting);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A meeting with its members present and its agenda", description = "Panel members see the "
            + "whole agenda; a treatment centre only the cases it submitted; anyone else 404.")
    PanelMeetingView meeting(Actor actor, @PathVariable String id) {
        return panel.meeting(actor, Ids.parse(id, "panel meeting"));
    }

    @PostMapping("/{id}/agenda")
    @Operation(summary = "Submit a case to the meeting", description = "The treating centre's coordinators, with the "
            + "case at ELIGIBILITY_ASSESSED and an eligibility assessment that proceeds (422 eligibility-not-confirmed); "
            + "the meeting today or later (422 panel-meeting-past); at most one meeting awaiting the case's decision "
            + "(409 already-on-agenda). The panel becomes a party to the case.")
    ResponseEntity<PanelAgendaItem> submit(Actor actor, @PathVariable String id,
            @RequestBody(required = false) AgendaRequest body) {
        UUID meeting = Ids.parse(id, "panel meeting");
        CaseId caseId = caseId(body == null ? null : body.caseId());
        PanelAgendaItem item = panel.submit(actor, meeting, caseId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/panel-meetings/" + id + "/agenda/" + caseId)).body(item);
    }

    @GetMapping("/{id}/agenda/{caseId}")
    @Operation(summary = "A case on the agenda as the panel sees it", description = "The pseudonymised patient, the "
            + "latest eligibility assessment with its data and sources, the members present, the votes (panel "
            + "members only) and the decision. The read is logged.")
    PanelCaseReview review(Actor actor, @PathVariable String id, @PathVariable String caseId) {
        return panel.review(actor, Ids.parse(id, "panel meeting"), CaseId.of(caseId));
    }

    @PostMapping("/{id}/attendance")
    @Operation(summary = "Record the members present", description = "The meeting's chair. members: [{userId, "
            + "voting}], voting defaulting to true (false for a member who declared an interest). A member already "
            + "recorded is 409 already-present.")
    ResponseEntity<List<PanelAttendee>> attendance(Actor actor, @PathVariable String id,
            @RequestBody(required = false) AttendanceRequest body) {
        UUID meeting = Ids.parse(id, "panel meeting");
        List<NationalPanel.Attendee> attendees = new ArrayList<>();
        List<AttendeeRequest> members = body == null || body.members() == null ? List.of() : body.members();
        for (int i = 0; i < members.size(); i++) {
            AttendeeRequest member = members.get(i);
            String field = "members[" + i + "].userId";
            if (member == null || member.userId() == null) {
                throw ProblemException.invalid(field, "is required");
            }
            attendees.add(new NationalPanel.Attendee(new UserId(uuid(member.userId(), field)),
                    member.voting() == null || member.voting()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(panel.recordAttendance(actor, meeting, attendees));
    }

    @PostMapping("/{id}/votes")
    @Operation(summary = "Vote on a case of the agenda", description = "A member of the panel recorded present and "
            + "voting, once per case: vote APPROVE, DECLINE, DEFER or REQUEST_INFORMATION, with an optional comment. "
            + "403 not-a-panel-member, 422 member-not-present or member-not-voting, 409 already-voted.")
    ResponseEntity<PanelVote> vote(Actor actor, @PathVariable String id, @RequestBody(required = false) VoteRequest body) {
        UUID meeting = Ids.parse(id, "panel meeting");
        VoteRequest request = body == null ? new VoteRequest(null, null, null) : body;
        CaseId caseId = caseId(request.caseId());
        PanelVote vote = panel.vote(actor, meeting, caseId, RequestFields.choice(request.vote(), PanelOutcome.class, "vote"),
                request.comment());
        return ResponseEntity.status(HttpStatus.CREATED).body(vote);
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Record the panel's decision on a case, signed by the chair", description = "The meeting's "
            + "chair, present, with their password (422 signature-refused). APPROVE needs every voting member present "
            + "to have voted to approve (422 panel-not-unanimous names who did not) and names the treating centre "
            + "(default the case's; another needs allocationBasis GEOGRAPHY, CAPACITY or PATIENT_PREFERENCE and "
            + "allocationReason); the case moves to PANEL_APPROVED. DECLINE (reason) ends the case. DEFER (reason) "
            + "puts it on the next meeting's agenda. REQUEST_INFORMATION (reason: what is needed) keeps it at "
            + "ELIGIBILITY_ASSESSED with a task for the coordinator.")
    ResponseEntity<PanelDecision> decide(Actor actor, @PathVariable String id,
            @RequestBody(required = false) DecisionRequest body) {
        UUID meeting = Ids.parse(id, "panel meeting");
        DecisionRequest r = body == null ? new DecisionRequest(null, null, null, null, null, null, null) : body;
        CaseId caseId = caseId(r.caseId());
        PanelDecision decision = panel.decide(actor, meeting, caseId, new PanelDecisionRequest(
                RequestFields.choice(r.outcome(), PanelOutcome.class, "outcome"), r.reason(),
                r.treatingCentreId() == null ? null : new OrganisationId(uuid(r.treatingCentreId(), "treatingCentreId")),
                RequestFields.choice(r.allocationBasis(), PanelAllocationBasis.class, "allocationBasis"),
                r.allocationReason(), r.password()));
        return ResponseEntity.status(HttpStatus.CREATED).body(decision);
    }

    static CaseId caseId(String value) {
        return new CaseId(uuid(value, "caseId"));
    }

    static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        try {
            UUID id = UUID.fromString(value.strip());
            if (id.toString().equalsIgnoreCase(value.strip())) {
                return id;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw ProblemException.invalid(field, "must be an id such as 3f0c6d1e-8a7b-4c2d-9e1f-0a2b3c4d5e6f");
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-12-02");
        }
    }
}
