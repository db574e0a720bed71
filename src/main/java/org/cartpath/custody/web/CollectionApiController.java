package org.cartpath.custody.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Recording a collection over REST: the bag is registered and its label printed, as on the case page. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Chain of custody", description = "COI allocation, custody items and their append-only event logs")
class CollectionApiController {

    record CollectionRequest(
            @Size(max = TextLimits.SHORT) String collectedAt,
            @Size(max = TextLimits.SHORT) String place,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.SHORT) String password) {
    }

    record Collection(String bagId, String printId, String din, String coi, LocalDate collectionDate,
            Instant printedAt) {
    }

    private final LabelPrinting printing;

    CollectionApiController(LabelPrinting printing) {
        this.printing = printing;
    }

    @PostMapping("/cases/{id}/collections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a collection: registers the bag, allocates its DIN and prints its label",
            description = "For the treating centre's apheresis nurses and laboratory, at 'Slot booked' or 'Cells "
                    + "collected' (409 not-at-collection). collectedAt defaults to now; in the future it is 422 "
                    + "timestamp-in-future. On another day than the booked apheresis day it is 422 "
                    + "collection-off-booked-day unless a reason is given and signed with the password (audited, and "
                    + "shown on the case). The label prints the recorded collection date (docs/clinical/dates.md).")
    Collection record(Actor actor, @PathVariable String id, @RequestBody(required = false) CollectionRequest body) {
        CollectionRequest request = body == null ? new CollectionRequest(null, null, null, null) : body;
        LabelPrint print = printing.newCollection(actor, CaseId.of(id), new LabelPrinting.CollectionRequest(
                ApiFields.instant(request.collectedAt(), "collectedAt"), request.place(), request.reason(),
                request.password()));
        return new Collection(print.itemId().toString(), print.id().toString(), print.din().value(),
                print.coi().content(), print.collectionDate(), print.printedAt());
    }
}
