package org.cartpath.journey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.journey.TimelineEntry;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.cartpath.shared.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Therapy cases: stage, timeline, tasks and the coordinator's worklist")
class JourneyApiController {

    record EndingRequest(@Size(max = TextLimits.LONG) String reason) {
    }

    record CaseResponse(TherapyCase therapyCase, String visibility, List<CaseTask> openTasks) {
    }

    private final CaseJourney journey;

    JourneyApiController(CaseJourney journey) {
        this.journey = journey;
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases your organisation is a party to, newest first (manufacturers and couriers see no patient id)")
    Page<TherapyCase> cases(Actor actor, @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return journey.cases(actor, RequestFields.choice(stage, Stage.class, "stage"), new Page.Request(page, size))
                .map(CaseView::visibleCase);
    }

    @GetMapping("/cases/{id}")
    ResponseEntity<CaseResponse> get(Actor actor, @PathVariable String id) {
        CaseView view = journey.get(actor, CaseId.of(id));
        List<CaseTask> open = journey.tasks(actor, view.therapyCase().id()).stream().filter(CaseTask::isOpen).toList();
        return ResponseEntity.ok().eTag(Versions.etag(view.therapyCase().version()))
                .body(new CaseResponse(view.visibleCase(), view.visibility().name(), open));
    }

    @GetMapping("/cases/{id}/timeline")
    List<TimelineEntry> timeline(Actor actor, @PathVariable String id) {
        return journey.timeline(actor, CaseId.of(id));
    }

    @PostMapping("/cases/{id}/withdrawal")
    @Operation(summary = "Withdraw a case (the treating centre's coordinators and consultants), with a reason")
    TherapyCase withdraw(Actor actor, @PathVariable String id, @RequestBody(required = false) EndingRequest body) {
        return end(actor, id, Stage.WITHDRAWN, body);
    }

    @PostMapping("/cases/{id}/death")
    @Operation(summary = "Record that the patient died; the case ends as DECEASED, with a note")
    TherapyCase death(Actor actor, @PathVariable String id, @RequestBody(required = false) EndingRequest body) {
        return end(actor, id, Stage.DECEASED, body);
    }

    private TherapyCase end(Actor actor, String id, Stage ending, EndingRequest body) {
        CaseView view = journey.get(actor, CaseId.of(id));
        CasePageController.JourneyRules.requireMayEnd(actor, view);
        return journey.end(actor, view.therapyCase().id(), ending, body == null ? null : body.reason());
    }

    @GetMapping("/worklist")
    @Operation(summary = "The treating centre's open cases with their next task: urgent cases first (urgent: true), "
            + "then overdue", description = "'q' "
            + "finds cases by reference (any part), or by the patient's NHS number or name (each word starts the given "
            + "or family name); 'reference' is the older name of 'q'. Patients found are logged as read (search).")
    Page<CaseJourney.WorklistItem> worklist(Actor actor, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String product, @RequestParam(required = false) String q,
            @RequestParam(required = false) String reference,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return journey.worklist(actor, RequestFields.choice(stage, Stage.class, "stage"), product,
                q != null && !q.isBlank() ? q : reference, new Page.Request(page, size));
    }

    @GetMapping("/worklist/counts")
    Map<Stage, Long> counts(Actor actor) {
        return journey.countsByStage(actor);
    }
}
