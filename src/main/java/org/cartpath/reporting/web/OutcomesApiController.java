package org.cartpath.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cartpath.reporting.CentreComparison;
import org.cartpath.reporting.CohortFilter;
import org.cartpath.reporting.ManufacturingOutcomes;
import org.cartpath.reporting.OutcomeReports;
import org.cartpath.reporting.Outcomes;
import org.cartpath.shared.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outcome measures of a cohort by API, with the page's filters and scope (ADR 0021). */
@RestController
@RequestMapping("/api/v1/outcomes")
@Tag(name = "Outcomes", description = "Toxicity, service, survival and response measures of a cohort of infused "
        + "patients (docs/clinical/outcome-measures.md), for analysts: a centre's own patients, or every centre's for a "
        + "commissioner with counts of 1–4 patients shown as \"<5\" (value null). Filters: centre (id; a centre's analyst "
        + "may only name their own, another is 404), product, indication (catalogue codes), ageBand (UNDER_18, "
        + "UNDER_26, FROM_18_TO_25, FROM_26_TO_64, FROM_65), infusedFrom and infusedTo (ISO dates, day 0).")
class OutcomesApiController {

    /** The cohort's filters, as query parameters (all optional; CohortFilter refuses a bad one naming it). */
    record Cohort(String centre, String product, String indication, String ageBand, String infusedFrom,
            String infusedTo) {
        CohortFilter filter() {
            return CohortFilter.parse(centre, product, indication, ageBand, infusedFrom, infusedTo);
        }
    }

    private final OutcomeReports reports;
    private final ManufacturingOutcomes manufacturing;

    OutcomesApiController(OutcomeReports reports, ManufacturingOutcomes manufacturing) {
        this.reports = reports;
        this.manufacturing = manufacturing;
    }

    @GetMapping
    @Operation(summary = "Every measure of the cohort")
    Outcomes outcomes(Actor actor, @ParameterObject Cohort cohort) {
        return reports.outcomes(actor, cohort.filter());
    }

    @GetMapping("/toxicity")
    @Operation(summary = "CRS and ICANS by highest ASTCT grade, day of onset, tocilizumab")
    Outcomes.Toxicity toxicity(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).toxicity();
    }

    @GetMapping("/service")
    @Operation(summary = "Referral to infusion and vein-to-vein days (median, quartiles, distribution); manufacturing "
            + "attempts by outcome and failures by reason")
    Outcomes.Service service(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).service();
    }

    @GetMapping("/survival")
    @Operation(summary = "Overall survival from infusion: Kaplan–Meier curve with 95 % limits, numbers at risk")
    Outcomes.Survival survival(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).survival();
    }

    @GetMapping("/response")
    @Operation(summary = "Best overall response rate with its exact (Clopper–Pearson) 95 % interval")
    Outcomes.Response response(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).response();
    }

    @GetMapping("/event-free-survival")
    @Operation(summary = "Event-free (progression-free) survival from infusion: no response at the indication's "
            + "assessment point, relapse or progression, or death; Kaplan–Meier with 95 % limits, numbers at risk")
    Outcomes.TimeToEvent eventFreeSurvival(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).eventFree();
    }

    @GetMapping("/survival-from-approval")
    @Operation(summary = "Overall survival from the panel's approval, intention to treat (approved patients never "
            + "infused included; infusedFrom and infusedTo apply to the day of approval)")
    Outcomes.IntentionToTreat survivalFromApproval(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).intentionToTreat();
    }

    @GetMapping("/duration-of-response")
    @Operation(summary = "Duration of response among the responders: from the first response to relapse, progression "
            + "or death")
    Outcomes.TimeToEvent durationOfResponse(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).durationOfResponse();
    }

    @GetMapping("/relapse")
    @Operation(summary = "Cumulative incidence of relapse or progression and of non-relapse mortality, its competing "
            + "risk (Aalen–Johansen)")
    Outcomes.Relapse relapse(Actor actor, @ParameterObject Cohort cohort) {
        return outcomes(actor, cohort).relapse();
    }

    @GetMapping("/centre-comparison")
    @Operation(summary = "The commissioner's funnel plot: each centre's rate (measure SEVERE_CRS, SEVERE_ICANS or "
            + "DEATH_BY_DAY_100) against its patients, with 95 % and 99.8 % exact binomial limits; commissioner's "
            + "analysts only (403 for anyone else); the centre filter is not used")
    CentreComparison.Funnel centreComparison(Actor actor, @RequestParam(required = false) String product,
            @RequestParam(required = false) String indication, @RequestParam(required = false) String ageBand,
            @RequestParam(required = false) String infusedFrom, @RequestParam(required = false) String infusedTo,
            @RequestParam(required = false) String measure) {
        CohortFilter filter = CohortFilter.parse(null, product, indication, ageBand, infusedFrom, infusedTo);
        return reports.funnel(actor, filter, CentreComparison.Measure.parse(measure));
    }

    @GetMapping("/manufacturing")
    @Operation(summary = "Manufacturing figures by product: attempts by reported outcome, failures by reason, turnaround "
            + "from the material's receipt to release (median, quartiles); a manufacturer its own reports only, a centre "
            + "its own cases, a commissioner every attempt with counts of 1–4 suppressed")
    ManufacturingOutcomes.Figures manufacturing(Actor actor) {
        return manufacturing.figures(actor);
    }
}
