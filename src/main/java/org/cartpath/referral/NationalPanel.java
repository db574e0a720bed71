package org.cartpath.referral;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.referral.panel.PanelRules;
import org.cartpath.referral.panel.PanelStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national CAR-T clinical panel (ADR 0014): weekly meetings (the weekday is a setting,
 * {@code cartpath.panel.meeting-day}), the agenda of cases a treatment centre's coordinator submits once
 * eligibility is assessed, the members present, one vote each, and the chair's signed decision — approve
 * (unanimity of the voting members present; names the treating centre), decline (the case ends), defer (to
 * the next meeting) or request information (a task for the coordinator). Panel members see the patient
 * pseudonymised ({@link PanelPatient}); reads of a case's clinical data are logged.
 */
@Service
public class NationalPanel {

    /** A member recorded present, and whether they vote (not when they declared an interest). */
    public record Attendee(UserId memberId, boolean voting) {
    }

    /** A case's passage through the panel, for the case page. */
    public record CaseHistoryEntry(PanelMeeting meeting, PanelAgendaItem item, PanelDecision decision) {
    }

    /** What a panel member's home page shows. */
    public record Home(PanelMeeting nextMeeting, List<PanelAgendaItem> nextAgenda, List<AwaitingVote> awaitingVote) {
    }

    public record AwaitingVote(PanelMeeting meeting, PanelAgendaItem item) {
    }

    static final String REVIEW_PURPOSE = "national panel review";
    static final String SUBMISSION_PURPOSE = "national panel submission";
    static final String AGENDA_PURPOSE = "national panel agenda";
    static final int MAX_TEXT = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final PanelStore store;
    private final PanelAccess access;
    private final PanelDecisions decisions;
    private final CaseJourney journey;
    private final PatientManagement patients;
    private final EligibilityAssessments eligibility;
    private final AuditTrail audit;
    private final CanonicalJson canonical;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final DayOfWeek meetingDay;

    NationalPanel(PanelStore store, PanelAccess access, PanelDecisions decisions, CaseJourney journey,
            PatientManagement patients, EligibilityAssessments eligibility, AuditTrail audit, JsonMapper json, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone,
            @Value("${cartpath.panel.meeting-day:WEDNESDAY}") DayOfWeek meetingDay) {
        this.store = store;
        this.access = access;
        this.decisions = decisions;
        this.journey = journey;
        this.patients = patients;
        this.eligibility = eligibility;
        this.audit = audit;
        this.canonical = new CanonicalJson(json);
        this.json = json;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.meetingDay = meetingDay;
    }

    // --- meetings -------------------------------------------------------------------------------------------

    /**
     * Meetings from today on ({@code upcoming}) or all, by date: a panel member's own panel's, a treatment
     * centre's coordinators and consultants every panel's (to submit cases). 403 for anyone else.
     */
    @Transactional(readOnly = true)
    public Page<PanelMeeting> meetings(Actor actor, boolean upcoming, Page.Request request) {
        LocalDate from = upcoming ? today() : null;
        if (PanelAccess.isPanelMember(actor)) {
            DataScope scope = DataVisibility.clinicalScope(actor);
            return new Page<>(store.meetings(scope, from, request.size(), request.offset()),
                    request.page(), request.size(), store.countMeetings(scope, from));
        }
        if (PanelAccess.isCentreStaff(actor)) {
            return new Page<>(store.publishedMeetings(from, request.size(), request.offset()), request.page(),
                    request.size(), store.countPublishedMeetings(from));
        }
        throw ProblemException.forbidden("Panel meetings are for the national panel and treatment centres");
    }

