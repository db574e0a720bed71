package org.cartpath.referral.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.patient.Address;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.Sex;
import org.cartpath.referral.CentreChoice;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.ReferralAttachment;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.ReferralMessages;
import org.cartpath.referral.ReferralTriage;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.ReferralStatus;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.TriageDecision;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.cartpath.shared.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals over REST: refer, list, read, triage and the question-and-answer thread (uploading and downloading
 * files: ReferralAttachmentApiController).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Referrals", description = "Referrals to a treatment centre and their triage. A referral exists only for "
        + "the referring organisation and the centre (later the national panel); manufacturers and couriers get 404 "
        + "on everything here. Every POST accepts Idempotency-Key: a replay answers with the first answer.")
class ReferralApiController {

    static final String READ_PURPOSE = "API read";

    record AddressRequest(
            @Size(max = TextLimits.SHORT) String line1,
            @Size(max = TextLimits.SHORT) String line2,
            @Size(max = TextLimits.SHORT) String town,
            @Size(max = TextLimits.SHORT) String postcode) {
    }

    record PatientRequest(
            @Size(max = TextLimits.SHORT) String nhsNumber,
            @Size(max = TextLimits.SHORT) String localHospitalNumber,
            @Size(max = TextLimits.SHORT) String givenName,
            @Size(max = TextLimits.SHORT) String familyName,
            @JsonFormat(lenient = OptBoolean.FALSE) LocalDate dateOfBirth,
            @Size(max = TextLimits.SHORT) String sex,
            @Valid AddressRequest address) {

        PatientDetails details() {
            AddressRequest a = address == null ? new AddressRequest(null, null, null, null) : address;
            return new PatientDetails(nhsNumber, localHospitalNumber, givenName, familyName, dateOfBirth,
                    RequestFields.choice(sex, Sex.class, "patient.sex"),
                    new Address(a.line1(), a.line2(), a.town(), a.postcode()));
        }
    }

    record ReferralRequest(
            @Size(max = TextLimits.SHORT) String patientId,
            @Valid PatientRequest patient,
            @Size(max = TextLimits.SHORT) String diagnosisCode,
            @Size(max = TextLimits.LONG) String diagnosisDescription,
            @JsonFormat(lenient = OptBoolean.FALSE) LocalDate diagnosedOn,
            @Size(max = TextLimits.SHORT) String centreId,
            @Size(max = TextLimits.SHORT) String productCode,
            @Size(max = TextLimits.SHORT) String indication,
            @Size(max = TextLimits.SHORT) String jurisdiction,
            @Size(max = TextLimits.SHORT) String urgency,
            @Size(max = TextLimits.CLINICAL_SUMMARY) String clinicalSummary) {

        NewReferral command() {
            return new NewReferral(patientId == null || patientId.isBlank() ? null : PatientId.of(patientId),
                    patient == null ? null : patient.details(), diagnosisCode, diagnosisDescription, diagnosedOn,
                    centreId, productCode, indication, jurisdiction, urgency, clinicalSummary, List.of());
        }
    }

