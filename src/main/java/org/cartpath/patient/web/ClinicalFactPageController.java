package org.cartpath.patient.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.ClinicalDetails;
import org.cartpath.patient.CnsStatus;
import org.cartpath.patient.Consent;
import org.cartpath.patient.ConsentForm;
import org.cartpath.patient.ConsentFormContent;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PerformanceStatus;
import org.cartpath.patient.SignedFormUpload;
import org.cartpath.patient.TherapyLine;
import org.cartpath.patient.Transplant;
import org.cartpath.patient.internal.PatientRoles;
import org.cartpath.patient.rules.ClinicalEntryRules;
import org.cartpath.patient.rules.SignedFormChecks;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One form per clinical fact the eligibility rules and the pre-infusion checklist read: disease status, lines of
 * therapy, transplants, performance status, organ function and laboratory results, CNS status, target antigen and
 * consent with its signed form. Each calls the same {@link PatientManagement} method as the API, so the rules, the
 * roles and the organisation's scope are the API's; errors are shown in the form's own labels.
 */
@Controller
@RequestMapping("/patients/{id}")
class ClinicalFactPageController {

    /** 1 mg/dL creatinine = 88.4 µmol/L (the factor the rules cite, {@code rules.ClinicalEntryRules}). */
    static final BigDecimal CREATININE_MICROMOL_PER_MG_DL = new BigDecimal("88.4");

    /** A choice on a form: the value sent and the words shown. */
    record Option(String value, String label, String hint) {
    }

    private final PatientManagement patients;

    ClinicalFactPageController(PatientManagement patients) {
        this.patients = patients;
    }

    @GetMapping("/{fact:disease-statuses|therapy-lines|transplants|performance-statuses|organ-functions|cns-statuses|antigen-statuses|consents}/new")
    String form(Actor actor, @PathVariable String id, @PathVariable String fact, Model model) {
        ClinicalFactPages page = page(fact);
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireRecorder(actor, page.kind());
        PatientRecord record = patients.get(actor, PatientId.of(id), PatientPageController.PAGE_PURPOSE);
        return render(page, record, model, defaults(page, record), new HashMap<>(), Set.of());
    }