    /**
     * Schedules a meeting of the actor's panel. The day defaults to the next meeting weekday, from today, that
     * has no meeting yet; the chair defaults to the actor and must be a member.
     */
    @Transactional
    public PanelMeeting schedule(Actor actor, LocalDate meetsOn, UserId chairId) {
        if (!PanelAccess.isPanelMember(actor)) {
            throw new ProblemException("not-a-panel-member", 403, "Not allowed",
                    "Only members of a national CAR-T panel schedule its meetings");
        }
        LocalDate day = meetsOn != null ? meetsOn : firstFreeMeetingDay(actor, today());
        if (day.isBefore(today())) {
            throw ProblemException.invalid("meetsOn", "must be today or later");
        }
        PanelMember chair = access.member(actor.organisationId(), chairId != null ? chairId : UserId.of(actor.id()), "chairId");
        if (store.meetingOn(actor.organisationId(), day)) {
            throw ProblemException.conflict("duplicate-panel-meeting", actor.organisationName() + " already meets on "
                    + DAY.format(day));
        }
        PanelMeeting meeting = new PanelMeeting(UUID.randomUUID(), actor.organisationId(), actor.organisationName(), day,
                chair.id(), chair.name(), now(), actor.displayName());
        try {
            store.insert(meeting);
        } catch (DuplicateKeyException raced) {
            throw ProblemException.conflict("duplicate-panel-meeting", actor.organisationName() + " already meets on "
                    + DAY.format(day));
        }
        audit.record(actor, "PANEL_MEETING_SCHEDULED", "PanelMeeting", meeting.id().toString(), null,
                Map.of("panelOrganisationId", meeting.panelOrganisationId().toString(), "meetsOn", day.toString(),
                        "chairId", chair.id().toString()), null);
        return meeting;
    }

    /** The members of the actor's panel (for choosing a chair); empty for anyone else. */
    @Transactional(readOnly = true)
    public List<PanelMember> members(Actor actor) {
        return PanelAccess.isPanelMember(actor) ? access.members(actor.organisationId()) : List.of();
    }

    /** The day a new meeting of the actor's panel takes by default; null for anyone but a panel member. */
    @Transactional(readOnly = true)
    public LocalDate suggestedMeetingDay(Actor actor) {
        return PanelAccess.isPanelMember(actor) ? firstFreeMeetingDay(actor, today()) : null;
    }

    /** Whether the actor may vote on the reviewed case now: a member present with a vote, not voted yet. */
    public boolean mayVote(Actor actor, PanelCaseReview review) {
        return PanelAccess.isMemberOf(actor, review.meeting().panelOrganisationId()) && review.item().awaitingDecision()
                && review.attendance().stream().anyMatch(a -> a.voting() && a.memberId().toString().equals(actor.id()))
                && review.votes().stream().noneMatch(v -> v.memberId().toString().equals(actor.id()));
    }

    /** Whether the actor chairs the meeting (records attendance and decisions). */
    public boolean chairs(Actor actor, PanelMeeting meeting) {
        return PanelAccess.isChair(actor, meeting);
    }

