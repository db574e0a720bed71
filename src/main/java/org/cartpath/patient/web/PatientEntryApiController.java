package org.cartpath.patient.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.ClinicalDetails;
import org.cartpath.patient.CnsStatus;
import org.cartpath.patient.Consent;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.Entry;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PerformanceStatus;
import org.cartpath.patient.TherapyLine;
import org.cartpath.patient.Transplant;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.Page;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's clinical history over REST: one sub-resource per kind of entry (POST adds, GET lists newest
 * first with voided entries marked), and voiding. Entries are never changed: a correction is a new entry.
 * Every POST accepts Idempotency-Key (handled for the whole API by the platform).
 */
@RestController
@RequestMapping("/api/v1/patients/{id}")
@Tag(name = "Patient history", description = "Dated, append-only clinical history of a patient")
class PatientEntryApiController {

    record MeasurementRequest(@StrictDate LocalDate measuredOn, BigDecimal weightKg, BigDecimal heightCm) {
    }

    record DiagnosisRequest(
            @Size(max = TextLimits.SHORT) String code,
            @Size(max = TextLimits.LONG) String description,
            @StrictDate LocalDate diagnosedOn) {
    }

    record DiseaseStatusRequest(@StrictDate LocalDate assessedOn, Boolean refractory, Integer relapseNumber,
            Boolean relapseAfterTransplant, @StrictDate LocalDate relapsedOn, Integer monthsFromFirstLineEndToRelapse) {
    }

    record OrganFunctionRequest(@StrictDate LocalDate testedOn, BigDecimal creatinineMicromolPerLitre,
            BigDecimal bilirubinMicromolPerLitre, BigDecimal altUnitsPerLitre, BigDecimal lvefPercent,
            BigDecimal spo2Percent) {
    }

    record TherapyLineRequest(
            Integer lineNumber,
            @Size(max = TextLimits.SHORT) String regimen,
            @StrictDate LocalDate startedOn,
            @StrictDate LocalDate endedOn,
            @Size(max = TextLimits.SHORT) String bestResponse,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> tags) {
    }

    record TransplantRequest(@Size(max = TextLimits.SHORT) String type, @StrictDate LocalDate transplantedOn) {
    }

    record AntigenStatusRequest(
            @Size(max = TextLimits.SHORT) String antigen,
            @Size(max = TextLimits.SHORT) String result,
            @StrictDate LocalDate testedOn,
            @Size(max = TextLimits.SHORT) String method) {
    }

    record CnsStatusRequest(@Size(max = TextLimits.SHORT) String status, @StrictDate LocalDate assessedOn) {
    }

    record PerformanceStatusRequest(
            @Size(max = TextLimits.SHORT) String scale,
            Integer score,
            @StrictDate LocalDate assessedOn) {
    }

    record ConsentRequest(
            @Size(max = TextLimits.SHORT) String type,
            @Size(max = TextLimits.SHORT) String decision,
            @StrictDate LocalDate decidedOn,
            @Size(max = TextLimits.LONG) String note) {
    }

    record VoidRequest(@Size(max = TextLimits.LONG) String reason) {
    }

    private final PatientManagement patients;

    PatientEntryApiController(PatientManagement patients) {
        this.patients = patients;
    }

    @PostMapping("/measurements")
    @Operation(summary = "Record weight and/or height", description = "weightKg more than 0 and at most 350; "
            + "heightCm 30 to 250; measuredOn not in the future nor before birth.")
    ResponseEntity<Entry<Measurement>> addMeasurement(Actor actor, @PathVariable String id,
            @RequestBody MeasurementRequest body) {
        return created(id, patients.record(actor, PatientId.of(id),
                new Measurement(body.measuredOn(), body.weightKg(), body.heightCm())));
    }