    @PostMapping("/disease-statuses")
    String diseaseStatus(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.DISEASE_STATUS.labels());
        DiseaseStatus status = new DiseaseStatus(form.date("assessedOn"), form.yesNo("refractory"),
                form.whole("relapseNumber"), form.yesNo("relapseAfterTransplant"), form.date("relapsedOn"),
                form.whole("monthsFromFirstLineEndToRelapse"));
        return submit(actor, id, ClinicalFactPages.DISEASE_STATUS, form, status, Set.of(), model, redirect);
    }

    @PostMapping("/therapy-lines")
    String therapyLine(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            @RequestParam(name = "tags", required = false) List<String> tags, Model model, RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.THERAPY_LINE.labels());
        TherapyLine line = new TherapyLine(form.whole("lineNumber"), form.text("regimen"), form.date("startedOn"),
                form.date("endedOn"), form.choice(TherapyLine.Response.class, "bestResponse"),
                form.choices(TherapyLine.Tag.class, tags, "tags"));
        Set<String> chosen = tags == null ? Set.of() : new LinkedHashSet<>(tags);
        return submit(actor, id, ClinicalFactPages.THERAPY_LINE, form, line, chosen, model, redirect);
    }

    @PostMapping("/transplants")
    String transplant(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.TRANSPLANT.labels());
        Transplant transplant = new Transplant(form.choice(Transplant.Type.class, "type"), form.date("transplantedOn"));
        return submit(actor, id, ClinicalFactPages.TRANSPLANT, form, transplant, Set.of(), model, redirect);
    }

    @PostMapping("/performance-statuses")
    String performanceStatus(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            Model model, RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.PERFORMANCE_STATUS.labels());
        PerformanceStatus status = new PerformanceStatus(form.choice(PerformanceStatus.Scale.class, "scale"),
                form.whole("score"), form.date("assessedOn"));
        return submit(actor, id, ClinicalFactPages.PERFORMANCE_STATUS, form, status, Set.of(), model, redirect);
    }

    @PostMapping("/organ-functions")
    String organFunction(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.ORGAN_FUNCTION.labels());
        OrganFunction results = new OrganFunction(form.date("testedOn"), creatinine(form), form.decimal("bilirubinMicromolPerLitre"),
                form.decimal("altUnitsPerLitre"), form.decimal("lvefPercent"), form.decimal("spo2Percent"));
        return submit(actor, id, ClinicalFactPages.ORGAN_FUNCTION, form, results, Set.of(), model, redirect);
    }

    @PostMapping("/cns-statuses")
    String cnsStatus(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.CNS_STATUS.labels());
        CnsStatus status = new CnsStatus(form.choice(CnsStatus.Category.class, "status"), form.date("assessedOn"));
        return submit(actor, id, ClinicalFactPages.CNS_STATUS, form, status, Set.of(), model, redirect);
    }

    @PostMapping("/antigen-statuses")
    String antigenStatus(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        FactForm form = new FactForm(fields, ClinicalFactPages.ANTIGEN_STATUS.labels());
        AntigenStatus status = new AntigenStatus(form.choice(AntigenStatus.Antigen.class, "antigen"),
                form.choice(AntigenStatus.Result.class, "result"), form.date("testedOn"), form.text("method"));
        return submit(actor, id, ClinicalFactPages.ANTIGEN_STATUS, form, status, Set.of(), model, redirect);
    }

    @PostMapping("/consents")
    String consent(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            @RequestParam(name = PatientManagement.SIGNED_FORM_FIELD, required = false) MultipartFile signedForm,
            Model model, RedirectAttributes redirect) {
        ClinicalFactPages page = ClinicalFactPages.CONSENT;
        FactForm form = new FactForm(fields, page.labels());
        Consent consent = new Consent(form.choice(Consent.Type.class, "type"),
                form.choice(Consent.Decision.class, "decision"), form.date("decidedOn"), form.text("note"));
        SignedFormUpload upload = upload(signedForm);
        PatientId patient = PatientId.of(id);
        if (form.unreadable()) {
            form.add(patients.problemsIn(actor, patient, consent));
            if (upload != null) {
                SignedFormChecks.problemWith(upload, patients.consentFormMaxBytes(), PatientManagement.SIGNED_FORM_FIELD)
                        .ifPresent(p -> form.add(List.of(p)));
            }
            return render(page, actor, id, model, form, Set.of());
        }
        try {
            patients.recordConsent(actor, patient, consent, upload);
        } catch (ProblemException e) {
            rethrowUnlessInvalid(e);
            form.add(e);
            return render(page, actor, id, model, form, Set.of());
        }
        redirect.addFlashAttribute("success", upload == null ? page.success()
                : "Consent recorded with the signed form.");
        return "redirect:/patients/" + id + "#" + page.path();
    }

    @GetMapping("/consents/{entryId}/form")
    ResponseEntity<byte[]> signedForm(Actor actor, @PathVariable String id, @PathVariable String entryId) {
        ConsentFormContent file = patients.consentForm(actor, PatientId.of(id), Ids.parse(entryId, "entry"));
        ConsentForm form = file.form();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(form.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(form.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .header("X-Content-SHA256", form.sha256())
                .body(file.content());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private String submit(Actor actor, String id, ClinicalFactPages page, FactForm form, ClinicalDetails details,
            Set<String> chosen, Model model, RedirectAttributes redirect) {
        PatientId patient = PatientId.of(id);
        if (form.unreadable()) {
            // nothing is recorded while a field cannot be read; the rules still name every other problem
            form.add(patients.problemsIn(actor, patient, details));
            return render(page, actor, id, model, form, chosen);
        }
        try {
            patients.record(actor, patient, details);
        } catch (ProblemException e) {
            rethrowUnlessInvalid(e);
            form.add(e);
            return render(page, actor, id, model, form, chosen);
        }
        redirect.addFlashAttribute("success", page.success());
        return "redirect:/patients/" + id + "#" + page.path();
    }

    /** Creatinine as typed, in µmol/L; a value in mg/dL is converted and kept to one decimal place, as stored. */
    private static BigDecimal creatinine(FactForm form) {
        BigDecimal value = form.decimal("creatinine");
        String unit = form.text("creatinineUnit");
        if (value == null || unit == null || unit.equals("UMOL_PER_L")) {
            return value;
        }
        if (!unit.equals("MG_PER_DL")) {
            form.error("creatinineUnit", "Creatinine unit: choose µmol/L or mg/dL");
            return null;
        }
        return value.multiply(CREATININE_MICROMOL_PER_MG_DL).setScale(1, RoundingMode.HALF_UP);
    }

    private static SignedFormUpload upload(MultipartFile file) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        try {
            return new SignedFormUpload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(ClinicalFactPages page, Actor actor, String id, Model model, FactForm form,
            Set<String> chosen) {
        PatientRecord record = patients.get(actor, PatientId.of(id), PatientPageController.PAGE_PURPOSE);
        Map<String, String> errors = form.errors();
        // the creatinine the rules check is the one typed into the "creatinine" box
        if (errors.containsKey("creatinineMicromolPerLitre")) {
            errors.putIfAbsent("creatinine", errors.remove("creatinineMicromolPerLitre"));
        }
        return render(page, record, model, form.fields(), errors, chosen);
    }

    private String render(ClinicalFactPages page, PatientRecord record, Model model, Map<String, String> fields,
            Map<String, String> errors, Set<String> chosen) {
        model.addAttribute("patient", record);
        model.addAttribute("page", page);
        model.addAttribute("form", fields);
        model.addAttribute("errors", errors);
        model.addAttribute("chosenTags", chosen);
        model.addAttribute("maxFormMegabytes", patients.consentFormMaxBytes() / (1024 * 1024));
        model.addAttribute("lanskyBelowAge", ClinicalEntryRules.LANSKY_BELOW_AGE);
        model.addAttribute("options", options(page));
        return page.view();
    }

    private static Map<String, List<Option>> options(ClinicalFactPages page) {
        return switch (page) {
            case THERAPY_LINE -> Map.of(
                    "bestResponse", Arrays.stream(TherapyLine.Response.values())
                            .map(r -> new Option(r.name(), r.label(), null)).toList(),
                    "tags", Arrays.stream(TherapyLine.Tag.values()).map(t -> new Option(t.name(), t.label(), null)).toList());
            case TRANSPLANT -> Map.of("type", Arrays.stream(Transplant.Type.values())
                    .map(t -> new Option(t.name(), t.label(), null)).toList());
            case PERFORMANCE_STATUS -> Map.of("scale", List.of(
                    new Option("LANSKY", "Lansky play-performance", "For children under "
                            + ClinicalEntryRules.LANSKY_BELOW_AGE + " on the date assessed: 0 to 100 in steps of 10"),
                    new Option("KARNOFSKY", "Karnofsky", "From " + ClinicalEntryRules.LANSKY_BELOW_AGE
                            + " years: 0 to 100 in steps of 10"),
                    new Option("ECOG", "ECOG", "From " + ClinicalEntryRules.LANSKY_BELOW_AGE + " years: 0 to 5")));
            case CNS_STATUS -> Map.of("status", Arrays.stream(CnsStatus.Category.values())
                    .map(c -> new Option(c.name(), c.label(), null)).toList());
            case ANTIGEN_STATUS -> Map.of(
                    "antigen", Arrays.stream(AntigenStatus.Antigen.values()).map(a -> new Option(a.name(), a.name(), null))
                            .toList(),
                    "result", Arrays.stream(AntigenStatus.Result.values()).map(r -> new Option(r.name(), r.label(), null))
                            .toList());
            case CONSENT -> Map.of(
                    "type", Arrays.stream(Consent.Type.values()).map(t -> new Option(t.name(), t.label(),
                            t == Consent.Type.TREATMENT ? "The pre-infusion checklist looks for this consent" : null))
                            .toList(),
                    "decision", Arrays.stream(Consent.Decision.values())
                            .map(d -> new Option(d.name(), d.label(), null)).toList());
            case ORGAN_FUNCTION -> Map.of("creatinineUnit", List.of(new Option("UMOL_PER_L", "µmol/L", null),
                    new Option("MG_PER_DL", "mg/dL", "Converted to µmol/L (multiplied by 88.4) when recorded")));
            case DISEASE_STATUS -> Map.of();
        };
    }

    /** What a new form starts with: the scale for the patient's age, the next line number, µmol/L. */
    private Map<String, String> defaults(ClinicalFactPages page, PatientRecord record) {
        Map<String, String> defaults = new HashMap<>();
        switch (page) {
            case PERFORMANCE_STATUS -> {
                Integer age = record.snapshotAsOf(patients.today()).ageYears();
                if (age != null && age < ClinicalEntryRules.LANSKY_BELOW_AGE) {
                    defaults.put("scale", "LANSKY");
                }
            }
            case THERAPY_LINE -> defaults.put("lineNumber", String.valueOf(record.therapyLines().stream()
                    .filter(e -> e.active()).map(e -> e.details().lineNumber()).distinct().count() + 1));
            case ORGAN_FUNCTION -> defaults.put("creatinineUnit", "UMOL_PER_L");
            default -> {
            }
        }
        return defaults;
    }

    private static ClinicalFactPages page(String path) {
        return Arrays.stream(ClinicalFactPages.values()).filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new org.cartpath.shared.NotFoundException("page", path));
    }

    private static void rethrowUnlessInvalid(ProblemException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
    }
}
