package org.cartpath.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.reporting.CohortFilter;
import org.cartpath.reporting.OutcomeReports;
import org.cartpath.reporting.Outcomes;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outcomes page: cohort filters, each chart (Apache ECharts, drawn by {@code outcomes-charts.js} from the table
 * beside it) with its table and CSV download. Analysts only, in the scope of {@code OutcomeReports}.
 */
@Controller
class OutcomesPages {

    static final String VIEW = "reporting/outcomes";
    /** The tables that download as CSV (OutcomeTables.IDS); any other name is no page at all (404). */
    static final String TABLES = "crs-grades|icans-grades|toxicity|times|referral-to-infusion|vein-to-vein|manufacturing"
            + "|survival|at-risk|response";

    private final OutcomeReports reports;

    OutcomesPages(OutcomeReports reports) {
        this.reports = reports;
    }

    @GetMapping("/outcomes")
    String page(Actor actor, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String product, @RequestParam(required = false) String indication,
            @RequestParam(required = false) String ageBand, @RequestParam(required = false) String infusedFrom,
            @RequestParam(required = false) String infusedTo, Model model) {
        OutcomeReports.Choices choices = reports.choices(actor);
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("centre", centre);
        asked.put("product", product);
        asked.put("indication", indication);
        asked.put("ageBand", ageBand);
        asked.put("infusedFrom", infusedFrom);
        asked.put("infusedTo", infusedTo);
        model.addAttribute("choices", choices).addAttribute("asked", asked);
        CohortFilter filter;
        try {
            filter = CohortFilter.parse(centre, product, indication, ageBand, infusedFrom, infusedTo);
        } catch (ProblemException e) {
            // nothing was read yet: the refusal is the filter's own, shown in the form's words
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("errors", errors);
            return VIEW;
        }
        Outcomes outcomes = reports.outcomes(actor, filter);
        model.addAttribute("outcomes", outcomes).addAttribute("tables", OutcomeTables.of(outcomes))
                .addAttribute("query", query(asked));
        return VIEW;
    }

    @GetMapping("/outcomes/{table:" + TABLES + "}.csv")
    ResponseEntity<String> csv(Actor actor, @PathVariable String table, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String product, @RequestParam(required = false) String indication,
            @RequestParam(required = false) String ageBand, @RequestParam(required = false) String infusedFrom,
            @RequestParam(required = false) String infusedTo) {
        Outcomes outcomes = reports.outcomes(actor, CohortFilter.parse(centre, product, indication, ageBand,
                infusedFrom, infusedTo));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes-" + table + ".csv\"")
                .body(OutcomeTables.table(outcomes, table).csv());
    }

    /** The filters as a query string for the CSV links ("" when none). */
    static String query(Map<String, String> asked) {
        StringBuilder query = new StringBuilder();
        asked.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
