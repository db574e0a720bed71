package org.cartpath.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.referral.panel.PanelRules;
import org.cartpath.referral.panel.PanelStore.StoredDecision;
import org.cartpath.referral.panel.PanelStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chair's decision on a case, inside {@link NationalPanel#decide}'s transaction. Every check comes before
 * the first write, so a refused decision writes nothing (a refused signature is audited on its own). The
 * decision is signed by the chair (21 CFR 11.50: APPROVED for an approval, REJECTED for a decline, REVIEWED
 * for a deferral or a request for information), then stored with the votes it was taken on; then the case
 * moves: approved to PANEL_APPROVED, declined to DECLINED, deferred to the next meeting's agenda, or kept
 * with a task for the coordinator to send the information asked for.
 */
@Component
class PanelDecisions {

    /** How a deferred case reaches the next meeting. */
    interface Deferral {
        PanelMeeting defer(UUID decisionId, Actor chair);
    }

    static final String RECORD_TYPE = "PanelDecision";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final int INFORMATION_DUE_DAYS = 3;

    private final PanelStore store;
    private final CaseJourney journey;
    private final ElectronicSignatures signatures;
    private final OrganisationManagement organisations;
    private final AuditTrail audit;
    private final CanonicalJson canonical;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    PanelDecisions(PanelStore store, CaseJourney journey, ElectronicSignatures signatures,
            OrganisationManagement organisations, AuditTrail audit, JsonMapper json, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.journey = journey;
        this.signatures = signatures;
        this.organisations = organisations;
        this.audit = audit;
        this.canonical = new CanonicalJson(json);
        this.json = json;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    PanelDecision decide(Actor chair, PanelMeeting meeting, PanelAgendaItem item, PanelDecisionRequest request,
            Deferral deferral) {
        PanelDecisionRequest r = request == null ? new PanelDecisionRequest(null, null, null, null, null, null) : request;
        if (r.outcome() == null) {
            throw ProblemException.invalid("outcome", "is required: one of " + Arrays.stream(PanelOutcome.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
        String reason = text("reason", r.reason());
        if (reason == null && r.outcome() != PanelOutcome.APPROVE) {
            throw ProblemException.invalid("reason", r.outcome() == PanelOutcome.REQUEST_INFORMATION
                    ? "is required: say what information the panel needs" : "is required");
        }
        requireAwaiting(item);
        List<PanelAttendee> attendance = store.attendance(meeting.id());
        if (attendance.stream().noneMatch(a -> a.memberId().equals(meeting.chairId()))) {
            throw ProblemException.unprocessable("chair-not-present", "The chair is not recorded present at this meeting");
        }
        TherapyCase therapyCase = journey.get(chair, item.caseId()).therapyCase();
        CaseStages.require(therapyCase, "a panel decision", Stage.ELIGIBILITY_ASSESSED);
        List<PanelVote> votes = store.votes(item.id());
        Allocation allocation = allocation(r, therapyCase);
        if (r.outcome() == PanelOutcome.APPROVE) {
            PanelRules.dissentFromApproval(attendance, votes).ifPresent(dissent -> {
                throw new ProblemException("panel-not-unanimous", 422, "The request breaks a rule",
                        "Approval needs every voting member present to vote to approve: " + dissent.describe(),
                        List.of(), Map.of("votedOtherwise", dissent.votedOtherwise(), "notVoted", dissent.notVoted()));
            });
        }
        if (r.password() == null || r.password().isEmpty()) {
            throw ProblemException.invalid("password", "is required: re-enter your password to sign the decision");
        }
        List<PanelDecision.Vote> recordedVotes = votes.stream().map(v -> new PanelDecision.Vote(v.memberId().toString(),
                v.memberName(), v.vote(), v.comment())).toList();
        StoredDecision decision = new StoredDecision(UUID.randomUUID(), item.id(), meeting.id(), item.caseId(),
                r.outcome(), allocation.centre(), allocation.basis(), allocation.reason(), reason,
                canonical.write(recordedVotes), meeting.chairId(), chair.displayName(), now(), null);
        ElectronicSignature signature = signatures.sign(chair, r.password(), Role.PANEL_MEMBER, meaning(r.outcome()),
                new SignedRecord(RECORD_TYPE, decision.id().toString(), signedContent(decision)), reason);
        StoredDecision signed = new StoredDecision(decision.id(), decision.agendaItemId(), decision.meetingId(),
                decision.caseId(), decision.outcome(), decision.treatingCentreId(), decision.allocationBasis(),
                decision.allocationReason(), decision.reason(), decision.votes(), decision.chairId(), decision.chairName(),
                decision.decidedAt(), signature.id());
        store.insert(signed);
        store.setStatus(item.id(), r.outcome() == PanelOutcome.DEFER ? PanelAgendaItem.Status.DEFERRED
                : PanelAgendaItem.Status.DECIDED);
        moveCase(chair, meeting, therapyCase, signed, votes.size(), deferral);
        audit.record(chair, "PANEL_DECISION_RECORDED", RECORD_TYPE, signed.id().toString(), null, auditView(signed),
                reason);
        return read(signed);
    }

    private record Allocation(OrganisationId centre, PanelAllocationBasis basis, String reason) {
    }

    /** The treating centre an approval names: the case's own unless the chair allocates another, with why. */
    private Allocation allocation(PanelDecisionRequest r, TherapyCase therapyCase) {
        String why = text("allocationReason", r.allocationReason());
        if (r.outcome() != PanelOutcome.APPROVE) {
            if (r.treatingCentreId() != null || r.allocationBasis() != null || why != null) {
                throw ProblemException.invalid("treatingCentreId", "is given only with an approval");
            }
            return new Allocation(null, null, null);
        }
        OrganisationId centre = r.treatingCentreId() != null ? r.treatingCentreId() : therapyCase.treatingCentre();
        boolean isCentre = organisations.directory().stream()
                .anyMatch(o -> o.id().equals(centre) && o.kind() == OrganisationKind.TREATMENT_CENTRE);
        if (!isCentre) {
            throw ProblemException.invalid("treatingCentreId", "must be an active treatment centre");
        }
        if (!centre.equals(therapyCase.treatingCentre())) {
            RequestFields.required().field("allocationBasis", r.allocationBasis()).field("allocationReason", why).check();
        }
        return new Allocation(centre, r.allocationBasis(), why);
    }

    private void moveCase(Actor chair, PanelMeeting meeting, TherapyCase c, StoredDecision d, int voteCount,
            Deferral deferral) {
        String at = meeting.panelName() + ", meeting of " + DAY.format(meeting.meetsOn());
        switch (d.outcome()) {
            case APPROVE -> {
                String centre = organisationNames().get(d.treatingCentreId());
                journey.advance(chair, c.id(), Stage.PANEL_APPROVED, "Approved by " + at + " (unanimous, " + voteCount
                        + (voteCount == 1 ? " vote" : " votes") + "); treating centre " + centre);
                if (!d.treatingCentreId().equals(c.treatingCentre())) {
                    journey.transferToCentre(chair, c.id(), d.treatingCentreId(), "allocated by the national panel ("
                            + d.allocationBasis().label().toLowerCase(Locale.ROOT) + ": " + d.allocationReason() + ")");
                }
            }
            case DECLINE -> journey.end(chair, c.id(), Stage.DECLINED, at + ": " + d.reason());
            case DEFER -> {
                PanelMeeting next = deferral.defer(d.id(), chair);
                journey.note(chair, c.id(), "PANEL_DEFERRED", "Deferred by " + at + " to its meeting of "
                        + DAY.format(next.meetsOn()) + ": " + d.reason());
            }
            case REQUEST_INFORMATION -> {
                journey.note(chair, c.id(), "PANEL_INFORMATION_REQUESTED", "Information requested by " + at + ": "
                        + d.reason());
                journey.openTask(chair, c.id(), StageTasks.PANEL_INFORMATION, Role.COORDINATOR,
                        LocalDate.now(clock.withZone(zone)).plusDays(INFORMATION_DUE_DAYS));
            }
        }
    }

    Optional<PanelDecision> decision(UUID agendaItemId) {
        return store.decision(agendaItemId).map(this::read);
    }

    Map<OrganisationId, String> organisationNames() {
        return organisations.directory().stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    }

    private PanelDecision read(StoredDecision d) {
        List<PanelDecision.Vote> votes = List.of(json.readValue(d.votes(), PanelDecision.Vote[].class));
        Optional<ElectronicSignature> signature = signatures.find(d.signatureId());
        boolean verified = signature.map(s -> signatures.verify(s,
                new SignedRecord(RECORD_TYPE, d.id().toString(), signedContent(d)))).orElse(false);
        return new PanelDecision(d.id(), d.agendaItemId(), d.meetingId(), d.caseId(), d.outcome(), d.treatingCentreId(),
                d.treatingCentreId() == null ? null : organisationNames().get(d.treatingCentreId()), d.allocationBasis(),
                d.allocationReason(), d.reason(), votes, d.chairId(), d.chairName(), d.decidedAt(), d.signatureId(),
                signature.map(s -> s.manifestation(zone)).orElse(null), verified);
    }

    /** What the chair's signature vouches for: the decision row as stored, votes included. */
    private static Map<String, Object> signedContent(StoredDecision d) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("decisionId", d.id().toString());
        content.put("agendaItemId", d.agendaItemId().toString());
        content.put("meetingId", d.meetingId().toString());
        content.put("caseId", d.caseId().toString());
        content.put("outcome", d.outcome().name());
        content.put("treatingCentreId", d.treatingCentreId() == null ? null : d.treatingCentreId().toString());
        content.put("allocationBasis", d.allocationBasis() == null ? null : d.allocationBasis().name());
        content.put("allocationReason", d.allocationReason());
        content.put("reason", d.reason());
        content.put("votes", d.votes());
        content.put("chairId", d.chairId().toString());
        return content;
    }

    private static Map<String, Object> auditView(StoredDecision d) {
        Map<String, Object> view = signedContent(d);
        view.remove("votes");
        view.put("signatureId", d.signatureId().toString());
        return view;
    }

    private static SignatureMeaning meaning(PanelOutcome outcome) {
        return switch (outcome) {
            case APPROVE -> SignatureMeaning.APPROVED;
            case DECLINE -> SignatureMeaning.REJECTED;
            case DEFER, REQUEST_INFORMATION -> SignatureMeaning.REVIEWED;
        };
    }

    static void requireAwaiting(PanelAgendaItem item) {
        if (!item.awaitingDecision()) {
            throw ProblemException.conflict("already-decided", "Case " + item.caseReference() + " was already "
                    + item.status().label().toLowerCase(Locale.ROOT) + " at this meeting");
        }
    }

    /** Optional free text: trimmed, null when blank, at most 1000 characters. */
    static String text(String field, String value) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text != null && text.length() > NationalPanel.MAX_TEXT) {
            throw ProblemException.invalid(field, "must be " + NationalPanel.MAX_TEXT + " characters or fewer");
        }
        return text;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
