package org.cartpath.platform.web;

import java.util.Map;
import java.util.TreeMap;

/**
 * The problem types cartpath answers with: a stable name (the last part of the type URI
 * {@code /problems/<name>}) and what it means. Listed at {@code /problems} and in the OpenAPI document.
 */
public final class ProblemTypes {

    private static final Map<String, String> KNOWN = new TreeMap<>(Map.ofEntries(
            Map.entry("invalid-request", "A field is missing or invalid; 'errors' names each field and why (400)."),
            Map.entry("invalid-nhs-number",
                    "The NHS number is malformed, fails its Modulus 11 check or is ten identical digits (400)."),
            Map.entry("unreadable-body", "The request body is not valid JSON or a value has the wrong type (400)."),
            Map.entry("unauthenticated", "No valid session or API token (401)."),
            Map.entry("invalid-token", "The bearer token is unknown, malformed or revoked (401)."),
            Map.entry("session-expired", "The session ended: 15 minutes idle or 12 hours after sign-in (401)."),
            Map.entry("forbidden", "The actor's role does not allow this (403)."),
            Map.entry("not-a-panel-member", "Only members of the national panel that holds the meeting do this (403)."),
            Map.entry("not-the-chair", "Only the chair of the panel meeting does this (403)."),
            Map.entry("csrf", "A call authenticated by a session cookie lacked a valid CSRF token (403)."),
            Map.entry("password-change-required", "The user must change a temporary password first (403)."),
            Map.entry("not-found", "No such record, or none the actor may see (404)."),
            Map.entry("method-not-allowed", "The path does not accept this HTTP method (405)."),
            Map.entry("not-acceptable", "The requested media type cannot be produced (406)."),
            Map.entry("stale-version", "The record changed since it was read; reload and retry (409)."),
            Map.entry("duplicate-username", "The username is already taken (409)."),
            Map.entry("duplicate-organisation", "An organisation with that name already exists (409)."),
            Map.entry("duplicate-fin", "The ISBT 128 FIN belongs to another organisation (409)."),
            Map.entry("already-revoked", "The API token was already revoked (409)."),
            Map.entry("duplicate-label-version",
                    "A label version with that id, or taking effect that day for the product and jurisdiction, exists (409)."),
            Map.entry("duplicate-patient", "A patient with this NHS number or local hospital number is already "
                    + "registered; the answer says nothing about them. Refer the patient to link the record (409)."),
            Map.entry("patient-details-mismatch",
                    "Linking a referral needs the registered patient's date of birth to match (409)."),
            Map.entry("already-voided", "The entry of the patient's history was already voided (409)."),
            Map.entry("constraint-violation", "The change conflicts with existing records (409)."),
            Map.entry("precondition-required", "An update must send If-Match with the record's ETag (428)."),
            Map.entry("idempotency-key-in-flight", "A request with this Idempotency-Key is still running (409)."),
            Map.entry("idempotency-key-reused", "This Idempotency-Key was used for a different request (422)."),
            Map.entry("illegal-transition", "The case is not at a stage where this can happen; 'currentStage' says where it is (409)."),
            Map.entry("case-already-open", "The patient already has an open therapy case (409)."),
            Map.entry("not-monitoring-stage",
                    "Toxicity monitoring is not possible at the case's stage; 'currentStage' says where it is (409)."),
            Map.entry("monitoring-already-started", "Monitoring of the case has already started (409)."),
            Map.entry("monitoring-not-started", "Monitoring of the case has not started: record day 0 first (409)."),
            Map.entry("alert-already-acknowledged", "The alert (custody or monitoring) was already acknowledged; the detail says by whom and when (409)."),
            Map.entry("referral-not-awaiting-triage",
                    "Only a referral waiting for triage (SUBMITTED) can be accepted, declined or questioned; "
                            + "'currentStatus' says where it is (409)."),
            Map.entry("referral-not-awaiting-answer",
                    "The referral has no open question from the centre to answer (409)."),
            Map.entry("referral-declined", "The referral was declined; nothing more can be added to it (409)."),
            Map.entry("duplicate-panel-meeting", "The panel already meets on that day (409)."),
            Map.entry("already-on-agenda", "The case is already on a panel agenda awaiting a decision (409)."),
            Map.entry("already-present", "The member is already recorded present at the meeting (409)."),
            Map.entry("already-voted", "The member has already voted on the case at this meeting (409)."),
            Map.entry("already-decided", "The panel has already decided on (or deferred) the case at this meeting (409)."),
            Map.entry("eligibility-changed", "The patient's data or the catalogue changed since the eligibility "
                    + "assessment was shown; review the new results and confirm again (409)."),
            Map.entry("case-not-approved", "The case is not at a stage where a slot is booked; 'currentStage' says where it is (409)."),
            Map.entry("case-already-booked", "The case already has an active booking; reschedule or cancel it (409)."),
            Map.entry("slot-taken", "Another case holds the slot; 'fittingSlots' lists free ones (409)."),
            Map.entry("slot-offered", "The slot is held for the case at the top of the waitlist; 'fittingSlots' lists free ones (409)."),
            Map.entry("slot-unavailable", "The slot was withdrawn or its days have passed; 'fittingSlots' lists free ones (409)."),
            Map.entry("apheresis-day-full", "Every apheresis chair of the day is booked; 'openApheresisDays' lists days with a free chair (409)."),
            Map.entry("capacity-below-bookings", "Capacity cannot be lowered below its bookings; 'bookingsInTheWay' lists them (409)."),
            Map.entry("capacity-published-by-manufacturer", "The manufacturer published this week itself; a mirrored copy cannot replace it (409)."),
            Map.entry("booking-not-active", "The booking was already rescheduled, cancelled or superseded (409)."),
            Map.entry("cells-already-collected", "The cells are collected: the booking can no longer move or be cancelled (409)."),
            Map.entry("already-on-waitlist", "The case is already waiting for a slot (409)."),
            Map.entry("waitlist-entry-closed", "The case is no longer waiting: it booked a slot or left the waitlist (409)."),
            Map.entry("offer-not-open", "The slot offer was already accepted, declined, withdrawn or has expired (409)."),
            Map.entry("custody-version-conflict",
                    "An item's custody log moved on since the version sent; 'currentVersion' says where it is (409)."),
            Map.entry("already-labelled", "The custody item is already labelled; print a reprint instead (409)."),
            Map.entry("hard-stop-open", "A scan did not match the chain of identity; nothing more is recorded on the case"
                    + " until QA overrides the stop with a second signature (409)."),
            Map.entry("case-closed", "The case has ended; no identifier is allocated for it (409)."),
            Map.entry("not-at-collection", "Collection labels are printed only at apheresis; 'currentStage' says where the case is (409)."),
            Map.entry("not-released", "The product is shipped back only once released; 'currentStage' says where the case is (409)."),
            Map.entry("no-booking", "The case has no booked manufacturing slot: book one first; the cells go to the"
                    + " booking's manufacturer and site (422)."),
            Map.entry("manufacturer-not-booked", "The named manufacturer is not the one of the case's booking; a different"
                    + " manufacturer needs a re-booking (422)."),
            Map.entry("remanufacture-at-another-manufacturer", "A re-manufacture uses the cells the failed attempt's"
                    + " manufacturer holds; another manufacturer needs a re-collection (422)."),
            Map.entry("already-verified", "This two-person check of the item is already complete (409)."),
            Map.entry("verification-complete", "The two-person check is already complete (409)."),
            Map.entry("scans-complete", "Everything the check needs is scanned; sign it (409)."),
            Map.entry("override-exists", "QA already signed an override of this hard stop (409)."),
            Map.entry("already-departed", "The leg's departure is already recorded (409)."),
            Map.entry("not-treatment-stage", "Lymphodepletion, the checklist or the infusion is not possible at the case's"
                    + " stage; 'currentStage' says where it is (409)."),
            Map.entry("plan-superseded", "A newer lymphodepletion plan exists; act on the current one (409)."),
            Map.entry("plan-already-verified", "The pharmacist has already verified this lymphodepletion plan (409)."),
            Map.entry("dose-already-recorded", "This planned lymphodepletion dose already has its record (409)."),
            Map.entry("nothing-to-withdraw", "The checklist item has no tick or override that counts now (409)."),
            Map.entry("already-infused", "The case's infusion is already recorded (409)."),
            Map.entry("submission-already-open", "The clinic visit already has a referring hospital's submission"
                    + " waiting; correct that one (409)."),
            Map.entry("submission-already-reviewed", "The submission was already accepted or returned (409)."),
            Map.entry("submission-not-returned", "Only a submission the centre returned is corrected (409)."),
            Map.entry("patient-mismatch", "The NHS number given is not the NHS number of the case's patient (422)."),
            Map.entry("unknown-shipper", "Your organisation takes part in no shipment with this shipper id (404)."),
            Map.entry("unreadable-identifier", "The scan or keyed text is not a COI or DIN; 'detail' says why; recorded (400)."),
            Map.entry("check-character-mismatch", "The keyed check character does not match the identifier; recorded (400)."),
            Map.entry("invalid-readings", "A row of the readings batch is not valid; 'row' names the first; nothing was stored (400)."),
            Map.entry("lot-coi-mismatch", "STOP: the certificate's chain of identity is not the case's: another patient's"
                    + " product; recorded (422)."),
            Map.entry("identity-mismatch", "STOP: the scan is not the identifier expected (another case's COI or DIN,"
                    + " another patient's wristband, or a product or bag label where the patient's wristband is asked"
                    + " for); recorded as a hard stop (422)."),
            Map.entry("wrong-symbol", "The case's other symbol was scanned (the DIN for the COI, or the reverse), or a"
                    + " patient's wristband where a label of the cells is asked for (422)."),
            Map.entry("not-custodian", "The organisation recording this does not hold the item (422)."),
            Map.entry("never-shipped", "The item is not in transit, so it cannot be received (422)."),
            Map.entry("in-transit", "The item is in transit; it must be received first (422)."),
            Map.entry("not-labelled", "The item has no custody record yet (422)."),
            Map.entry("custody-item-closed", "The item was administered, destroyed or returned (422)."),
            Map.entry("timestamp-in-future", "The event's time is later than cartpath's clock allows (422)."),
            Map.entry("out-of-order", "The event's time is before the item's last event (422)."),
            Map.entry("collection-off-booked-day", "The collection is not on the booked apheresis day: give a reason and"
                    + " sign it with your password (422; docs/clinical/dates.md)."),
            Map.entry("shipment-before-collection", "A shipment of cells is dated before they were collected (422)."),
            Map.entry("lymphodepletion-before-collection", "Lymphodepletion would start before the cells were"
                    + " collected (422)."),
            Map.entry("infusion-before-receipt", "The infusion is dated before the product was received at the"
                    + " centre (422)."),
            Map.entry("wrong-item-kind", "That does not happen to this kind of item (422)."),
            Map.entry("already-thawed", "The product bag was already thawed (422)."),
            Map.entry("bedside-check-missing", "The product has not passed the two-person bedside check (422)."),
            Map.entry("identity-not-verified", "The collection bag has not passed the two-person collection check (422)."),
            Map.entry("same-person", "A two-person check or override needs a second, different person (422)."),
            Map.entry("scans-missing", "Scan everything the check asks for before signing (422)."),
            Map.entry("override-not-signed", "QA has not signed an override of this hard stop yet (422)."),
            Map.entry("no-fin", "The treating centre has no ISBT 128 FIN to allocate identifiers with (422)."),
            Map.entry("no-coi", "The case has no chain of identity identifier yet (422)."),
            Map.entry("no-product", "The case has no product from the catalogue yet (422)."),
            Map.entry("no-temperature-profile", "The catalogue holds no temperature range for this material (422)."),
            Map.entry("payload-too-large", "The request body is too large (413)."),
            Map.entry("attachment-too-large", "A file is larger than a referral accepts; 'maxBytes' says the limit (413)."),
            Map.entry("unsupported-media-type", "The request's content type is not accepted (415)."),
            Map.entry("wristband-identity-mismatch",
                    "A wristband's name, NHS number or date of birth is not the patient's record's (422)."),
            Map.entry("role-not-allowed", "A role cannot be held in this kind of organisation (422)."),
            Map.entry("organisation-inactive", "The organisation is deactivated (422)."),
            Map.entry("identity-not-shared",
                    "Manufacturers and couriers are never given access to a patient's record (422)."),
            Map.entry("operator-required", "The operating organisation cannot be deactivated (422)."),
            Map.entry("self-lockout", "Administrators cannot disable themselves or drop their own role (422)."),
            Map.entry("inconsistent-calculator-input", "An outcomes calculator's input is well formed but contradicts"
                    + " itself or allows no answer (a nadir above its baseline, no event to compare); 'errors' names the"
                    + " field (422; docs/clinical/outcomes-calculators.md)."),
            Map.entry("wrong-assessment-tool", "ICANS needs the score of the tool the patient's age calls for:"
                    + " CAPD under 12 or with developmental delay, ICE otherwise; 'tool' names it (422)."),
            Map.entry("not-in-catalogue",
                    "The catalogue holds no current label of that product, jurisdiction and indication (422)."),
            Map.entry("not-a-treatment-centre",
                    "A referral goes to an active treatment centre other than the referrer's own (422)."),
            Map.entry("attachment-type-not-allowed",
                    "A file is not a PDF, PNG or JPEG by its content, or not the type it was sent as (422)."),
            Map.entry("too-many-attachments", "A referral has as many files as it may have (422)."),
            Map.entry("attachment-refused-by-scanner", "The virus scanner refused a file (422)."),
            Map.entry("apheresis-date-in-past", "The apheresis date is before today; 'openApheresisDays' lists days that fit (422)."),
            Map.entry("apheresis-day-closed", "The apheresis unit does not collect that day; 'openApheresisDays' lists days that do (422)."),
            Map.entry("apheresis-unit-not-set-up", "The centre has not set up its apheresis chairs and opening days (422)."),
            Map.entry("slot-before-cells-arrive", "The cells cannot reach the site before the slot ends; 'fittingSlots' lists slots they can (422)."),
            Map.entry("slot-product-mismatch", "The slot is for another product than the case; 'fittingSlots' lists slots of its product (422)."),
            Map.entry("case-without-product", "The case has no product yet, so nothing can be planned (422)."),
            Map.entry("capacity-week-past", "The week is over; capacity is published for this week or later (422)."),
            Map.entry("signature-refused", "An electronic signature was refused: wrong password or role (422)."),
            Map.entry("tocilizumab-too-early", "Too soon for tocilizumab: at least 8 hours between doses, at most 3 in"
                    + " 24 hours; 'rules' and 'earliestAllowedAt' say which and when (422)."),
            Map.entry("tocilizumab-episode-limit", "The 4 tocilizumab doses of the CRS episode have been given (422)."),
            Map.entry("tocilizumab-dose-above-weight", "The dose is more than the dose for the patient's weight (422)."),
            Map.entry("weight-required", "The patient's weight must be recorded first (422)."),
            Map.entry("eligibility-not-confirmed",
                    "The case has no eligibility assessment that proceeds to the national panel (422)."),
            Map.entry("panel-meeting-past", "The panel meeting has taken place; choose a later one (422)."),
            Map.entry("member-not-present", "The panel member is not recorded present at the meeting (422)."),
            Map.entry("member-not-voting", "The panel member is present without a vote at the meeting (422)."),
            Map.entry("chair-not-present", "The chair is not recorded present at the meeting (422)."),
            Map.entry("panel-not-unanimous", "Approval needs every voting member present to vote to approve; "
                    + "'votedOtherwise' and 'notVoted' name who stands in the way (422)."),
            Map.entry("measurement-missing", "Lymphodepletion doses need a weight, a height and, for fludarabine, a"
                    + " creatinine, age and sex on the patient's record; recorded (422)."),
            Map.entry("measurement-too-old", "A weight, height or creatinine is older than the centre's limit for dosing"
                    + " lymphodepletion; recorded (422)."),
            Map.entry("no-lymphodepletion-regimen", "The case's label version gives no lymphodepletion regimen (422)."),
            Map.entry("regimen-incomplete", "The catalogue lacks a dose or window of the regimen; the pharmacy plans it by"
                    + " hand (422)."),
            Map.entry("renal-estimate-needs-override", "A child's renal function estimate for fludarabine is outside its"
                    + " validated use: the pharmacist gives a reason and signs it (422; docs/clinical/renal-function.md)."),
            Map.entry("creatinine-clearance-required", "Fludarabine is dosed by the creatinine clearance (422)."),
            Map.entry("lymphodepletion-not-verified", "Doses are recorded against a plan the pharmacist has verified (422)."),
            Map.entry("dose-withheld-in-plan", "The plan withholds this dose (renal band); it is not given (422)."),
            Map.entry("dose-above-plan", "A lymphodepletion dose above the planned dose needs a new verified plan;"
                    + " recorded (422)."),
            Map.entry("item-not-tickable", "cartpath decides this checklist item from its records, or the evidence is"
                    + " against it (422)."),
            Map.entry("item-not-overridable", "This checklist item cannot be overridden, or another item already is (422)."),
            Map.entry("infusion-not-ready", "The infusion cannot be recorded yet; 'unmet' lists each condition (code,"
                    + " detail); recorded (422)."),
            Map.entry("rate-limited", "Too many requests in a minute (429)."),
            Map.entry("database-unavailable", "cartpath cannot reach its database just now; nothing was changed;"
                    + " retry after the Retry-After seconds (503)."),
            Map.entry("internal-error", "Something failed inside cartpath; the request id is in the log (500).")));

    private ProblemTypes() {
    }

    public static Map<String, String> all() {
        return KNOWN;
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "constraint-violation";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            default -> status >= 500 ? "internal-error" : "invalid-request";
        };
    }
}
