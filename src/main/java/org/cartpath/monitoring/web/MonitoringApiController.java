package org.cartpath.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.BoardRow;
import org.cartpath.monitoring.MonitoringAnchor;
import org.cartpath.monitoring.MonitoringBoard;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.MonitoringStart;
import org.cartpath.monitoring.MonitoringSummary;
import org.cartpath.monitoring.RegistryWindow;
import org.cartpath.monitoring.ToxicityEpisode;
import org.cartpath.monitoring.WeightMeasurement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.RequestFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Day 0, weights, the case's monitoring summary, episodes, registry windows and the board. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Toxicity monitoring", description = "Day 0, weights, CRS/ICANS summary, episodes, registry windows and"
        + " the monitoring board; the treating centre only (404 for every other organisation)."
        + " POSTs accept Idempotency-Key.")
class MonitoringApiController {

    record StartRequest(Instant infusedAt, BigDecimal ageYears, Boolean developmentalDelay, BigDecimal weightKg) {
    }

    record WeightRequest(BigDecimal weightKg, LocalDate measuredOn) {
    }

    private final MonitoringManagement monitoring;
    private final MonitoringBoard board;

    MonitoringApiController(MonitoringManagement monitoring, MonitoringBoard board) {
        this.monitoring = monitoring;
        this.board = board;
    }

    @PostMapping("/cases/{id}/monitoring")
    @Operation(summary = "Start monitoring: day 0 (the infusion), age and developmental delay (ICE or CAPD), weight",
            description = "Ward nurses, consultants and coordinators of the treating centre. A case at INFUSED moves to"
                    + " MONITORING. 409 not-monitoring-stage before infusion, 409 monitoring-already-started, 422"
                    + " not-in-catalogue when the case's product, indication or label is unknown.")
    ResponseEntity<MonitoringAnchor> start(Actor actor, @PathVariable String id,
            @RequestBody(required = false) StartRequest body) {
        StartRequest in = body != null ? body : new StartRequest(null, null, null, null);
        MonitoringAnchor anchor = monitoring.startMonitoring(actor, CaseId.of(id), new MonitoringStart(in.infusedAt(),
                RequestFields.wholeNumber(in.ageYears(), "ageYears"), in.developmentalDelay(), in.weightKg()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/monitoring")).body(anchor);
    }

    @GetMapping("/cases/{id}/monitoring")
    @Operation(summary = "The case's monitoring: day number, latest and highest grades, assessments, episodes,"
            + " registry windows, label-driven dates and what is due (404 until monitoring has started)")
    MonitoringSummary summary(Actor actor, @PathVariable String id) {
        return monitoring.summary(actor, CaseId.of(id))
                .orElseThrow(() -> new NotFoundException("monitoring of case", id));
    }

    @PostMapping("/cases/{id}/monitoring/weights")
    @Operation(summary = "Record a weight (0.5–350 kg) with the day it was measured; tocilizumab uses the latest")
    ResponseEntity<WeightMeasurement> weight(Actor actor, @PathVariable String id,
            @RequestBody(required = false) WeightRequest body) {
        WeightRequest in = body != null ? body : new WeightRequest(null, null);
        return ResponseEntity.status(201).body(monitoring.recordWeight(actor, CaseId.of(id), in.weightKg(), in.measuredOn()));
    }

    @GetMapping("/cases/{id}/monitoring/episodes")
    @Operation(summary = "CRS and ICANS episodes: onset, highest grade, resolution, with day numbers")
    List<ToxicityEpisode> episodes(Actor actor, @PathVariable String id) {
        return monitoring.episodes(actor, CaseId.of(id));
    }

    @GetMapping("/cases/{id}/monitoring/registry-windows")
    @Operation(summary = "Highest CRS and ICANS grade per registry period: day 0–100, day 101–6 months, 6 months–1"
            + " year, then each year")
    List<RegistryWindow> registryWindows(Actor actor, @PathVariable String id) {
        return monitoring.registryWindows(actor, CaseId.of(id));
    }

    @GetMapping("/monitoring-board")
    @Operation(summary = "Every patient of your centre from day 0 to day 28: day number, latest and highest grades,"
            + " temperature, tocilizumab, what is due and the label-driven dates")
    List<BoardRow> board(Actor actor) {
        return board.board(actor);
    }
}
