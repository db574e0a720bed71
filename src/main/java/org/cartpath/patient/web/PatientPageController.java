package org.cartpath.patient.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.cartpath.patient.Address;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.Consent;
import org.cartpath.patient.ConsentForm;
import org.cartpath.patient.Dated;
import org.cartpath.patient.Entry;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PatientSummary;
import org.cartpath.patient.Sex;
import org.cartpath.patient.internal.PatientRoles;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to find a patient, register one, and see a patient's record. */
@Controller
@RequestMapping("/patients")
class PatientPageController {

    static final String SEARCH = "patient/search";
    static final String REGISTER = "patient/register";
    static final String RECORD = "patient/record";
    static final String PAGE_PURPOSE = "patient page";
    private static final int PAGE_SIZE = 50;

    /**
     * A titled part of the history on the patient page, with the link to record another entry of its kind for a
     * role that may ({@code recordText} null otherwise).
     */
    record Section(String title, String id, List<EntryRow> rows, String recordHref, String recordText) {
    }

    /** A latest value with its date, or "Not recorded". */
    record Latest(String label, String value, LocalDate on) {
    }

    private final PatientManagement patients;

    PatientPageController(PatientManagement patients) {
        this.patients = patients;
    }

    @GetMapping
    String search(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, String> errors = PageForms.errors();
        Page<PatientSummary> found = null;
        String query = q == null ? "" : q.strip();
        PatientRoles.requireIdentityVisible(actor, null);
        PatientRoles.requireReader(actor);
        try {
            // only what was asked for: listing patients nobody searched for would fill the access log for nothing
            if (!query.isEmpty()) {
                Page.Request request = new Page.Request(Math.max(0, page), PAGE_SIZE);
                boolean looksLikeNhsNumber = query.matches("[0-9 \\-]+");
                found = patients.search(actor, looksLikeNhsNumber ? query : null, looksLikeNhsNumber ? null : query,
                        request);
            }
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            e.fieldProblems().forEach(p -> errors.put("q", (p.field().equals("name") ? "Name " : "NHS number ")
                    + p.message()));
        }
        model.addAttribute("q", query);
        model.addAttribute("found", found);
        model.addAttribute("errors", errors);
        model.addAttribute("canRegister", PatientRoles.EDITORS.stream().anyMatch(actor::hasRole));
        return SEARCH;
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        PatientRoles.requireIdentityVisible(actor, null);
        PatientRoles.requireEditor(actor);
        return registerForm(model, new HashMap<>(), PageForms.errors());
    }

    @PostMapping
    String register(Actor actor, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        PatientRoles.requireIdentityVisible(actor, null);
        PatientRoles.requireEditor(actor);
        Map<String, String> errors = PageForms.errors();
        // a date or choice that cannot be read goes to the rules as missing, so every other error shows too
        LocalDate born = PageForms.date(fields, "dateOfBirth", errors);
        Sex sex = PageForms.choice(Sex.class, fields, "sex", errors);
        PatientDetails details = new PatientDetails(fields.get("nhsNumber"), fields.get("localHospitalNumber"),
                fields.get("givenName"), fields.get("familyName"), born, sex, new Address(fields.get("address.line1"),
                        fields.get("address.line2"), fields.get("address.town"), fields.get("address.postcode")));
        try {
            PatientRecord created = patients.register(actor, details);
            redirect.addFlashAttribute("success", created.demographics().displayName() + " has been registered.");
            return "redirect:/patients/" + created.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            PageForms.addErrors(errors, e);
            return registerForm(model, fields, errors);
        }
    }

    @GetMapping("/{id}")
    String view(Actor actor, @PathVariable String id, Model model) {
        PatientRecord record = patients.get(actor, PatientId.of(id), PAGE_PURPOSE);
        ClinicalSnapshot latest = record.snapshotAsOf(patients.today());
        boolean editor = PatientRoles.EDITORS.stream().anyMatch(actor::hasRole);
        boolean measurer = PatientRoles.MEASURERS.stream().anyMatch(actor::hasRole);
        model.addAttribute("patient", record);
        model.addAttribute("nhsNumber", record.demographics().nhsNumber() == null ? null
                : record.demographics().nhsNumber().formatted());
        model.addAttribute("ageYears", latest.ageYears());
        List<Latest> latestRows = new ArrayList<>(latestValues(latest));
        latestRows.add(treatmentConsent(record));
        model.addAttribute("latest", latestRows);
        model.addAttribute("sections", sections(record, actor, editor, measurer));
        model.addAttribute("canEdit", editor);
        model.addAttribute("canMeasure", measurer);
        return RECORD;
    }

    private String registerForm(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sexes", Sex.values());
        return REGISTER;
    }

