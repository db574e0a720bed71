package org.cartpath.monitoring.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.monitoring.BoardLaboratoryResults;
import org.cartpath.monitoring.BoardRow;
import java.util.regex.Pattern;
import org.cartpath.monitoring.MonitoringAlerts;
import org.cartpath.monitoring.MonitoringBoard;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitoring board and the alerts page. */
@Controller
class MonitoringPageController {

    static final String BOARD = "monitoring/board";
    static final String ALERTS = "monitoring/alerts";

    /** Where an acknowledgement may return to: the case page, the alerts page or home; nowhere else. */
    private static final Pattern RETURN_TO = Pattern.compile("/cases/[0-9a-f-]{36}|/monitoring/alerts|/");

    private final MonitoringBoard board;
    private final MonitoringAlerts alerts;
    private final Sparklines sparklines;
    private final List<BoardLaboratoryResults> laboratoryResults;

    MonitoringPageController(MonitoringBoard board, MonitoringAlerts alerts, Sparklines sparklines,
            List<BoardLaboratoryResults> laboratoryResults) {
        this.board = board;
        this.alerts = alerts;
        this.sparklines = sparklines;
        this.laboratoryResults = laboratoryResults;
    }

    @GetMapping("/monitoring")
    String board(Actor actor, Model model) {
        List<BoardRow> rows = board.board(actor);
        // Thymeleaf evaluates th:attr in restricted mode (no bean calls), so the trend lines are drawn here.
        model.addAttribute("trends", rows.stream().collect(Collectors.toMap(BoardRow::caseReference,
                r -> sparklines.points(r.recentTemperatures()), (a, b) -> a)));
        model.addAttribute("rows", rows);
        // laboratory results filed by other modules (the HL7 v2 interface), by case reference
        Map<String, List<BoardLaboratoryResults.LatestResult>> labs = new java.util.HashMap<>();
        List<org.cartpath.journey.CaseId> caseIds = rows.stream().map(BoardRow::caseId).toList();
        for (BoardLaboratoryResults source : laboratoryResults) {
            source.latest(actor, caseIds).forEach((id, results) -> rows.stream().filter(r -> r.caseId().equals(id))
                    .findFirst().ifPresent(r -> labs.computeIfAbsent(r.caseReference(), k -> new java.util.ArrayList<>())
                            .addAll(results)));
        }
        model.addAttribute("labs", labs);
        model.addAttribute("boardDays", board.boardDays());
        return BOARD;
    }

    @GetMapping("/monitoring/alerts")
    String alerts(Actor actor, @RequestParam(defaultValue = "open") String include, Model model) {
        boolean all = "all".equals(include);
        model.addAttribute("alerts", alerts.alerts(actor, all, 200));
        model.addAttribute("all", all);
        model.addAttribute("mayAcknowledge", actor.hasAnyRole(org.cartpath.shared.Role.CONSULTANT,
                org.cartpath.shared.Role.COORDINATOR));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return ALERTS;
    }

    @PostMapping("/monitoring/alerts/{id}/acknowledgement")
    String acknowledge(Actor actor, @PathVariable String id, @RequestParam(required = false) String note,
            @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        try {
            alerts.acknowledge(actor, Ids.parse(id, "alert"), note);
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("errors", MonitoringForms.errors(e));
            return "redirect:/monitoring/alerts";
        }
        redirect.addFlashAttribute("success", "The alert has been acknowledged.");
        return "redirect:" + (returnTo != null && RETURN_TO.matcher(returnTo).matches() ? returnTo : "/monitoring/alerts");
    }
}