    /** The weekly default: the first meeting weekday from {@code from} on with no meeting of the panel yet. */
    LocalDate firstFreeMeetingDay(Actor actor, LocalDate from) {
        LocalDate day = PanelRules.nextMeetingDay(from, meetingDay);
        while (store.meetingOn(actor.organisationId(), day)) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    /** A meeting with the agenda the actor may see; each patient listed is logged as read. */
    @Transactional
    public PanelMeetingView meeting(Actor actor, UUID id) {
        PanelMeeting meeting = PanelAccess.visible(actor, find(id));
        boolean member = PanelAccess.isMemberOf(actor, meeting.panelOrganisationId());
        List<PanelAgendaItem> agenda = store.agenda(id, this::patient).stream()
                .filter(item -> PanelAccess.seesItem(actor, meeting, item)).toList();
        logListed(actor, agenda, AGENDA_PURPOSE);
        return new PanelMeetingView(meeting, member ? access.members(meeting.panelOrganisationId()) : List.of(),
                store.attendance(id), agenda, PanelAccess.isChair(actor, meeting), member);
    }

    // --- agenda ---------------------------------------------------------------------------------------------

    /** Whether the actor may submit this case to the panel now (the case page's action). */
    public boolean maySubmit(Actor actor, CaseView view) {
        return view.identityVisible() && isTreatingCoordinator(actor, view.therapyCase())
                && view.therapyCase().stage() == Stage.ELIGIBILITY_ASSESSED
                && store.awaitingItemOfCase(view.therapyCase().id(), this::patient).isEmpty();
    }

    /**
     * Puts a case on a meeting's agenda: the treating centre's coordinator, the case at ELIGIBILITY_ASSESSED
     * with an assessment that proceeds, a meeting today or later, and no other meeting awaiting its decision.
     * The panel's organisation becomes a party to the case.
     */
    @Transactional
    public PanelAgendaItem submit(Actor actor, UUID meetingId, CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        TherapyCase therapyCase = view.therapyCase();
        if (!view.identityVisible()) {
            throw new NotFoundException("case", caseId);
        }
        if (!isTreatingCoordinator(actor, therapyCase)) {
            throw ProblemException.forbidden("Only the treating centre's coordinators submit cases to the panel");
        }
        PanelMeeting meeting = PanelAccess.visible(actor, find(meetingId));
        CaseStages.require(therapyCase, "submission to the national panel", Stage.ELIGIBILITY_ASSESSED);
        EligibilityAssessment assessed = eligibility.latest(caseId).filter(EligibilityAssessment::proceeds)
                .orElseThrow(() -> ProblemException.unprocessable("eligibility-not-confirmed", "Case "
                        + therapyCase.reference() + " has no eligibility assessment that proceeds to the panel"));
        if (meeting.meetsOn().isBefore(today())) {
            throw ProblemException.unprocessable("panel-meeting-past", "The meeting of " + DAY.format(meeting.meetsOn())
                    + " has taken place; choose a later one");
        }
        store.awaitingItemOfCase(caseId, this::patient).ifPresent(existing -> {
            throw alreadyOnAgenda(therapyCase, existing);
        });
        PatientRecord record = patients.get(actor, new PatientId(therapyCase.patientId()), SUBMISSION_PURPOSE);
        PanelAgendaItem item = new PanelAgendaItem(UUID.randomUUID(), meetingId, caseId, therapyCase.reference(),
                pseudonym(record.demographics()), PanelAgendaItem.Status.AWAITING_DECISION, now(), actor.displayName(),
                actor.organisationId(), null);
        try {
            store.insert(item, canonical.write(item.patient()), actor.id());
        } catch (DuplicateKeyException raced) {
            throw ProblemException.conflict("already-on-agenda", "Case " + therapyCase.reference()
                    + " is already on a panel agenda awaiting a decision");
        }
        journey.addParty(actor, caseId, meeting.panelOrganisationId(), PartyRole.NATIONAL_PANEL);
        closeSubmissionTask(actor, caseId);
        journey.note(actor, caseId, "PANEL_SUBMITTED", "Submitted to " + meeting.panelName() + ", meeting of "
                + DAY.format(meeting.meetsOn()) + " (eligibility assessment " + assessed.version() + ")");
        audit.record(actor, "PANEL_CASE_SUBMITTED", "PanelAgendaItem", item.id().toString(), null,
                Map.of("meetingId", meetingId.toString(), "caseId", caseId.toString(), "caseReference",
                        therapyCase.reference(), "eligibilityAssessmentId", assessed.id().toString()), null);
        return item;
    }

    private static ProblemException alreadyOnAgenda(TherapyCase therapyCase, PanelAgendaItem existing) {
        return ProblemException.conflict("already-on-agenda", "Case " + therapyCase.reference()
                + " is already on a panel agenda awaiting a decision (meeting " + existing.meetingId() + ")");
    }

    private void closeSubmissionTask(Actor actor, CaseId caseId) {
        String title = StageTasks.forStage(Stage.ELIGIBILITY_ASSESSED).map(StageTasks.Default::title).orElse(null);
        journey.tasks(actor, caseId).stream().filter(CaseTask::isOpen).filter(t -> t.title().equals(title))
                .forEach(t -> journey.closeTask(actor, caseId, t.id()));
        // submitting again is the answer to the panel's request for information
        journey.closeOpenTasks(actor, caseId, StageTasks.PANEL_INFORMATION);
    }

    // --- attendance, votes, decisions -------------------------------------------------------------------------

    /** The chair records the members present; a member is recorded once. */
    @Transactional
    public List<PanelAttendee> recordAttendance(Actor actor, UUID meetingId, List<Attendee> attendees) {
        PanelMeeting meeting = PanelAccess.visible(actor, find(meetingId));
        PanelAccess.requireChair(actor, meeting, "records who is present");
        if (attendees == null || attendees.isEmpty()) {
            throw ProblemException.invalid("members", "is required: list the members present");
        }
        Set<UserId> seen = new HashSet<>();
        Set<UserId> present = new HashSet<>(store.attendance(meetingId).stream().map(PanelAttendee::memberId).toList());
        List<PanelAttendee> recorded = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee attendee = attendees.get(i);
            String field = "members[" + i + "].userId";
            if (attendee == null || attendee.memberId() == null) {
                throw ProblemException.invalid(field, "is required");
            }
            PanelMember member = access.member(meeting.panelOrganisationId(), attendee.memberId(), field);
            if (!seen.add(member.id())) {
                throw ProblemException.invalid(field, "is listed twice");
            }
            if (present.contains(member.id())) {
                throw ProblemException.conflict("already-present", member.name() + " is already recorded present");
            }
            recorded.add(new PanelAttendee(member.id(), member.name(), attendee.voting(), now(), actor.displayName()));
        }
        recorded.forEach(a -> store.insert(meetingId, a));
        audit.record(actor, "PANEL_ATTENDANCE_RECORDED", "PanelMeeting", meetingId.toString(), null,
                Map.of("members", recorded.stream().map(a -> Map.of("memberId", a.memberId().toString(),
                        "voting", a.voting())).toList()), null);
        return store.attendance(meetingId);
    }

