package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.interop.hl7.LabMeasurement;
import org.cartpath.interop.hl7.LabResultFiling;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction Bundle of Observations from a ward or laboratory system (ADR 0030), all or nothing: every entry is
 * checked first, with nothing stored, and the first that cannot be taken refuses the whole Bundle with an
 * OperationOutcome that names it ({@code entry[2]}); then all are stored in one transaction with one audit row.
 *
 * <p>An entry is a conditional create ({@code POST Observation} with {@code ifNoneExist=identifier=<system>|<value>},
 * the Observation's own identifier): an identifier the centre already holds is a replay, answered {@code 200 OK} with
 * the stored Observation and stored nothing twice (the unique index of V206 holds it even for two copies at once).
 *
 * <p>The patient is the Observation's subject ({@code Patient/<id>}), one the token's centre sees (another centre's is
 * 404, as on every read) with exactly one open case treated there, the same rule as the HL7 results interface's
 * (ADR 0024); nothing is guessed. A vital sign is one of the R4 vital signs profile's LOINC codes in its UCUM unit; a
 * laboratory result is a code of the HL7 interface's code table, converted the same way ({@link LabResultFiling}).
 * Vital signs are kept for the next toxicity assessment and graded only when a nurse completes it: a ward system's
 * vital signs do not carry what a CRS or ICANS grade needs (vasopressors, the oxygen device, the ICE items).
 */
@Service
class ObservationIntake {

    /**
     * The treating centre's staff whose systems may send observations (the token needs one of these roles too): those
     * who record measurements and organ function in the patient's record (patient's {@code PatientRoles.MEASURERS}),
     * since a creatinine sent becomes an organ-function entry, as from an HL7 message whose interface acts as the
     * centre's coordinator (ADR 0024).
     */
    static final Set<Role> SENDERS = EnumSet.of(Role.COORDINATOR, Role.CONSULTANT, Role.WARD_NURSE);

    private static final Set<Observation.ObservationStatus> TAKEN = EnumSet.of(Observation.ObservationStatus.FINAL,
            Observation.ObservationStatus.AMENDED, Observation.ObservationStatus.CORRECTED);

    private final PatientManagement patients;
    private final CaseJourney journey;
    private final LabResultFiling labs;
    private final SentObservations store;
    private final AuditTrail audit;
    private final Clock clock;

    ObservationIntake(PatientManagement patients, CaseJourney journey, LabResultFiling labs, SentObservations store,
            AuditTrail audit, Clock clock) {
        this.patients = patients;
        this.journey = journey;
        this.labs = labs;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** One entry as it will be stored, or the stored one it replays. */
    record Decided(int entry, SentObservation observation, LabMeasurement lab, boolean replay) {
    }

    /** One entry's answer. */
    record Answered(SentObservation observation, boolean created) {
    }

    /**
     * Checks every entry and answers what each will be; changes nothing. Each read is the owning module's own
     * transaction; none is joined, so a refusal ends only this check.
     */
    List<Decided> decide(Actor actor, Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("Send a Bundle of type transaction");
        }
        if (bundle.getEntry().isEmpty()) {
            throw new UnprocessableEntityException("The Bundle has no entries");
        }
        if (actor.roles().stream().noneMatch(SENDERS::contains)) {
            throw new ForbiddenOperationException("This API token's roles do not record observations: it needs one of "
                    + "the roles Coordinator, Consultant or Ward nurse");
        }
        Instant now = Instant.now(clock);
        Map<String, Integer> identifiers = new HashMap<>();
        // each patient is read (and its read logged) once per Bundle, not once per Observation: a ward's Bundle of 100
        // results of ten patients costs ten reads, not a hundred (docs/benchmarks.md, FHIR ingest)
        Map<String, UUID> patientOfReference = new HashMap<>();
        Map<String, UUID> caseOfPatient = new HashMap<>();
        List<Decided> decided = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            decided.add(decide(actor, bundle.getEntry().get(i), i, identifiers, patientOfReference, caseOfPatient,
                    now));
        }
        return decided;
    }

    private Decided decide(Actor actor, Bundle.BundleEntryComponent entry, int i, Map<String, Integer> identifiers,
            Map<String, UUID> patientOfReference, Map<String, UUID> caseOfPatient, Instant now) {
        String at = "entry[" + i + "]";
        if (!entry.hasResource() || !(entry.getResource() instanceof Observation observation)) {
            throw new UnprocessableEntityException(at + " is " + (entry.hasResource() ? "a "
                    + entry.getResource().fhirType() : "empty") + ": only Observation resources can be sent");
        }
        if (!entry.hasRequest() || entry.getRequest().getMethod() != Bundle.HTTPVerb.POST
                || !"Observation".equals(entry.getRequest().getUrl())) {
            throw new UnprocessableEntityException(at + ": only a create (request.method POST, request.url "
                    + "Observation) is accepted");
        }
        Identifier identifier = observation.getIdentifier().stream()
                .filter(id -> id.hasSystem() && id.hasValue()).findFirst()
                .orElseThrow(() -> new UnprocessableEntityException(at + ": the Observation needs an identifier with a"
                        + " system and a value (the sending system's id of it), so that a replay creates nothing twice"));
        String condition = "identifier=" + identifier.getSystem() + "|" + identifier.getValue();
        if (!condition.equals(entry.getRequest().getIfNoneExist())) {
            throw new UnprocessableEntityException(at + ": request.ifNoneExist must be '" + condition
                    + "' (the Observation's identifier), so that a replay creates nothing twice");
        }
        Integer earlier = identifiers.putIfAbsent(condition, i);
        if (earlier != null) {
            throw new UnprocessableEntityException(at + " has the same identifier as entry[" + earlier + "]");
        }
        if (!TAKEN.contains(observation.getStatus())) {
            throw new UnprocessableEntityException(at + ": status " + (observation.getStatus() == null ? "(none)"
                    : observation.getStatus().toCode()) + " is not taken; only final, amended or corrected results are"
                    + " filed");
        }
        String subject = observation.getSubject().getReference();
        UUID known = patientOfReference.get(subject);
        UUID patientId = known != null ? known : patient(actor, observation, at);
        patientOfReference.putIfAbsent(subject, patientId);
        UUID caseId = caseOfPatient.computeIfAbsent(patientId.toString(), p -> openCase(actor, patientId, at));
        Instant observedAt = observedAt(observation, at, now);
        Optional<SentObservation> replayed = store.byIdentifier(actor.organisationId(), identifier.getSystem(),
                identifier.getValue());
        if (replayed.isPresent()) {
            if (!replayed.get().patientId().equals(patientId)) {
                throw new ResourceVersionConflictException(at + ": identifier " + identifier.getValue()
                        + " was sent before for another patient; nothing was stored");
            }
            return new Decided(i, replayed.get(), null, true);
        }
        return measured(actor, observation, identifier, patientId, caseId, observedAt, now, i);
    }

    private UUID patient(Actor actor, Observation observation, String at) {
        String reference = observation.getSubject().getReference();
        if (reference == null || !reference.startsWith("Patient/")) {
            throw new UnprocessableEntityException(at + ": subject must reference the Patient (Patient/<id>)");
        }
        String id = reference.substring("Patient/".length());
        try {
            return patients.get(actor, PatientId.of(id), FhirReads.PURPOSE).id().value();
        } catch (ProblemException unknown) {
            // not joined: the patient module's read ended with its own transaction
            throw new ResourceNotFoundException(at + ": Patient/" + id + " is not known");
        }
    }

    private UUID openCase(Actor actor, UUID patientId, String at) {
        List<TherapyCase> open = journey.casesOfPatient(actor, patientId).stream()
                .filter(TherapyCase::isOpen).filter(c -> c.treatedBy(actor)).toList();
        if (open.size() != 1) {
            throw new UnprocessableEntityException(at + ": the patient has " + (open.isEmpty() ? "no" : open.size())
                    + " open case" + (open.size() == 1 ? "" : "s") + " treated at this centre; an observation is filed"
                    + " only to a patient's one open case");
        }
        return open.get(0).id().value();
    }

    private static Instant observedAt(Observation observation, String at, Instant now) {
        if (!observation.hasEffectiveDateTimeType() || observation.getEffectiveDateTimeType().getValue() == null
                || observation.getEffectiveDateTimeType().getPrecision().ordinal()
                        < TemporalPrecisionEnum.MINUTE.ordinal()) {
            throw new UnprocessableEntityException(at + ": effectiveDateTime must give the time it was observed (to"
                    + " the minute at least)");
        }
        Instant observed = observation.getEffectiveDateTimeType().getValue().toInstant();
        if (observed.isAfter(now)) {
            throw new UnprocessableEntityException(at + ": effectiveDateTime is in the future");
        }
        return observed;
    }

    private Decided measured(Actor actor, Observation observation, Identifier identifier, UUID patientId, UUID caseId,
            Instant observedAt, Instant now, int i) {
        String at = "entry[" + i + "]";
        List<String> codes = observation.getCode().getCoding().stream()
                .filter(c -> FhirCodes.LOINC.equals(c.getSystem()) && c.hasCode()).map(Coding::getCode).toList();
        if (codes.isEmpty()) {
            throw new UnprocessableEntityException(at + ": code must have a LOINC coding (system " + FhirCodes.LOINC
                    + ")");
        }
        Optional<VitalSign> vital = codes.stream().map(VitalSign::byCode).flatMap(Optional::stream).findFirst();
        UUID id = UUID.randomUUID();
        if (vital.isPresent()) {
            VitalSign.Reading reading = vital.get().read(observation, at);
            return new Decided(i, new SentObservation(id, actor.organisationId().value(), identifier.getSystem(),
                    identifier.getValue(), patientId, caseId, SentObservation.Kind.VITAL, vital.get().code,
                    vital.get().measure.name(), reading.value(), reading.second(), vital.get().unit, observedAt,
                    reading.sent(), vital.get().unit, now), null, false);
        }
        for (String code : codes) {
            Optional<LabMeasurement> lab = labs.measurement(code);
            if (lab.isPresent()) {
                Quantity quantity = quantity(observation, at);
                String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
                BigDecimal value = labs.converted(lab.get(), quantity.getValue(), unit)
                        .orElseThrow(() -> new UnprocessableEntityException(at + ": unit '" + (unit == null ? "" : unit)
                                + "' of LOINC " + code + " cannot be converted to " + lab.get().unit()));
                return new Decided(i, new SentObservation(id, actor.organisationId().value(), identifier.getSystem(),
                        identifier.getValue(), patientId, caseId, SentObservation.Kind.LAB, code, lab.get().name(),
                        value, null, lab.get().unit(), observedAt, quantity.getValue().toPlainString(), unit, now),
                        lab.get(), false);
            }
        }
        throw new UnprocessableEntityException(at + ": LOINC " + String.join(", ", codes) + " is not a vital sign or"
                + " laboratory result cartpath takes");
    }

    static Quantity quantity(Observation observation, String at) {
        if (!observation.hasValueQuantity() || observation.getValueQuantity().getValue() == null) {
            throw new UnprocessableEntityException(at + ": the Observation needs a valueQuantity with a value");
        }
        return observation.getValueQuantity();
    }

    /**
     * Stores what {@link #decide} found new, and files the laboratory results of each case as the HL7 interface would,
     * with one audit row for the Bundle (no patient identity: ids and counts only, ADR 0009).
     */
    @Transactional
    public List<Answered> store(Actor actor, List<Decided> decided) {
        UUID bundleId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        List<Answered> answers = new ArrayList<>();
        Map<UUID, List<LabResultFiling.Filed>> labsOfCase = new LinkedHashMap<>();
        Map<UUID, UUID> patientOfCase = new HashMap<>();
        List<String> created = new ArrayList<>();
        for (Decided d : decided) {
            if (d.replay()) {
                answers.add(new Answered(d.observation(), false));
                continue;
            }
            store.insert(d.observation(), bundleId, actor);
            created.add(d.observation().fhirId());
            answers.add(new Answered(d.observation(), true));
            if (d.lab() != null) {
                SentObservation o = d.observation();
                labsOfCase.computeIfAbsent(o.caseId(), c -> new ArrayList<>()).add(new LabResultFiling.Filed(o.id(),
                        new LabResultFiling.Converted(d.lab(), o.value(), o.observedAt(), o.code(), o.sentValue(),
                                o.sentUnit())));
                patientOfCase.put(o.caseId(), o.patientId());
            }
        }
        labsOfCase.forEach((caseId, results) -> labs.fileFromFhir(actor, actor.organisationId(),
                patientOfCase.get(caseId), caseId, results, now));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("bundleId", bundleId.toString());
        summary.put("entries", decided.size());
        summary.put("created", created);
        summary.put("replayed", decided.size() - created.size());
        summary.put("caseIds", decided.stream().map(d -> d.observation().caseId().toString()).distinct().sorted()
                .toList());
        audit.record(actor, created.isEmpty() ? "FHIR_OBSERVATIONS_REPLAYED" : "FHIR_OBSERVATIONS_RECEIVED",
                "FhirBundle", bundleId.toString(), null, summary, null);
        return answers;
    }
}
