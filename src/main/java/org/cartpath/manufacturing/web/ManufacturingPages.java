package org.cartpath.manufacturing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.manufacturing.CertificateOfAnalysis;
import org.cartpath.manufacturing.ExceptionalRoute;
import org.cartpath.manufacturing.FailureReason;
import org.cartpath.manufacturing.FailureResolution;
import org.cartpath.manufacturing.LotReleases;
import org.cartpath.manufacturing.ManufacturingReports;
import org.cartpath.manufacturing.ManufacturingReports.StatusReport;
import org.cartpath.manufacturing.ManufacturingStatus;
import org.cartpath.manufacturing.OutOfSpecificationRoutes;
import org.cartpath.manufacturing.ProductLot;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manufacturing on the case page (status, lot, checks, decisions and the forms for whoever may act now) and
 * the coordinator's overview across manufacturers.
 */
@Controller
class ManufacturingPages implements CasePageContributor, NavigationContributor {

    private static final Set<Stage> SHOWN = Set.of(Stage.SLOT_BOOKED, Stage.COLLECTED, Stage.IN_MANUFACTURING,
            Stage.RELEASED, Stage.RECEIVED, Stage.LYMPHODEPLETION, Stage.INFUSED, Stage.MONITORING, Stage.FOLLOW_UP,
            Stage.COMPLETED);

    private final ManufacturingReports manufacturing;
    private final LotReleases releases;
    private final OutOfSpecificationRoutes routes;
    private final CaseJourney journey;
    private final BookedManufacturers booked;

    ManufacturingPages(ManufacturingReports manufacturing, LotReleases releases, OutOfSpecificationRoutes routes,
            CaseJourney journey, BookedManufacturers booked) {
        this.booked = booked;
        this.manufacturing = manufacturing;
        this.releases = releases;
        this.routes = routes;
        this.journey = journey;
    }

    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Manufacturing", "/manufacturing", 40, Set.of(Role.COORDINATOR, Role.QA)));
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!SHOWN.contains(view.therapyCase().stage())) {
            return List.of();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", view.therapyCase().id());
        model.put("history", manufacturing.history(actor, view.therapyCase().id()));
        model.put("stage", view.therapyCase().stage());
        boolean centre = view.identityVisible() && actor.organisationId().equals(view.therapyCase().treatingCentre());
        // only the manufacturer holding the case's booking reports (ADR 18); an earlier one keeps its records
        boolean manufacturer = actor.organisationKind() == OrganisationKind.MANUFACTURER
                && actor.hasRole(Role.MANUFACTURER_OPERATOR);
        boolean current = manufacturer && booked.current(view.therapyCase().id())
                .filter(b -> b.manufacturerId().equals(actor.organisationId())).isPresent();
        model.put("mayReport", current || (centre && actor.hasRole(Role.COORDINATOR)));
        model.put("notCurrentManufacturer", manufacturer && !current);
        model.put("mirroring", centre);
        model.put("mayCheck", centre && actor.hasAnyRole(Role.QA, Role.COORDINATOR, Role.CONSULTANT, Role.CELL_THERAPY_LAB));
        model.put("mayDecide", centre && actor.hasRole(Role.CONSULTANT));
        model.put("mayAccept", centre && actor.hasRole(Role.QA));
        model.put("statuses", List.of(ManufacturingStatus.MATERIAL_RECEIVED, ManufacturingStatus.MANUFACTURING_STARTED,
                ManufacturingStatus.IN_QC, ManufacturingStatus.FAILED));
        model.put("failureReasons", FailureReason.values());
        model.put("resolutions", FailureResolution.values());
        model.put("routes", ExceptionalRoute.values());
        return List.of(new CasePanel("Manufacturing", "manufacturing/panel", "manufacturingPanel", model, 40));
    }

    @GetMapping("/manufacturing")
    String overview(Actor actor, Model model) {
        model.addAttribute("lines", manufacturing.overview(actor));
        return "manufacturing/overview";
    }

    /**
     * The case's certificates of analysis as a page, newest lot first: every field in words, cell counts as the label
     * prints them. The same scoping as the case (another organisation's case is 404); 404 until a lot is released.
     */
    @GetMapping("/cases/{id}/certificate-of-analysis")
    String certificate(Actor actor, @PathVariable String id, Model model) {
        CaseId caseId = CaseId.of(id);
        ManufacturingReports.History history = manufacturing.history(actor, caseId);
        if (history.lots().isEmpty()) {
            throw new NotFoundException("certificate of analysis for case", caseId);
        }
        List<ProductLot> lots = new java.util.ArrayList<>(history.lots());
        java.util.Collections.reverse(lots);
        model.addAttribute("case", journey.get(actor, caseId).visibleCase());
        model.addAttribute("lots", lots);
        return "manufacturing/certificate";
    }

    @PostMapping("/cases/{id}/manufacturing/report")
    String report(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "Manufacturing status recorded.", () -> manufacturing.report(actor, CaseId.of(id),
                new StatusReport(RequestFields.choice(blankToNull(form.get("status")), ManufacturingStatus.class, "status"),
                        RequestFields.choice(blankToNull(form.get("failureReason")), FailureReason.class, "failureReason"),
                        RequestFields.choice(blankToNull(form.get("resolution")), FailureResolution.class, "resolution"),
                        form.get("reason"), date(form.get("expectedReleaseOn"), "expectedReleaseOn"))));
    }

    @PostMapping("/cases/{id}/manufacturing/release")
    String release(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "The lot has been released to the centre.", () -> releases.release(actor,
                CaseId.of(id), new CertificateOfAnalysis(form.get("lotNumber"), form.get("chainOfIdentity"),
                        number(form.get("doseCells"), "doseCells"), number(form.get("cd8Cells"), "cd8Cells"),
                        number(form.get("cd4Cells"), "cd4Cells"), number(form.get("viabilityPercent"), "viabilityPercent"),
                        number(form.get("volumeMl"), "volumeMl"), integer(form.get("bags"), "bags"),
                        date(form.get("expiresOn"), "expiresOn")), form.get("manufacturerOutOfSpecification")));
    }

    @PostMapping("/cases/{id}/manufacturing/check")
    String check(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, "The lot has been checked against the label.", () -> releases.check(actor, CaseId.of(id)));
    }

    @PostMapping("/cases/{id}/manufacturing/out-of-specification-decision")
    String decide(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "Your decision has been signed and recorded.", () -> routes.decideOutOfSpecification(
                actor, CaseId.of(id), RequestFields.choice(blankToNull(form.get("route")), ExceptionalRoute.class, "route"),
                form.get("reason"), form.get("password")));
    }

    @PostMapping("/cases/{id}/manufacturing/acceptance")
    String accept(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(id, redirect, "The lot has been accepted.", () -> releases.accept(actor, CaseId.of(id),
                form.get("password"), form.get("reason")));
    }

    /** Runs a form's action; a refusal goes back to the case page with the error summary, nothing changed. */
    private String act(String id, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("manufacturingErrors", FormErrors.of(e));
        }
        return "redirect:/cases/" + CaseId.of(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static BigDecimal number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a number (e.g. 1.1e8 or 110000000)");
        }
    }

    private static Integer integer(String value, String field) {
        BigDecimal number = number(value, field);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "enter the date as YYYY-MM-DD");
        }
    }
}