    /**
     * A member present and voting records their vote on a case of the agenda, once. Someone not on the panel
     * is refused (403), as is a member not present or present without a vote (422) and a second vote (409).
     */
    @Transactional
    public PanelVote vote(Actor actor, UUID meetingId, CaseId caseId, PanelOutcome choice, String comment) {
        PanelMeeting meeting = PanelAccess.visible(actor, find(meetingId));
        PanelAccess.requireMember(actor, meeting);
        PanelAgendaItem item = store.itemForUpdate(meetingId, caseId, this::patient)
                .orElseThrow(() -> new NotFoundException("case on this agenda", caseId));
        if (choice == null) {
            throw ProblemException.invalid("vote", "is required");
        }
        String text = PanelDecisions.text("comment", comment);
        PanelDecisions.requireAwaiting(item);
        UserId member = UserId.of(actor.id());
        PanelAttendee attendee = store.attendance(meetingId).stream().filter(a -> a.memberId().equals(member))
                .findFirst().orElseThrow(() -> ProblemException.unprocessable("member-not-present",
                        actor.displayName() + " is not recorded present at this meeting; the chair records attendance"));
        if (!attendee.voting()) {
            throw ProblemException.unprocessable("member-not-voting", actor.displayName()
                    + " is present without a vote at this meeting");
        }
        if (store.votes(item.id()).stream().anyMatch(v -> v.memberId().equals(member))) {
            throw ProblemException.conflict("already-voted", actor.displayName() + " has already voted on case "
                    + item.caseReference());
        }
        PanelVote vote = new PanelVote(UUID.randomUUID(), item.id(), member, actor.displayName(), choice, text, now());
        try {
            store.insert(vote);
        } catch (DuplicateKeyException raced) {
            throw ProblemException.conflict("already-voted", actor.displayName() + " has already voted on case "
                    + item.caseReference());
        }
        audit.record(actor, "PANEL_VOTE_CAST", "PanelAgendaItem", item.id().toString(), null,
                Map.of("caseId", caseId.toString(), "vote", choice.name()), text);
        return vote;
    }