    record TriageRequest(
            @Size(max = TextLimits.SHORT) String decision,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.LONG) String question) {
    }

    record AnswerRequest(@Size(max = TextLimits.LONG) String answer) {
    }

    private final Referrals referrals;
    private final ReferralTriage triage;
    private final ReferralMessages messages;

    ReferralApiController(Referrals referrals, ReferralTriage triage, ReferralMessages messages) {
        this.referrals = referrals;
        this.triage = triage;
        this.messages = messages;
    }

    @PostMapping("/referrals")
    @Operation(summary = "Refer a patient to a treatment centre", description = "Give 'patient' (NHS number or "
            + "local hospital number, names, date of birth, sex, address: linked to their existing record when the "
            + "NHS number and date of birth match, registered otherwise) or 'patientId' of a patient your "
            + "organisation sees. 'centreId' must be an active treatment centre (422 not-a-treatment-centre; see "
            + "GET /api/v1/referral-centres); the product's current label in the jurisdiction (UK by default) must "
            + "cover the indication (422 not-in-catalogue). A patient with an open case is 409 case-already-open. "
            + "Opens the case at stage REFERRED. Add letters and reports with POST /referrals/{id}/attachments.")
    ResponseEntity<ReferralResponse> refer(Actor actor, @RequestBody ReferralRequest body) {
        ReferralView created = referrals.refer(actor, body.command());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/referrals/" + created.referral().id()))
                .eTag(Versions.etag(created.referral().version())).body(ReferralResponse.of(created));
    }

    @GetMapping("/referrals")
    @Operation(summary = "Referrals your organisation made or received, newest first, with the case's stage")
    Page<ReferralResponse.Line> list(Actor actor, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return referrals.list(actor, RequestFields.choice(status, ReferralStatus.class, "status"),
                new Page.Request(page, size)).map(ReferralResponse.Line::of);
    }

    @GetMapping("/referrals/{id}")
    @Operation(summary = "A referral with its case stage, messages and attachments (without their content)",
            description = "The read is logged. The ETag is the referral's version.")
    ResponseEntity<ReferralResponse> get(Actor actor, @PathVariable String id) {
        ReferralView view = referrals.get(actor, ReferralId.of(id), READ_PURPOSE);
        return ResponseEntity.ok().eTag(Versions.etag(view.referral().version())).body(ReferralResponse.of(view));
    }

    @PostMapping("/referrals/{id}/triage-decision")
    @Operation(summary = "Triage a referral (the centre's coordinators)", description = "'decision': ACCEPT (the "
            + "case moves to TRIAGED), DECLINE with 'reason' (the case ends as DECLINED) or REQUEST_INFORMATION with "
            + "'question' (the referrer sees it and answers through /messages). Only a referral in status SUBMITTED "
            + "can be triaged: 409 referral-not-awaiting-triage with 'currentStatus' otherwise.")
    ReferralResponse triage(Actor actor, @PathVariable String id, @RequestBody TriageRequest body) {
        TriageDecision decision = new TriageDecision(RequestFields.choice(body.decision(), TriageDecision.Outcome.class,
                "decision"), body.reason(), body.question());
        return ReferralResponse.of(triage.triage(actor, ReferralId.of(id), decision));
    }

    @GetMapping("/referrals/{id}/messages")
    @Operation(summary = "The centre's questions and the referrer's answers, in order",
            description = "'unread' is from your organisation's point of view; reading the thread marks it read.")
    List<ReferralResponse.Message> messages(Actor actor, @PathVariable String id) {
        ReferralView view = referrals.get(actor, ReferralId.of(id), READ_PURPOSE);
        messages.markRead(actor, view.referral().id());
        return view.messages().stream().map(ReferralResponse.Message::of).toList();
    }

    @PostMapping("/referrals/{id}/messages")
    @Operation(summary = "Answer the centre's question (the referring organisation's referrers)",
            description = "Only while the referral is MORE_INFORMATION_REQUESTED (409 referral-not-awaiting-answer "
                    + "otherwise); the referral returns to SUBMITTED and the centre sees the answer.")
    ResponseEntity<ReferralResponse> answer(Actor actor, @PathVariable String id, @RequestBody AnswerRequest body) {
        ReferralView view = messages.answer(actor, ReferralId.of(id), body.answer(), List.of());
        return ResponseEntity.status(HttpStatus.CREATED).body(ReferralResponse.of(view));
    }

    @GetMapping("/referral-centres")
    @Operation(summary = "The treatment centres you may refer to, those in your organisation's region first")
    List<CentreChoice> centres(Actor actor) {
        return referrals.centres(actor);
    }

    /** The files of a referral, described without their content (uploads and downloads: ReferralAttachmentApiController). */
    @GetMapping("/referrals/{id}/attachments")
    @Operation(summary = "The files attached to a referral (download each at /attachments/{attachmentId})")
    List<ReferralAttachment> attachments(Actor actor, @PathVariable String id) {
        return referrals.get(actor, ReferralId.of(id), READ_PURPOSE).attachments();
    }
}
