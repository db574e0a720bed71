package org.cartpath.monitoring.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.MonitoringStart;
import org.cartpath.monitoring.TocilizumabOverride;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.RequestFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case's monitoring forms: start (day 0), a new weight, tocilizumab (doses, steroids, stock). */
@Controller
class MonitoringCasePageController {

    static final String START = "monitoring/start-form";
    static final String WEIGHT = "monitoring/weight-form";
    static final String TOCILIZUMAB = "monitoring/tocilizumab";

    private final MonitoringManagement monitoring;
    private final ToxicityTreatment treatment;
    private final CaseJourney journey;
    private final Clock clock;
    private final ZoneId zone;

    MonitoringCasePageController(MonitoringManagement monitoring, ToxicityTreatment treatment, CaseJourney journey,
            Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.monitoring = monitoring;
        this.treatment = treatment;
        this.journey = journey;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/cases/{id}/monitoring/start")
    String startForm(Actor actor, @PathVariable String id, Model model) {
        CaseView view = journey.get(actor, CaseId.of(id));
        monitoring.anchor(actor, view.therapyCase().id());
        return page(model, START, view, new HashMap<>(Map.of("developmentalDelay", "false")), Map.of());
    }

    @PostMapping("/cases/{id}/monitoring/start")
    String start(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        CaseView view = journey.get(actor, CaseId.of(id));
        try {
            List<FieldProblem> problems = new ArrayList<>();
            required(fields, problems, "infusedAt", "ageYears");
            MonitoringStart start = new MonitoringStart(MonitoringForms.dateTime(fields, "infusedAt", zone, problems),
                    whole(MonitoringForms.number(fields, "ageYears", problems), "ageYears"),
                    MonitoringForms.checked(fields, "developmentalDelay"),
                    MonitoringForms.number(fields, "weightKg", problems));
            MonitoringForms.check(problems);
            monitoring.startMonitoring(actor, view.therapyCase().id(), start);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return page(model, START, view, new HashMap<>(fields), MonitoringForms.errors(e));
        }
        redirect.addFlashAttribute("success", "Monitoring has started.");
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/monitoring/weight")
    String weightForm(Actor actor, @PathVariable String id, Model model) {
        CaseView view = journey.get(actor, CaseId.of(id));
        monitoring.anchor(actor, view.therapyCase().id());
        return page(model, WEIGHT, view, new HashMap<>(Map.of("measuredOn", LocalDate.now(clock.withZone(zone)).toString())),
                Map.of());
    }

    @PostMapping("/cases/{id}/monitoring/weight")
    String weight(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        CaseView view = journey.get(actor, CaseId.of(id));
        try {
            List<FieldProblem> problems = new ArrayList<>();
            required(fields, problems, "weightKg", "measuredOn");
            BigDecimal weight = MonitoringForms.number(fields, "weightKg", problems);
            LocalDate measuredOn = MonitoringForms.date(fields, "measuredOn", problems);
            MonitoringForms.check(problems);
            monitoring.recordWeight(actor, view.therapyCase().id(), weight, measuredOn);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return page(model, WEIGHT, view, new HashMap<>(fields), MonitoringForms.errors(e));
        }
        redirect.addFlashAttribute("success", "The weight has been recorded.");
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/tocilizumab")
    String tocilizumab(Actor actor, @PathVariable String id, Model model) {
        CaseView view = journey.get(actor, CaseId.of(id));
        Map<String, Object> form = new HashMap<>();
        form.put("givenAt", LocalDateTime.now(clock.withZone(zone)).format(MonitoringForms.LOCAL_DATE_TIME));
        return tocilizumabPage(actor, view, form, Map.of(), model);
    }

    @PostMapping("/cases/{id}/tocilizumab")
    String give(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        CaseView view = journey.get(actor, CaseId.of(id));
        try {
            List<FieldProblem> problems = new ArrayList<>();
            required(fields, problems, "givenAt", "doseMg");
            var givenAt = MonitoringForms.dateTime(fields, "givenAt", zone, problems);
            BigDecimal dose = MonitoringForms.number(fields, "doseMg", problems);
            MonitoringForms.check(problems);
            TocilizumabOverride override = MonitoringForms.checked(fields, "override")
                    ? new TocilizumabOverride(fields.get("overridePassword"), fields.get("overrideReason")) : null;
            treatment.recordTocilizumab(actor, view.therapyCase().id(), givenAt, dose, override);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, Object> form = new HashMap<>(fields);
            form.remove("overridePassword");
            model.addAttribute("refusedRules", e.properties().get("rules"));
            return tocilizumabPage(actor, view, form, MonitoringForms.errors(e), model);
        }
        redirect.addFlashAttribute("success", "The dose of tocilizumab has been recorded.");
        return "redirect:/cases/" + id + "/tocilizumab";
    }

    @PostMapping("/cases/{id}/tocilizumab/stock")
    String stock(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect) {
        CaseView view = journey.get(actor, CaseId.of(id));
        try {
            List<FieldProblem> problems = new ArrayList<>();
            required(fields, problems, "dosesOnSite");
            BigDecimal count = MonitoringForms.number(fields, "dosesOnSite", problems);
            MonitoringForms.check(problems);
            treatment.recordStock(actor, view.therapyCase().id(), whole(count, "dosesOnSite"));
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, Object> form = new HashMap<>(fields);
            form.put("givenAt", LocalDateTime.now(clock.withZone(zone)).format(MonitoringForms.LOCAL_DATE_TIME));
            return tocilizumabPage(actor, view, form, MonitoringForms.errors(e), model);
        }
        redirect.addFlashAttribute("success", "The tocilizumab stock has been recorded.");
        return "redirect:/cases/" + id + "/tocilizumab";
    }

    private String tocilizumabPage(Actor actor, CaseView view, Map<String, Object> form, Map<String, String> errors,
            Model model) {
        CaseId caseId = view.therapyCase().id();
        model.addAttribute("status", treatment.tocilizumab(actor, caseId));
        model.addAttribute("steroids", treatment.steroidGuidance(actor, caseId));
        model.addAttribute("stock", treatment.stockCheck(actor, caseId));
        model.addAttribute("permissions", monitoring.permissions(actor, view));
        model.addAttribute("started", monitoring.anchor(actor, caseId).isPresent());
        return page(model, TOCILIZUMAB, view, form, errors);
    }

    private static String page(Model model, String template, CaseView view, Map<String, Object> form,
            Map<String, String> errors) {
        model.addAttribute("case", view.visibleCase());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return template;
    }

    /** Missing answers are named with the ones that cannot be read, so the summary lists them all at once. */
    private static void required(Map<String, String> fields, List<FieldProblem> problems, String... names) {
        for (String name : names) {
            if (MonitoringForms.text(fields, name) == null) {
                problems.add(new FieldProblem(name, "is required"));
            }
        }
    }

    private static Integer whole(BigDecimal value, String field) {
        return RequestFields.wholeNumber(value, field);
    }
}
