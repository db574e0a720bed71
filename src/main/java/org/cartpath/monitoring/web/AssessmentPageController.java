package org.cartpath.monitoring.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.monitoring.MonitoringAnchor;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.monitoring.grading.Vasopressor;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assessment form (record and correct) and the page that shows an assessment's grades and reasons. */
@Controller
class AssessmentPageController {

    static final String FORM = "monitoring/assessment-form";
    static final String VIEW = "monitoring/assessment";

    private final MonitoringManagement monitoring;
    private final CaseJourney journey;
    private final Clock clock;
    private final ZoneId zone;

    AssessmentPageController(MonitoringManagement monitoring, CaseJourney journey, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.monitoring = monitoring;
        this.journey = journey;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{id}/assessments/new")
    String newForm(Actor actor, @PathVariable String id, Model model) {
        CaseId caseId = CaseId.of(id);
        MonitoringAnchor anchor = anchorOrConflict(actor, caseId);
        Map<String, Object> form = new HashMap<>();
        form.put("assessedAt", LocalDateTime.now(clock.withZone(zone)).format(MonitoringForms.LOCAL_DATE_TIME));
        form.put("vasopressors", List.of());
        return form(actor, caseId, anchor, null, form, Map.of(), model);
    }

    @PostMapping("/cases/{id}/assessments")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            @RequestParam(name = "vasopressors", required = false) List<String> vasopressors, Model model,
            RedirectAttributes redirect) {
        CaseId caseId = CaseId.of(id);
        Map<String, Object> form = new HashMap<>(fields);
        form.put("vasopressors", MonitoringForms.values(vasopressors));
        try {
            RecordedAssessment recorded = monitoring.recordAssessment(actor, caseId, input(fields, vasopressors));
            redirect.addFlashAttribute("success", "The assessment has been saved and graded.");
            return "redirect:/assessments/" + recorded.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return form(actor, caseId, anchorOrConflict(actor, caseId), null, form, MonitoringForms.errors(e), model);
        }
    }

    @GetMapping("/assessments/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        RecordedAssessment assessment = monitoring.assessment(actor, Ids.parse(id, "assessment"));
        CaseView view = journey.get(actor, assessment.caseId());
        model.addAttribute("assessment", assessment);
        model.addAttribute("words", ChoiceLabels.of(assessment.inputs()));
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("versions", monitoring.versions(actor, assessment.id()));
        model.addAttribute("mayCorrect", assessment.current() && monitoring.mayAssess(actor, view));
        return VIEW;
    }

    @GetMapping("/assessments/{id}/correction")
    String correctionForm(Actor actor, @PathVariable String id, Model model) {
        RecordedAssessment assessment = monitoring.assessment(actor, Ids.parse(id, "assessment"));
        MonitoringAnchor anchor = anchorOrConflict(actor, assessment.caseId());
        return form(actor, assessment.caseId(), anchor, assessment, formOf(assessment.inputs()), Map.of(), model);
    }

    @PostMapping("/assessments/{id}/correction")
    String correct(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            @RequestParam(name = "vasopressors", required = false) List<String> vasopressors, Model model,
            RedirectAttributes redirect) {
        UUID assessmentId = Ids.parse(id, "assessment");
        RecordedAssessment corrected = monitoring.assessment(actor, assessmentId);
        Map<String, Object> form = new HashMap<>(fields);
        form.put("vasopressors", MonitoringForms.values(vasopressors));
        try {
            RecordedAssessment recorded = monitoring.correctAssessment(actor, assessmentId, input(fields, vasopressors),
                    fields.get("reason"));
            redirect.addFlashAttribute("success", "The correction has been saved and graded.");
            return "redirect:/assessments/" + recorded.id();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return form(actor, corrected.caseId(), anchorOrConflict(actor, corrected.caseId()), corrected, form,
                    MonitoringForms.errors(e), model);
        }
    }

    private MonitoringAnchor anchorOrConflict(Actor actor, CaseId caseId) {
        return monitoring.anchor(actor, caseId).orElseThrow(() -> ProblemException.conflict("monitoring-not-started",
                "Monitoring of this case has not started: record the infusion (day 0) first"));
    }