    @GetMapping("/measurements")
    Page<Entry<Measurement>> measurements(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.MEASUREMENT, page, size);
    }

    @PostMapping("/diagnoses")
    @Operation(summary = "Record a diagnosis", description = "code: B_ALL, LBCL, DLBCL, PMBCL, MCL, FL, "
            + "MULTIPLE_MYELOMA or OTHER (then a description is required).")
    ResponseEntity<Entry<Diagnosis>> addDiagnosis(Actor actor, @PathVariable String id, @RequestBody DiagnosisRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new Diagnosis(
                Choices.parse(DiagnosisCode.class, body.code(), "code"), body.description(), body.diagnosedOn())));
    }

    @GetMapping("/diagnoses")
    Page<Entry<Diagnosis>> diagnoses(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.DIAGNOSIS, page, size);
    }

    @PostMapping("/disease-statuses")
    @Operation(summary = "Record the disease status", description = "refractory, relapseNumber (0 = never "
            + "relapsed), relapseAfterTransplant; relapsedOn and monthsFromFirstLineEndToRelapse when known.")
    ResponseEntity<Entry<DiseaseStatus>> addDiseaseStatus(Actor actor, @PathVariable String id,
            @RequestBody DiseaseStatusRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new DiseaseStatus(body.assessedOn(),
                body.refractory(), body.relapseNumber(), body.relapseAfterTransplant(), body.relapsedOn(),
                body.monthsFromFirstLineEndToRelapse())));
    }

    @GetMapping("/disease-statuses")
    Page<Entry<DiseaseStatus>> diseaseStatuses(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.DISEASE_STATUS, page, size);
    }

    @PostMapping("/therapy-lines")
    @Operation(summary = "Record a line of systemic therapy", description = "A correction is a new entry with the "
            + "same lineNumber. tags: ANTI_CD20, ANTHRACYCLINE, BTK_INHIBITOR, PROTEASOME_INHIBITOR, "
            + "IMMUNOMODULATORY_DRUG, ANTI_CD38, CD19_DIRECTED, BCMA_DIRECTED.")
    ResponseEntity<Entry<TherapyLine>> addTherapyLine(Actor actor, @PathVariable String id,
            @RequestBody TherapyLineRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new TherapyLine(body.lineNumber(), body.regimen(),
                body.startedOn(), body.endedOn(),
                Choices.parse(TherapyLine.Response.class, body.bestResponse(), "bestResponse"),
                Choices.parseAll(TherapyLine.Tag.class, body.tags(), "tags"))));
    }

    @GetMapping("/therapy-lines")
    Page<Entry<TherapyLine>> therapyLines(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.THERAPY_LINE, page, size);
    }

    @PostMapping("/transplants")
    @Operation(summary = "Record a stem cell transplant", description = "type: ALLOGENEIC or AUTOLOGOUS.")
    ResponseEntity<Entry<Transplant>> addTransplant(Actor actor, @PathVariable String id,
            @RequestBody TransplantRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new Transplant(
                Choices.parse(Transplant.Type.class, body.type(), "type"), body.transplantedOn())));
    }

    @GetMapping("/transplants")
    Page<Entry<Transplant>> transplants(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.TRANSPLANT, page, size);
    }

    @PostMapping("/antigen-statuses")
    @Operation(summary = "Record a target antigen result", description = "antigen: CD19 or BCMA; result: POSITIVE, "
            + "NEGATIVE or UNKNOWN.")
    ResponseEntity<Entry<AntigenStatus>> addAntigenStatus(Actor actor, @PathVariable String id,
            @RequestBody AntigenStatusRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new AntigenStatus(
                Choices.parse(AntigenStatus.Antigen.class, body.antigen(), "antigen"),
                Choices.parse(AntigenStatus.Result.class, body.result(), "result"), body.testedOn(), body.method())));
    }

    @GetMapping("/antigen-statuses")
    Page<Entry<AntigenStatus>> antigenStatuses(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.ANTIGEN_STATUS, page, size);
    }

    @PostMapping("/cns-statuses")
    @Operation(summary = "Record the CNS status", description = "status: CNS1, CNS2 or CNS3.")
    ResponseEntity<Entry<CnsStatus>> addCnsStatus(Actor actor, @PathVariable String id,
            @RequestBody CnsStatusRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new CnsStatus(
                Choices.parse(CnsStatus.Category.class, body.status(), "status"), body.assessedOn())));
    }

    @GetMapping("/cns-statuses")
    Page<Entry<CnsStatus>> cnsStatuses(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.CNS_STATUS, page, size);
    }

    @PostMapping("/performance-statuses")
    @Operation(summary = "Record performance status", description = "scale LANSKY (under 16 on the assessment "
            + "date; 0-100 in tens), else KARNOFSKY (0-100 in tens) or ECOG (0-5).")
    ResponseEntity<Entry<PerformanceStatus>> addPerformanceStatus(Actor actor, @PathVariable String id,
            @RequestBody PerformanceStatusRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new PerformanceStatus(
                Choices.parse(PerformanceStatus.Scale.class, body.scale(), "scale"), body.score(), body.assessedOn())));
    }

    @GetMapping("/performance-statuses")
    Page<Entry<PerformanceStatus>> performanceStatuses(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.PERFORMANCE_STATUS, page, size);
    }

    @PostMapping("/organ-functions")
    @Operation(summary = "Record organ function results", description = "creatinineMicromolPerLitre 5-3000, "
            + "bilirubinMicromolPerLitre 0-1000, altUnitsPerLitre 0-10000, lvefPercent 5-95, spo2Percent 50-100; "
            + "at least one.")
    ResponseEntity<Entry<OrganFunction>> addOrganFunction(Actor actor, @PathVariable String id,
            @RequestBody OrganFunctionRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new OrganFunction(body.testedOn(),
                body.creatinineMicromolPerLitre(), body.bilirubinMicromolPerLitre(), body.altUnitsPerLitre(),
                body.lvefPercent(), body.spo2Percent())));
    }

    @GetMapping("/organ-functions")
    Page<Entry<OrganFunction>> organFunctions(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.ORGAN_FUNCTION, page, size);
    }

    @PostMapping("/consents")
    @Operation(summary = "Record a consent given or withdrawn", description = "type: TREATMENT, APHERESIS, "
            + "REGISTRY, LONG_TERM_FOLLOW_UP or RESEARCH; decision: GIVEN or WITHDRAWN.")
    ResponseEntity<Entry<Consent>> addConsent(Actor actor, @PathVariable String id, @RequestBody ConsentRequest body) {
        return created(id, patients.record(actor, PatientId.of(id), new Consent(
                Choices.parse(Consent.Type.class, body.type(), "type"),
                Choices.parse(Consent.Decision.class, body.decision(), "decision"), body.decidedOn(), body.note())));
    }

    @GetMapping("/consents")
    Page<Entry<Consent>> consents(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return list(actor, id, EntryKind.CONSENT, page, size);
    }

    @GetMapping("/entries/{entryId}")
    @Operation(summary = "One entry of any kind", description = "The read is logged.")
    Entry<?> entry(Actor actor, @PathVariable String id, @PathVariable String entryId) {
        return patients.entry(actor, PatientId.of(id), Ids.parse(entryId, "entry"), PatientApiController.READ_PURPOSE);
    }

    @PostMapping("/entries/{entryId}/void")
    @Operation(summary = "Void a wrongly entered entry", description = "With a reason. The entry stays in the "
            + "history, marked, and counts for nothing. Only the organisation that recorded it may void it; "
            + "a second void is 409 already-voided.")
    Entry<?> voidEntry(Actor actor, @PathVariable String id, @PathVariable String entryId,
            @RequestBody(required = false) VoidRequest body) {
        return patients.voidEntry(actor, PatientId.of(id), Ids.parse(entryId, "entry"), body == null ? null : body.reason());
    }

    private <T extends ClinicalDetails> Page<Entry<T>> list(Actor actor, String id, EntryKind kind, int page, int size) {
        Page.Request request = new Page.Request(page, size);
        List<Entry<T>> all = patients.entries(actor, PatientId.of(id), kind, PatientApiController.READ_PURPOSE);
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    private static <T extends ClinicalDetails> ResponseEntity<Entry<T>> created(String patientId, Entry<T> entry) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/patients/" + patientId + "/entries/" + entry.id())).body(entry);
    }
}
