package org.cartpath.reporting.exports;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registries' ids of a patient (the CIBMTR Research ID, the EBMT registration id) and the submission status of
 * each registry form at each time point, recorded by the treating centre's data managers (ADR 0036, hazard H-33).
 * The exports put the id in the files; a centre sees and records only its own cases (another centre's: 404); the
 * commissioner records none (403). Every change is audited; bad input and duplicates are refused and change nothing.
 */
@Service
public class RegistryReporting {

    private static final Set<String> FORMS_AT_INFUSION = Set.of("CIBMTR_4000", "CIBMTR_4003", "CIBMTR_4006",
            "EBMT_MED_A");
    private static final Set<String> FOLLOW_UP_FORMS = Set.of("CIBMTR_4100", "EBMT_FOLLOW_UP");
    private static final int OVERVIEW = 200;

    private final RegistryStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    RegistryReporting(RegistryStore store, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The submission statuses, in the words people see. */
    public enum Status {
        NOT_SUBMITTED("Not submitted"), SUBMITTED("Submitted"), ACCEPTED("Accepted"),
        RETURNED_WITH_QUERY("Returned with a query");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A patient's id in a registry, as people read it. */
    public record RegistryId(String registry, String registryLabel, String idLabel, String registryId,
            String recordedByName, java.time.Instant recordedAt, int version) {
    }

    /** One form's submission status at one time point. */
    public record Submission(String form, String formLabel, String timepoint, String status, String statusLabel,
            LocalDate statusOn, String query, String recordedByName, java.time.Instant recordedAt, int version) {
    }

    /** A case's registry reporting: its ids, the forms' statuses, and the forms and time points it may record. */
    public record CaseReporting(UUID caseId, String caseReference, String track, List<RegistryId> ids,
            List<Submission> submissions, List<String> forms, List<String> timepoints) {
    }

    /** The request to record a registry id; {@code reason} only to correct one already recorded. */
    public record IdEntry(@Size(max = 20) String registry, @Size(max = 40) String registryId,
            @Size(max = 500) String reason) {
    }

    /** The request to record a form's submission status. */
    public record SubmissionEntry(@Size(max = 40) String form, @Size(max = 20) String timepoint,
            @Size(max = 40) String status, @Size(max = 20) String statusOn, @Size(max = 1000) String query) {
    }

    /** The exports page's table: the centre's infused cases on a registry track. */
    public record OverviewRow(UUID caseId, String caseReference, String track, LocalDate dayZero, String registryId,
            int submitted, int accepted, int returned) {
    }

    private DataScope centreScope(Actor actor) {
        DataScope scope = DataVisibility.exportScope(actor);
        if (scope.everyOrganisation()) {
            throw ProblemException.forbidden("Registry ids and submissions are recorded by the treating centre's data"
                    + " managers");
        }
        return scope;
    }

    private RegistryStore.CaseOfCentre caseOf(DataScope scope, UUID caseId) {
        return store.caseOf(scope, caseId).orElseThrow(() -> new NotFoundException("case", caseId));
    }

    @Transactional(readOnly = true)
    public List<OverviewRow> overview(Actor actor) {
        DataScope scope = DataVisibility.exportScope(actor);
        if (scope.everyOrganisation()) {
            return List.of();
        }
        return store.overview(scope, OVERVIEW).stream().map(o -> new OverviewRow(o.caseId(), o.reference(), o.track(),
                o.dayZero(), Registry.display(o.track().equals("EBMT") ? Registry.EBMT : Registry.CIBMTR,
                        o.registryId()), o.submitted(), o.accepted(), o.returned())).toList();
    }

    @Transactional(readOnly = true)
    public CaseReporting ofCase(Actor actor, UUID caseId) {
        RegistryStore.CaseOfCentre c = caseOf(centreScope(actor), caseId);
        return reporting(c);
    }

    private CaseReporting reporting(RegistryStore.CaseOfCentre c) {
        List<RegistryId> ids = store.ids(c.patientId()).stream().map(i -> new RegistryId(i.registry().name(),
                i.registry().label(), i.registry().idLabel(), Registry.display(i.registry(), i.registryId()),
                i.recordedByName(), i.recordedAt(), i.version())).toList();
        List<Submission> submissions = store.submissions(c.caseId()).stream().map(s -> new Submission(s.form(),
                ExportKind.valueOf(s.form()).label(), s.timepoint(), s.status(), Status.valueOf(s.status()).label(),
                s.statusOn(), s.query(), s.recordedByName(), s.recordedAt(), s.version())).toList();
        String track = store.track(c.caseId()).orElse(null);
        List<String> forms = track == null ? List.of() : track.equals("EBMT") ? List.of("EBMT_MED_A", "EBMT_FOLLOW_UP")
                : List.of("CIBMTR_4000", "CIBMTR_4003", "CIBMTR_4006", "CIBMTR_4100");
        List<String> timepoints = new ArrayList<>(List.of("DAY_0"));
        timepoints.addAll(store.timepoints(c.caseId()));
        return new CaseReporting(c.caseId(), c.reference(), track, ids, submissions, forms, timepoints);
    }

    /**
     * Records the patient's id in a registry. Refused: an unknown registry or an id of the wrong shape (400); an id
     * already recorded for another patient (409 registry-id-in-use: one id names one patient, H-33); a second id for
     * the same patient, or the same id again, without a reason for the correction (409 registry-id-already-recorded).
     */
    @Transactional
    public CaseReporting recordId(Actor actor, UUID caseId, IdEntry entry) {
        RegistryStore.CaseOfCentre c = caseOf(centreScope(actor), caseId);
        Registry registry = Registry.parse(entry.registry()).orElseThrow(() -> ProblemException.invalid("registry",
                "Choose the registry: CIBMTR or EBMT"));
        String id = registry.normalise(entry.registryId()).orElseThrow(() -> ProblemException.invalid("registryId",
                registry.shapeMessage()));
        var holder = store.patientWith(registry, id);
        if (holder.isPresent() && !holder.get().equals(c.patientId())) {
            throw ProblemException.conflict("registry-id-in-use", "This " + registry.idLabel() + " is recorded for"
                    + " another patient; check the id against the registry before recording it");
        }
        var current = store.ids(c.patientId()).stream().filter(i -> i.registry() == registry).findFirst();
        String reason = entry.reason() == null ? "" : entry.reason().strip();
        if (current.isPresent() && (current.get().registryId().equals(id) || reason.isEmpty())) {
            throw ProblemException.conflict("registry-id-already-recorded", "The patient's " + registry.idLabel()
                    + " is already recorded (" + Registry.display(registry, current.get().registryId()) + ")"
                    + (current.get().registryId().equals(id) ? "" : "; give a reason to correct it"));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("registry", registry.name());
        after.put("registryId", id);
        after.put("case", c.reference());
        if (current.isEmpty()) {
            if (!store.insertId(c.patientId(), registry, id, c.caseId(), actor, clock.instant())) {
                throw ProblemException.conflict("registry-id-already-recorded", "The " + registry.idLabel()
                        + " was recorded at the same moment by someone else; look again");
            }
            audit.record(actor, "REGISTRY_ID_RECORDED", "Patient", c.patientId().toString(), null, after, null);
        } else {
            if (!store.correctId(c.patientId(), registry, id, c.caseId(), actor, clock.instant(),
                    current.get().version())) {
                throw ProblemException.conflict("registry-id-changed", "The " + registry.idLabel()
                        + " changed meanwhile; look again");
            }
            audit.record(actor, "REGISTRY_ID_CORRECTED", "Patient", c.patientId().toString(),
                    Map.of("registry", registry.name(), "registryId", current.get().registryId()), after, reason);
        }
        return reporting(c);
    }

    /**
     * Records a form's submission status at a time point. Refused (400, nothing changed): an unknown form, status or
     * time point, a time point the form does not have (DAY_0 for the infusion-time forms, a follow-up time point for
     * Forms 4100 and EBMT follow-up), a date missing, unreadable or in the future, a returned form without its query;
     * the same status as recorded already (409 submission-status-unchanged).
     */
    @Transactional
    public CaseReporting recordSubmission(Actor actor, UUID caseId, SubmissionEntry entry) {
        RegistryStore.CaseOfCentre c = caseOf(centreScope(actor), caseId);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        String form = entry.form() == null ? "" : entry.form().strip().toUpperCase();
        if (!FORMS_AT_INFUSION.contains(form) && !FOLLOW_UP_FORMS.contains(form)) {
            problems.add(new ProblemException.FieldProblem("form", "Choose a registry form: "
                    + "CIBMTR_4000, CIBMTR_4003, CIBMTR_4006, CIBMTR_4100, EBMT_MED_A or EBMT_FOLLOW_UP"));
        }
        String timepoint = entry.timepoint() == null ? "" : entry.timepoint().strip().toUpperCase();
        if (FORMS_AT_INFUSION.contains(form) && !timepoint.equals("DAY_0")) {
            problems.add(new ProblemException.FieldProblem("timepoint", "This form is made once, at the infusion:"
                    + " choose DAY_0"));
        } else if (FOLLOW_UP_FORMS.contains(form) && !timepoint.matches("DAY_100|MONTH_6|YEAR_([1-9]|1[0-5])")) {
            problems.add(new ProblemException.FieldProblem("timepoint", "Choose a follow-up time point: DAY_100,"
                    + " MONTH_6 or YEAR_1 to YEAR_15"));
        }
        Status status = null;
        try {
            status = Status.valueOf(entry.status() == null ? "" : entry.status().strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(new ProblemException.FieldProblem("status", "Choose the status: NOT_SUBMITTED, SUBMITTED,"
                    + " ACCEPTED or RETURNED_WITH_QUERY"));
        }
        LocalDate on = null;
        if (status != null && status != Status.NOT_SUBMITTED) {
            try {
                on = LocalDate.parse(entry.statusOn() == null ? "" : entry.statusOn().strip());
                if (on.isAfter(LocalDate.now(clock.withZone(zone)))) {
                    problems.add(new ProblemException.FieldProblem("statusOn", "The date cannot be in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new ProblemException.FieldProblem("statusOn", "Enter the date of the status as"
                        + " yyyy-mm-dd, for example 2026-11-30"));
            }
        }
        String query = entry.query() == null || entry.query().isBlank() ? null : entry.query().strip();
        if (status == Status.RETURNED_WITH_QUERY && query == null) {
            problems.add(new ProblemException.FieldProblem("query", "Enter the registry's query"));
        }
        if (status != Status.RETURNED_WITH_QUERY) {
            query = null;
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var current = store.submissions(c.caseId()).stream()
                .filter(s -> s.form().equals(form) && s.timepoint().equals(timepoint)).findFirst();
        if (current.isPresent() && current.get().status().equals(status.name())
                && java.util.Objects.equals(current.get().statusOn(), on)
                && java.util.Objects.equals(current.get().query(), query)) {
            throw ProblemException.conflict("submission-status-unchanged", "This status is already recorded for the"
                    + " form at this time point");
        }
        if (!store.saveSubmission(c.caseId(), form, timepoint, status.name(), on, query, actor, clock.instant(),
                current.map(RegistryStore.StoredSubmission::version).orElse(-1))) {
            throw ProblemException.conflict("submission-status-changed", "The form's status changed meanwhile; look"
                    + " again");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("form", form);
        after.put("timepoint", timepoint);
        after.put("status", status.name());
        after.put("statusOn", on == null ? null : on.toString());
        after.put("query", query);
        Map<String, Object> before = current.map(s -> {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("status", s.status());
            b.put("statusOn", s.statusOn() == null ? null : s.statusOn().toString());
            b.put("query", s.query());
            return b;
        }).orElse(null);
        audit.record(actor, "REGISTRY_SUBMISSION_STATUS_RECORDED", "TherapyCase", c.caseId().toString(), before, after,
                null);
        return reporting(c);
    }
}
