package org.cartpath.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.cartpath.treatment.InfusionRecord;
import org.cartpath.treatment.Infusions;
import org.cartpath.treatment.PathToInfusion;
import org.cartpath.treatment.PathsToInfusion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The infusion, its readiness, and the case's whole path to it, over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Infusion", description = "Readiness, the signed infusion record (which moves the case to monitoring and"
        + " sets day 0), and the path from collection to infusion with planned and actual dates and every document."
        + " The treating centre only (404 for every other organisation). POST accepts Idempotency-Key.")
class InfusionApiController {

    record InfusionBody(
            @Size(max = TextLimits.SHORT) String startedAt,
            @Size(max = TextLimits.SHORT) String endedAt,
            BigDecimal bagsUsed,
            @Size(max = TextLimits.LONG) String reactions,
            Boolean developmentalDelay,
            @Size(max = TextLimits.SHORT) String password) {
    }

    private final Infusions infusions;
    private final PathsToInfusion paths;

    InfusionApiController(Infusions infusions, PathsToInfusion paths) {
        this.infusions = infusions;
        this.paths = paths;
    }

    @PostMapping("/cases/{id}/infusion")
    @Operation(summary = "Record the infusion (ward nurse or consultant of the treating centre), signed with the password",
            description = "startedAt and endedAt are ISO instants (the end after the start; 422 timestamp-in-future"
                    + " beyond 5 minutes ahead; 422 infusion-before-receipt before the product was received); bagsUsed"
                    + " at most the lot's bags; reactions free text. Refused with 422 infusion-not-ready and 'unmet' (code,"
                    + " detail) unless QA accepted the lot, lymphodepletion is complete with the day inside its window,"
                    + " every checklist item is ticked or overridden and two different people completed the bedside check"
                    + " of a bag of the lot; each refusal is recorded in the audit trail. On success the case moves to"
                    + " INFUSED then MONITORING and day 0 is set. 409 already-infused.")
    ResponseEntity<InfusionRecord> record(Actor actor, @PathVariable String id,
            @RequestBody(required = false) InfusionBody body) {
        InfusionBody in = body != null ? body : new InfusionBody(null, null, null, null, null, null);
        List<FieldProblem> problems = new ArrayList<>();
        Fields.required(problems, in.startedAt(), "startedAt");
        Fields.required(problems, in.endedAt(), "endedAt");
        Fields.required(problems, in.bagsUsed(), "bagsUsed");
        Fields.required(problems, in.password(), "password");
        Infusions.InfusionRequest request = new Infusions.InfusionRequest(Fields.instant(in.startedAt(), "startedAt",
                problems), Fields.instant(in.endedAt(), "endedAt", problems), wholeOrProblem(in.bagsUsed(), problems),
                in.reactions(), in.developmentalDelay(), in.password());
        Fields.check(problems);
        InfusionRecord infusion = infusions.record(actor, CaseId.of(id), request);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/infusion")).body(infusion);
    }

    @GetMapping("/cases/{id}/infusion")
    @Operation(summary = "The recorded infusion (404 until it is recorded)")
    InfusionRecord infusion(Actor actor, @PathVariable String id) {
        return infusions.infusion(actor, CaseId.of(id)).orElseThrow(() -> new NotFoundException("infusion of case", id));
    }

    @GetMapping("/cases/{id}/infusion/readiness")
    @Operation(summary = "Whether the infusion could be recorded now with every bag of the lot, and what is missing")
    Infusions.Readiness readiness(Actor actor, @PathVariable String id) {
        return infusions.readiness(actor, CaseId.of(id));
    }

    @GetMapping("/cases/{id}/path-to-infusion")
    @Operation(summary = "The path from collection to infusion: each step planned (booking or lymphodepletion plan)"
            + " against actual, every document with its signatures, and the flags")
    PathToInfusion path(Actor actor, @PathVariable String id) {
        return paths.of(actor, CaseId.of(id));
    }

    private static Integer wholeOrProblem(BigDecimal value, List<FieldProblem> problems) {
        try {
            return RequestFields.wholeNumber(value, "bagsUsed");
        } catch (org.cartpath.shared.ProblemException e) {
            problems.addAll(e.fieldProblems());
            return null;
        }
    }
}