    private String form(Actor actor, CaseId caseId, MonitoringAnchor anchor, RecordedAssessment corrected,
            Map<String, Object> form, Map<String, String> errors, Model model) {
        CaseView view = journey.get(actor, caseId);
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("anchor", anchor);
        model.addAttribute("corrected", corrected);
        model.addAttribute("tool", monitoring.icansTool(anchor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("vasopressorChoices", Vasopressor.values());
        model.addAttribute("oxygenDevices", OxygenDevice.values());
        model.addAttribute("consciousnessChoices", Consciousness.values());
        model.addAttribute("seizureChoices", Seizure.values());
        model.addAttribute("edemaChoices", CerebralEdema.values());
        model.addAttribute("capdAnswers", CapdAnswer.values());
        model.addAttribute("capdItems", CapdItems.ITEMS);
        model.addAttribute("vasopressorLabels", ChoiceLabels.VASOPRESSORS);
        model.addAttribute("oxygenLabels", ChoiceLabels.OXYGEN_DEVICES);
        model.addAttribute("consciousnessLabels", ChoiceLabels.CONSCIOUSNESS);
        model.addAttribute("seizureLabels", ChoiceLabels.SEIZURES);
        model.addAttribute("edemaLabels", ChoiceLabels.EDEMA);
        model.addAttribute("capdLabels", ChoiceLabels.CAPD);
        return FORM;
    }

    private AssessmentInput input(Map<String, String> fields, List<String> vasopressors) {
        List<FieldProblem> problems = new ArrayList<>();
        AssessmentRequest.IceItemsRequest ice = null;
        if (List.of("iceOrientation", "iceNaming", "iceFollowsCommands", "iceWriting", "iceAttention").stream()
                .anyMatch(k -> MonitoringForms.text(fields, k) != null)) {
            ice = new AssessmentRequest.IceItemsRequest(MonitoringForms.number(fields, "iceOrientation", problems),
                    MonitoringForms.number(fields, "iceNaming", problems),
                    MonitoringForms.number(fields, "iceFollowsCommands", problems),
                    MonitoringForms.number(fields, "iceWriting", problems),
                    MonitoringForms.number(fields, "iceAttention", problems));
        }
        List<String> capd = null;
        if (fields.keySet().stream().anyMatch(k -> k.matches("capd[1-8]"))) {
            capd = new ArrayList<>();
            for (int item = 1; item <= 8; item++) {
                capd.add(MonitoringForms.text(fields, "capd" + item));
            }
        }
        AssessmentRequest request = new AssessmentRequest(
                MonitoringForms.dateTime(fields, "assessedAt", zone, problems),
                MonitoringForms.number(fields, "temperatureCelsius", problems),
                MonitoringForms.number(fields, "heartRatePerMinute", problems),
                MonitoringForms.number(fields, "systolicMmHg", problems),
                MonitoringForms.number(fields, "diastolicMmHg", problems),
                MonitoringForms.number(fields, "respiratoryRatePerMinute", problems),
                MonitoringForms.number(fields, "oxygenSaturationPercent", problems),
                MonitoringForms.checked(fields, "hypotension"), MonitoringForms.values(vasopressors),
                MonitoringForms.text(fields, "oxygenDevice"),
                MonitoringForms.number(fields, "oxygenFlowLitresPerMinute", problems),
                MonitoringForms.checked(fields, "feverAttributableToOtherCause"),
                MonitoringForms.checked(fields, "antipyreticOrAnticytokineGiven"),
                MonitoringForms.checked(fields, "deathFromCrs"), ice, capd,
                MonitoringForms.checked(fields, "unableToAssess"), MonitoringForms.text(fields, "consciousness"),
                MonitoringForms.checked(fields, "consciousnessAttributableToOtherCause"),
                MonitoringForms.text(fields, "seizure"), MonitoringForms.checked(fields, "motorWeakness"),
                MonitoringForms.text(fields, "cerebralEdema"), fields.get("imaging"), fields.get("notes"));
        MonitoringForms.check(problems);
        return request.toInput();
    }

    /** The form fields of an assessment, to correct it. */
    private Map<String, Object> formOf(AssessmentInput in) {
        Map<String, Object> form = new HashMap<>();
        form.put("assessedAt", LocalDateTime.ofInstant(in.assessedAt(), zone).format(MonitoringForms.LOCAL_DATE_TIME));
        form.put("temperatureCelsius", plain(in.temperatureCelsius()));
        form.put("heartRatePerMinute", text(in.heartRatePerMinute()));
        form.put("systolicMmHg", text(in.systolicMmHg()));
        form.put("diastolicMmHg", text(in.diastolicMmHg()));
        form.put("respiratoryRatePerMinute", text(in.respiratoryRatePerMinute()));
        form.put("oxygenSaturationPercent", text(in.oxygenSaturationPercent()));
        form.put("hypotension", String.valueOf(in.hypotension()));
        form.put("vasopressors", in.vasopressors().stream().map(Enum::name).toList());
        form.put("oxygenDevice", in.oxygenDevice().name());
        form.put("oxygenFlowLitresPerMinute", plain(in.oxygenFlowLitresPerMinute()));
        form.put("feverAttributableToOtherCause", String.valueOf(in.feverAttributableToOtherCause()));
        form.put("antipyreticOrAnticytokineGiven", String.valueOf(in.antipyreticOrAnticytokineGiven()));
        form.put("deathFromCrs", String.valueOf(in.deathFromCrs()));
        if (in.iceItems() != null) {
            form.put("iceOrientation", text(in.iceItems().orientation()));
            form.put("iceNaming", text(in.iceItems().naming()));
            form.put("iceFollowsCommands", text(in.iceItems().followsCommands()));
            form.put("iceWriting", text(in.iceItems().writing()));
            form.put("iceAttention", text(in.iceItems().attention()));
        }
        if (in.capdAnswers() != null) {
            for (int item = 0; item < in.capdAnswers().size(); item++) {
                form.put("capd" + (item + 1), in.capdAnswers().get(item).name());
            }
        }
        form.put("unableToAssess", String.valueOf(in.unableToAssess()));
        form.put("consciousness", in.consciousness().name());
        form.put("consciousnessAttributableToOtherCause", String.valueOf(in.consciousnessAttributableToOtherCause()));
        form.put("seizure", in.seizure().name());
        form.put("motorWeakness", String.valueOf(in.motorWeakness()));
        form.put("cerebralEdema", in.cerebralEdema().name());
        form.put("imaging", in.imaging() == null ? "" : in.imaging());
        form.put("notes", in.notes() == null ? "" : in.notes());
        return form;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
