package org.cartpath.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.MonitoringAlert;
import org.cartpath.monitoring.MonitoringAlerts;
import org.cartpath.shared.AlertAcknowledgements;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Monitoring alerts", description = "Alerts of the monitoring rule set (CRS grade 2 or more, any ICANS,"
        + " fever up to day 14, missed assessments) for the centre's consultants and coordinators")
class MonitoringAlertApiController {

    record AcknowledgementRequest(@Size(max = AlertAcknowledgements.MAX_NOTE) String note) {
    }

    private final MonitoringAlerts alerts;

    MonitoringAlertApiController(MonitoringAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/monitoring-alerts")
    @Operation(summary = "Your centre's alerts, unacknowledged first; include=all adds the acknowledged ones")
    List<MonitoringAlert> list(Actor actor, @RequestParam(defaultValue = "open") String include,
            @RequestParam(defaultValue = "100") int limit) {
        if (!include.equals("open") && !include.equals("all")) {
            throw ProblemException.invalid("include", "must be open or all");
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit", "must be between 1 and 200");
        }
        return alerts.alerts(actor, include.equals("all"), limit);
    }

    @GetMapping("/cases/{id}/monitoring-alerts")
    List<MonitoringAlert> ofCase(Actor actor, @PathVariable String id) {
        return alerts.alertsOfCase(actor, CaseId.of(id));
    }

    @PostMapping("/monitoring-alerts/{id}/acknowledgement")
    @Operation(summary = "Acknowledge an alert (consultants and coordinators), with an optional note; once only"
            + " (409 alert-already-acknowledged)")
    MonitoringAlert acknowledge(Actor actor, @PathVariable String id,
            @RequestBody(required = false) AcknowledgementRequest body) {
        return alerts.acknowledge(actor, Ids.parse(id, "alert"), body == null ? null : body.note());
    }
}
