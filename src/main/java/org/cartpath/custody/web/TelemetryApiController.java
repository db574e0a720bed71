package org.cartpath.custody.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cartpath.custody.telemetry.CustodyAlert;
import org.cartpath.custody.telemetry.CustodyAlerts;
import org.cartpath.custody.telemetry.TelemetryIngest;
import org.cartpath.shared.AlertAcknowledgements;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Data-logger readings in batches, and the temperature alerts they raise. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Temperature", description = "Data-logger readings (CSV or JSON batches), excursions and alerts")
class TelemetryApiController {

    record AcknowledgementBody(@Size(max = AlertAcknowledgements.MAX_NOTE) String note) {
    }

    private final TelemetryIngest ingest;
    private final CustodyAlerts alerts;

    TelemetryApiController(TelemetryIngest ingest, CustodyAlerts alerts) {
        this.ingest = ingest;
        this.alerts = alerts;
    }

    @PostMapping(path = "/shippers/{shipperId}/temperature-readings", consumes = {"text/csv", "application/json"})
    @Operation(summary = "A batch of data-logger readings of a shipper (text/csv or application/json), up to 250,000",
            description = "CSV: header logger_id,read_at,celsius. JSON: {\"loggerId\"?, \"readings\": [{\"loggerId\", "
                    + "\"readAt\", \"celsius\"}]}. The whole batch is checked first: any bad row refuses it (400 "
                    + "invalid-readings, with 'row') and nothing is stored. Readings already stored are skipped, so a "
                    + "retry adds nothing. 404 unknown-shipper if your organisation takes part in no shipment with this "
                    + "shipper id. Excursions longer than the grace period raise an alert. " + CustodyApiController.IDEMPOTENCY)
    ResponseEntity<TelemetryIngest.Result> readings(Actor actor, @PathVariable String shipperId, HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType();
        TelemetryIngest.Result result = type.startsWith("text/csv")
                ? ingest.csv(actor, shipperId, new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))
                : ingest.json(actor, shipperId, request.getInputStream());
        return ResponseEntity.status(result.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @GetMapping("/custody-alerts")
    @Operation(summary = "Open temperature alerts of your centre's cases (coordinators and QA)")
    List<CustodyAlert> open(Actor actor) {
        return alerts.open(actor);
    }

    @PostMapping("/custody-alerts/{id}/acknowledgement")
    @Operation(summary = "Acknowledge an alert (coordinators and QA), with an optional note; once only"
            + " (409 alert-already-acknowledged)")
    CustodyAlert acknowledge(Actor actor, @PathVariable String id, @RequestBody(required = false) AcknowledgementBody body) {
        return alerts.acknowledge(actor, Ids.parse(id, "alert"), body == null ? null : body.note());
    }
}
