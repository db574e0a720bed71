package org.cartpath.patient.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.Entry;
import org.cartpath.patient.EntryKind;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.internal.PatientRoles;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forms that add to a patient's history (weight and height, a diagnosis) and void a wrong entry. The other
 * kinds of entry are recorded through the API for now.
 */
@Controller
@RequestMapping("/patients/{id}")
class PatientEntryPageController {

    static final String MEASUREMENT = "patient/measurement-form";
    static final String DIAGNOSIS = "patient/diagnosis-form";
    static final String VOID = "patient/void-form";

    private final PatientManagement patients;

    PatientEntryPageController(PatientManagement patients) {
        this.patients = patients;
    }

    @GetMapping("/measurements/new")
    String newMeasurement(Actor actor, @PathVariable String id, Model model) {
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireRecorder(actor, EntryKind.MEASUREMENT);
        return form(actor, id, MEASUREMENT, model, new HashMap<>(), PageForms.errors());
    }

    @PostMapping("/measurements")
    String addMeasurement(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = PageForms.errors();
        LocalDate measuredOn = PageForms.date(fields, "measuredOn", errors);
        BigDecimal weight = PageForms.decimal(fields, "weightKg", errors);
        BigDecimal height = PageForms.decimal(fields, "heightCm", errors);
        if (errors.containsKey("weightKg") || errors.containsKey("heightCm")) {
            // a weight that is not a number must never be recorded as "no weight" beside a valid height
            return form(actor, id, MEASUREMENT, model, fields, errors);
        }
        try {
            patients.record(actor, PatientId.of(id), new Measurement(measuredOn, weight, height));
            redirect.addFlashAttribute("success", "Weight and height recorded.");
            return "redirect:/patients/" + id + "#measurements";
        } catch (ProblemException e) {
            rethrowUnlessInvalid(e);
            PageForms.addErrors(errors, e);
            return form(actor, id, MEASUREMENT, model, fields, errors);
        }
    }

    @GetMapping("/diagnoses/new")
    String newDiagnosis(Actor actor, @PathVariable String id, Model model) {
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireRecorder(actor, EntryKind.DIAGNOSIS);
        return form(actor, id, DIAGNOSIS, model, new HashMap<>(), PageForms.errors());
    }

    @PostMapping("/diagnoses")
    String addDiagnosis(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = PageForms.errors();
        LocalDate diagnosedOn = PageForms.date(fields, "diagnosedOn", errors);
        DiagnosisCode code = PageForms.choice(DiagnosisCode.class, fields, "code", errors);
        try {
            patients.record(actor, PatientId.of(id), new Diagnosis(code, fields.get("description"), diagnosedOn));
            redirect.addFlashAttribute("success", "Diagnosis recorded.");
            return "redirect:/patients/" + id + "#diagnoses";
        } catch (ProblemException e) {
            rethrowUnlessInvalid(e);
            PageForms.addErrors(errors, e);
            return form(actor, id, DIAGNOSIS, model, fields, errors);
        }
    }

    @GetMapping("/entries/{entryId}/void")
    String voidForm(Actor actor, @PathVariable String id, @PathVariable String entryId, Model model) {
        return voidForm(actor, id, entryId, model, new HashMap<>(), PageForms.errors());
    }

    @PostMapping("/entries/{entryId}/void")
    String voidEntry(Actor actor, @PathVariable String id, @PathVariable String entryId,
            @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        UUID entry = Ids.parse(entryId, "entry");
        try {
            Entry<?> voided = patients.voidEntry(actor, PatientId.of(id), entry, fields.get("reason"));
            redirect.addFlashAttribute("success", voided.kind().label() + " entry voided.");
            return "redirect:/patients/" + id;
        } catch (ProblemException e) {
            rethrowUnlessInvalid(e);
            Map<String, String> errors = PageForms.errors();
            PageForms.addErrors(errors, e);
            return voidForm(actor, id, entryId, model, fields, errors);
        }
    }

    private String voidForm(Actor actor, String id, String entryId, Model model, Map<String, String> form,
            Map<String, String> errors) {
        PatientId patient = PatientId.of(id);
        Entry<?> entry = patients.entry(actor, patient, Ids.parse(entryId, "entry"), PatientPageController.PAGE_PURPOSE);
        model.addAttribute("patientId", patient);
        model.addAttribute("entry", entry);
        model.addAttribute("entryText", EntryRow.describe(entry));
        model.addAttribute("voidable", entry.active() && entry.recorded().organisationId().equals(actor.organisationId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VOID;
    }

    private String form(Actor actor, String id, String view, Model model, Map<String, String> form,
            Map<String, String> errors) {
        PatientRecord record = patients.get(actor, PatientId.of(id), PatientPageController.PAGE_PURPOSE);
        model.addAttribute("patient", record);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("codes", DiagnosisCode.values());
        return view;
    }

    private static void rethrowUnlessInvalid(ProblemException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
    }
}