    /** The chair's decision, signed with their password; see {@link PanelDecisions}. */
    @Transactional
    public PanelDecision decide(Actor actor, UUID meetingId, CaseId caseId, PanelDecisionRequest request) {
        PanelMeeting meeting = PanelAccess.visible(actor, find(meetingId));
        PanelAccess.requireChair(actor, meeting, "records the panel's decision");
        PanelAgendaItem item = store.itemForUpdate(meetingId, caseId, this::patient)
                .orElseThrow(() -> new NotFoundException("case on this agenda", caseId));
        PanelDecisions.Deferral deferral = (decision, chair) -> defer(chair, meeting, item, decision);
        return decisions.decide(actor, meeting, item, request, deferral);
    }

    /** Puts a deferred case on the panel's next meeting, scheduling it (same chair) if none is yet. */
    private PanelMeeting defer(Actor chair, PanelMeeting meeting, PanelAgendaItem item, UUID decisionId) {
        PanelMeeting next = store.meetingAfter(meeting.panelOrganisationId(), meeting.meetsOn()).orElseGet(() -> {
            LocalDate day = PanelRules.nextMeetingDay(meeting.meetsOn().plusDays(1), meetingDay);
            PanelMeeting scheduled = new PanelMeeting(UUID.randomUUID(), meeting.panelOrganisationId(), meeting.panelName(),
                    day, meeting.chairId(), meeting.chairName(), now(), chair.displayName());
            store.insert(scheduled);
            audit.record(chair, "PANEL_MEETING_SCHEDULED", "PanelMeeting", scheduled.id().toString(), null,
                    Map.of("panelOrganisationId", scheduled.panelOrganisationId().toString(), "meetsOn", day.toString(),
                            "chairId", scheduled.chairId().toString(), "for", "a deferred case"), null);
            return scheduled;
        });
        PanelAgendaItem moved = new PanelAgendaItem(UUID.randomUUID(), next.id(), item.caseId(), item.caseReference(),
                item.patient(), PanelAgendaItem.Status.AWAITING_DECISION, now(), chair.displayName(),
                item.submittingOrganisationId(), item.id());
        store.insert(moved, store.patientSummary(item.id()), chair.id());
        audit.record(chair, "PANEL_CASE_DEFERRED", "PanelAgendaItem", moved.id().toString(), null,
                Map.of("fromItemId", item.id().toString(), "meetingId", next.id().toString(), "decisionId",
                        decisionId.toString()), null);
        return next;
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /** A case on a meeting's agenda as the panel sees it (pseudonymised); the read is logged. */
    @Transactional
    public PanelCaseReview review(Actor actor, UUID meetingId, CaseId caseId) {
        PanelMeeting meeting = PanelAccess.visible(actor, find(meetingId));
        PanelAgendaItem item = store.agenda(meetingId, this::patient).stream()
                .filter(i -> i.caseId().equals(caseId) && PanelAccess.seesItem(actor, meeting, i)).findFirst()
                .orElseThrow(() -> new NotFoundException("case on this agenda", caseId));
        TherapyCase therapyCase = caseOnAgenda(actor, caseId);
        audit.recordAccess(actor, "Patient", therapyCase.patientId().toString(), REVIEW_PURPOSE);
        boolean member = PanelAccess.isMemberOf(actor, meeting.panelOrganisationId());
        Map<OrganisationId, String> names = decisions.organisationNames();
        return new PanelCaseReview(meeting, item, therapyCase.productCode(), therapyCase.indication(),
                therapyCase.jurisdiction(), therapyCase.labelVersionId(), names.get(therapyCase.referringOrganisation()),
                names.get(therapyCase.treatingCentre()), eligibility.latest(caseId).orElse(null), store.attendance(meetingId),
                member ? store.votes(item.id()) : List.of(), decisions.decision(item.id()).orElse(null));
    }

    /** The case's agenda items and decisions, for any organisation that sees the case in full. */
    @Transactional(readOnly = true)
    public List<CaseHistoryEntry> historyOfCase(Actor actor, CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        if (!view.identityVisible()) {
            throw new NotFoundException("case", caseId);
        }
        return store.itemsOfCase(caseId, this::patient).stream()
                .map(item -> new CaseHistoryEntry(find(item.meetingId()), item, decisions.decision(item.id()).orElse(null)))
                .toList();
    }

    /** A panel member's home: the next meeting and its agenda, and the cases awaiting their vote; listed patients are logged. */
    @Transactional
    public Optional<Home> home(Actor actor) {
        if (!PanelAccess.isPanelMember(actor)) {
            return Optional.empty();
        }
        PanelMeeting next = store.meetings(DataVisibility.clinicalScope(actor), today(), 1, 0).stream().findFirst().orElse(null);
        List<PanelAgendaItem> agenda = next == null ? List.of() : store.agenda(next.id(), this::patient).stream()
                .filter(PanelAgendaItem::awaitingDecision).toList();
        List<AwaitingVote> awaiting = new ArrayList<>();
        UserId member = UserId.of(actor.id());
        for (UUID meetingId : store.meetingsAwaitingVoteOf(actor.organisationId(), member)) {
            PanelMeeting meeting = find(meetingId);
            store.agenda(meetingId, this::patient).stream().filter(PanelAgendaItem::awaitingDecision)
                    .filter(i -> store.votes(i.id()).stream().noneMatch(v -> v.memberId().equals(member)))
                    .forEach(i -> awaiting.add(new AwaitingVote(meeting, i)));
        }
        logListed(actor, agenda, AGENDA_PURPOSE);
        logListed(actor, awaiting.stream().map(AwaitingVote::item).toList(), AGENDA_PURPOSE);
        return Optional.of(new Home(next, agenda, awaiting));
    }

    /** The meetings the actor's centre may submit to: every panel's, from today on. */
    @Transactional(readOnly = true)
    public List<PanelMeeting> upcomingForSubmission(Actor actor) {
        return PanelAccess.isCentreStaff(actor) ? store.publishedMeetings(today(), 50, 0) : List.of();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Pseudonymised, but still about a patient: every listing is logged, as a patient search is. */
    private void logListed(Actor actor, List<PanelAgendaItem> items, String purpose) {
        for (PanelAgendaItem item : items) {
            audit.recordAccess(actor, "Patient", caseOnAgenda(actor, item.caseId()).patientId().toString(), purpose);
        }
    }

    /**
     * A case on an agenda the actor may see: the panel reads it through its own agenda record, which outlasts its
     * reach over the case (the panel sees no booking, custody or manufacturing once the case has moved on); the
     * submitting centre reads it as a party of the case.
     */
    private TherapyCase caseOnAgenda(Actor actor, CaseId caseId) {
        if (PanelAccess.isPanelMember(actor)) {
            return journey.getAsParty(actor, caseId, PartyRole.NATIONAL_PANEL).therapyCase();
        }
        return journey.get(actor, caseId).therapyCase();
    }

    private PanelMeeting find(UUID id) {
        return store.meeting(id).orElseThrow(() -> new NotFoundException("panel meeting", id));
    }

    private static boolean isTreatingCoordinator(Actor actor, TherapyCase therapyCase) {
        return actor.hasRole(Role.COORDINATOR) && therapyCase.treatingCentre().equals(actor.organisationId());
    }

    private PanelPatient pseudonym(Demographics d) {
        Integer age = d.dateOfBirth() == null ? null : (int) ChronoUnit.YEARS.between(d.dateOfBirth(), today());
        return new PanelPatient(PanelRules.initials(d.givenName(), d.familyName()), age,
                d.sex() == null ? null : d.sex().label(), PanelRules.lastThree(d.nhsNumber() == null ? null : d.nhsNumber().value()));
    }

    private PanelPatient patient(String stored) {
        return json.readValue(stored, PanelPatient.class);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
