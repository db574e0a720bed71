package org.cartpath.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.reporting.CentreComparison;
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
    static final String TABLES = "crs-grades|icans-grades|toxicity|toxicity-windows|times|referral-to-infusion"
            + "|vein-to-vein|manufacturing|survival|at-risk|event-free-survival|survival-from-approval"
            + "|duration-of-response|relapse|time-to-event|response|funnel";

    private final OutcomeReports reports;

    OutcomesPages(OutcomeReports reports) {
        this.reports = reports;
    }

    @GetMapping("/outcomes")
    String page(Actor actor, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String product, @RequestParam(required = false) String indication,
            @RequestParam(required = false) String ageBand, @RequestParam(required = false) String infusedFrom,
            @RequestParam(required = false) String infusedTo, @RequestParam(required = false) String measure,
            Model model) {
        OutcomeReports.Choices choices = reports.choices(actor);
        boolean commissioner = !choices.centres().isEmpty();
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("centre", centre);
        asked.put("product", product);
        asked.put("indication", indication);
        asked.put("ageBand", ageBand);
        asked.put("infusedFrom", infusedFrom);
        asked.put("infusedTo", infusedTo);
        if (commissioner) {
            asked.put("measure", measure);
        }
        model.addAttribute("choices", choices).addAttribute("asked", asked)
                .addAttribute("measures", commissioner ? CentreComparison.Measure.values()
                        : new CentreComparison.Measure[0]);
        CohortFilter filter;
        CentreComparison.Measure compared;
        try {
            filter = CohortFilter.parse(centre, product, indication, ageBand, infusedFrom, infusedTo);
            compared = CentreComparison.Measure.parse(commissioner ? measure : null);
        } catch (ProblemException e) {
            // nothing was read yet: the refusal is the filter's own, shown in the form's words
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("errors", errors);
            return VIEW;
        }
        Outcomes outcomes = reports.outcomes(actor, filter);
        List<OutcomeTable> tables = new ArrayList<>(OutcomeTables.of(outcomes));
        if (commissioner) {
            CentreComparison.Funnel funnel = reports.funnel(actor, filter, compared);
            tables.add(OutcomeTables.funnel(funnel));
            model.addAttribute("funnel", funnel);
        }
        model.addAttribute("outcomes", outcomes).addAttribute("tables", tables).addAttribute("query", query(asked));
        return VIEW;
    }

    @GetMapping("/outcomes/{table:" + TABLES + "}.csv")
    ResponseEntity<String> csv(Actor actor, @PathVariable String table, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String product, @RequestParam(required = false) String indication,
            @RequestParam(required = false) String ageBand, @RequestParam(required = false) String infusedFrom,
            @RequestParam(required = false) String infusedTo, @RequestParam(required = false) String measure) {
        CohortFilter filter = CohortFilter.parse(centre, product, indication, ageBand, infusedFrom, infusedTo);
        OutcomeTable chosen = table.equals("funnel")
                ? OutcomeTables.funnel(reports.funnel(actor, filter, CentreComparison.Measure.parse(measure)))
                : OutcomeTables.table(reports.outcomes(actor, filter), table);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes-" + table + ".csv\"")
                .body(chosen.csv());
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