    private List<Section> sections(PatientRecord r, Actor actor, boolean editor, boolean measurer) {
        Map<UUID, ConsentForm> forms = new HashMap<>();
        if (!r.consents().isEmpty()) {
            patients.consentForms(actor, r.id()).forEach(f -> forms.put(f.consentId(), f));
        }
        return List.of(
                section("Weight and height", "measurements", r.measurements(), actor, measurer, null, forms),
                section("Diagnoses", "diagnoses", r.diagnoses(), actor, editor, null, forms),
                section("Disease status", "disease-statuses", r.diseaseStatuses(), actor, editor,
                        ClinicalFactPages.DISEASE_STATUS, forms),
                section("Lines of therapy", "therapy-lines", r.therapyLines(), actor, editor,
                        ClinicalFactPages.THERAPY_LINE, forms),
                section("Transplants", "transplants", r.transplants(), actor, editor, ClinicalFactPages.TRANSPLANT, forms),
                section("Target antigen", "antigen-statuses", r.antigenStatuses(), actor, editor,
                        ClinicalFactPages.ANTIGEN_STATUS, forms),
                section("CNS status", "cns-statuses", r.cnsStatuses(), actor, editor, ClinicalFactPages.CNS_STATUS, forms),
                section("Performance status", "performance-statuses", r.performanceStatuses(), actor, editor,
                        ClinicalFactPages.PERFORMANCE_STATUS, forms),
                section("Organ function", "organ-functions", r.organFunctions(), actor, measurer,
                        ClinicalFactPages.ORGAN_FUNCTION, forms),
                section("Consent", "consents", r.consents(), actor, editor, ClinicalFactPages.CONSENT, forms));
    }

    /** {@code mayRecord} is the role rule of the API for the section's kind (PatientRoles.requireRecorder). */
    private static Section section(String title, String id, List<? extends Entry<?>> entries, Actor actor,
            boolean mayRecord, ClinicalFactPages form, Map<UUID, ConsentForm> forms) {
        List<EntryRow> rows = entries.stream().map(e -> EntryRow.of(e, actor, mayRecord, forms.get(e.id()))).toList();
        boolean linked = form != null && mayRecord;
        return new Section(title, id, rows, linked ? form.path() + "/new" : null, linked ? form.title() : null);
    }

    private static List<Latest> latestValues(ClinicalSnapshot s) {
        List<Latest> rows = new ArrayList<>();
        rows.add(dated("Weight", s.weightKg(), v -> EntryRow.plain(v) + " kg"));
        rows.add(dated("Height", s.heightCm(), v -> EntryRow.plain(v) + " cm"));
        rows.add(s.diagnosis() == null ? none("Diagnosis")
                : new Latest("Diagnosis", s.diagnosis().code().label(), s.diagnosis().diagnosedOn()));
        rows.add(s.diseaseStatus() == null ? none("Disease status")
                : new Latest("Disease status", (Boolean.TRUE.equals(s.refractory()) ? "Refractory, " : "")
                        + (s.relapseNumber() == 0 ? "never relapsed" : "relapse " + s.relapseNumber())
                        + (Boolean.TRUE.equals(s.relapseAfterTransplant()) ? " after transplant" : ""),
                        s.diseaseStatus().assessedOn()));
        rows.add(new Latest("Prior lines of therapy",
                s.priorLinesOfTherapy() == null ? "Not recorded" : String.valueOf(s.priorLinesOfTherapy()), null));
        rows.add(s.performanceStatus() == null ? none("Performance status")
                : new Latest("Performance status", s.performanceStatus().scale().label() + " "
                        + s.performanceStatus().score(), s.performanceStatus().assessedOn()));
        rows.add(s.cnsStatus() == null ? none("CNS status")
                : new Latest("CNS status", s.cnsStatus().status().label(), s.cnsStatus().assessedOn()));
        rows.add(s.cd19() == null ? none("CD19") : new Latest("CD19", s.cd19().result().label(), s.cd19().testedOn()));
        rows.add(s.bcma() == null ? none("BCMA") : new Latest("BCMA", s.bcma().result().label(), s.bcma().testedOn()));
        rows.add(dated("Creatinine", s.creatinineMicromolPerLitre(), v -> EntryRow.plain(v) + " µmol/L"));
        rows.add(dated("Bilirubin", s.bilirubinMicromolPerLitre(), v -> EntryRow.plain(v) + " µmol/L"));
        rows.add(dated("ALT", s.altUnitsPerLitre(), v -> EntryRow.plain(v) + " U/L"));
        rows.add(dated("LVEF", s.lvefPercent(), v -> EntryRow.plain(v) + "%"));
        rows.add(dated("SpO2", s.spo2Percent(), v -> EntryRow.plain(v) + "%"));
        return rows;
    }

    /** The consent the pre-infusion checklist reads: the latest decision on CAR-T treatment that is not voided. */
    private static Latest treatmentConsent(PatientRecord r) {
        String label = "Consent to " + Consent.Type.TREATMENT.label();
        return r.consents().stream().filter(Entry::active).map(Entry::details)
                .filter(c -> c.type() == Consent.Type.TREATMENT).findFirst()
                .map(c -> new Latest(label, c.decision().label(), c.decidedOn()))
                .orElse(none(label));
    }

    private static Latest dated(String label, Dated<BigDecimal> value, Function<BigDecimal, String> format) {
        return value == null ? none(label) : new Latest(label, format.apply(value.value()), value.on());
    }

    private static Latest none(String label) {
        return new Latest(label, "Not recorded", null);
    }
}
