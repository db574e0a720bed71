package org.cartpath.patient.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.cartpath.patient.Address;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PatientSummary;
import org.cartpath.patient.Sex;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.TextLimits;
import org.cartpath.shared.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patients over REST: register, find, read and correct demographics (the history: PatientEntryApiController). */
@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients", description = "Patients and their demographics, within the caller's organisation's scope. "
        + "Manufacturers and couriers never see patients: every patient is 404 for them.")
class PatientApiController {

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
            @StrictDate LocalDate dateOfBirth,
            @Size(max = TextLimits.SHORT) String sex,
            @Valid AddressRequest address,
            @Size(max = TextLimits.LONG) String reason) {

        PatientDetails details() {
            AddressRequest a = address == null ? new AddressRequest(null, null, null, null) : address;
            return new PatientDetails(nhsNumber, localHospitalNumber, givenName, familyName, dateOfBirth,
                    Choices.parse(Sex.class, sex, "sex"), new Address(a.line1(), a.line2(), a.town(), a.postcode()));
        }
    }

    private final PatientManagement patients;

    PatientApiController(PatientManagement patients) {
        this.patients = patients;
    }

    @PostMapping
    @Operation(summary = "Register a patient", description = "NHS number (Modulus 11 checked) or a local hospital "
            + "number of the caller's organisation. An NHS number already registered is 409 duplicate-patient, "
            + "which reveals nothing about that patient; referrals link to existing patients instead. "
            + "Accepts Idempotency-Key: a replay answers with the patient the first request registered.")
    ResponseEntity<PatientRecord> register(Actor actor, @RequestBody PatientRequest body) {
        PatientRecord created = patients.register(actor, body.details());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/patients/" + created.id()))
                .eTag(Versions.etag(created.demographics().version())).body(created);
    }

    @GetMapping
    @Operation(summary = "Find patients by NHS number or name",
            description = "Only patients the caller's organisation may see. Each patient listed is logged as read.")
    Page<PatientSummary> search(Actor actor, @RequestParam(required = false) String nhsNumber,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return patients.search(actor, nhsNumber, name, new Page.Request(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A patient's whole record", description = "Demographics and their versions, every entry of "
            + "the clinical history (voided ones marked) and the latest weight and height. The ETag is the "
            + "demographics version. The read is logged.")
    ResponseEntity<PatientRecord> get(Actor actor, @PathVariable String id) {
        PatientRecord record = patients.get(actor, PatientId.of(id), READ_PURPOSE);
        return ResponseEntity.ok().eTag(Versions.etag(record.demographics().version())).body(record);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct a patient's demographics", description = "Needs If-Match with the ETag; the "
            + "previous version is kept. An optional reason is recorded with the change.")
    ResponseEntity<PatientRecord> change(Actor actor, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PatientRequest body) {
        int version = Versions.fromIfMatch(ifMatch);
        PatientRecord changed = patients.changeDemographics(actor, PatientId.of(id), body.details(), version,
                body.reason());
        return ResponseEntity.ok().eTag(Versions.etag(changed.demographics().version())).body(changed);
    }

    @GetMapping("/{id}/clinical-snapshot")
    @Operation(summary = "The patient's clinical state as of a date", description = "What the eligibility rules "
            + "read: latest values dated on or before asOf (default today); null wherever nothing is recorded.")
    ClinicalSnapshot snapshot(Actor actor, @PathVariable String id, @RequestParam(required = false) String asOf) {
        return patients.snapshot(actor, PatientId.of(id), date(asOf), "API clinical snapshot");
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "must be a date like 2026-11-26");
        }
    }
}
