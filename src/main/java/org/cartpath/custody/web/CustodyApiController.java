package org.cartpath.custody.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentity;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemEvents;
import org.cartpath.custody.chain.ItemStore;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.overview.CaseCustody;
import org.cartpath.custody.overview.CustodyOverview;
import org.cartpath.custody.overview.ItemLocations;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain of identity and custody of a case over REST: its COI, its items and their event logs, and items per
 * location. Manufacturers and couriers that are parties of a case read it pseudonymised.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Chain of custody", description = "COI allocation, custody items and their append-only event logs")
class CustodyApiController {

    static final String IDEMPOTENCY = "Optional: a replay with the same key and body returns the first answer; the same"
            + " key with another body is 422 idempotency-key-reused; while the first is running, 409 idempotency-key-in-flight.";

    record EventRequest(
            @Size(max = TextLimits.SHORT) String type,
            @Size(max = TextLimits.SHORT) String occurredAt,
            @Size(max = TextLimits.SHORT) String place,
            Integer expectedVersion,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.SHORT) String password) {
    }

    private final ChainOfIdentity chainOfIdentity;
    private final CustodyOverview overview;
    private final ItemLocations locations;
    private final ItemEvents itemEvents;
    private final CustodyLog log;
    private final ItemStore items;
    private final CaseAccess access;

    CustodyApiController(ChainOfIdentity chainOfIdentity, CustodyOverview overview, ItemLocations locations,
            ItemEvents itemEvents, CustodyLog log, ItemStore items, CaseAccess access) {
        this.chainOfIdentity = chainOfIdentity;
        this.overview = overview;
        this.locations = locations;
        this.itemEvents = itemEvents;
        this.log = log;
        this.items = items;
        this.access = access;
    }

    @PostMapping("/cases/{id}/chain-of-identity")
    @Operation(summary = "Allocate the case's COI (idempotent: a case keeps the one it has)",
            description = "For the treating centre's coordinators, apheresis nurses and laboratory. 409 case-closed, "
                    + "422 no-fin when the centre has no ISBT 128 FIN.")
    CustodyResponses.Coi allocate(Actor actor, @PathVariable String id,
            @Parameter(description = IDEMPOTENCY) @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return CustodyResponses.Coi.of(chainOfIdentity.allocate(actor, CaseId.of(id)));
    }

    @GetMapping("/cases/{id}/chain-of-identity")
    @Operation(summary = "The case's COI; 404 if none is allocated yet")
    CustodyResponses.Coi coi(Actor actor, @PathVariable String id) {
        return chainOfIdentity.find(actor, CaseId.of(id)).map(CustodyResponses.Coi::of)
                .orElseThrow(() -> new NotFoundException("chain of identity identifier of case", id));
    }

    @GetMapping("/cases/{id}/custody")
    @Operation(summary = "The case's chain of custody: items, who holds them, the timeline, shipments and their temperature status")
    CustodyResponses.CaseChain chain(Actor actor, @PathVariable String id) {
        CaseCustody custody = overview.of(actor, CaseId.of(id));
        List<CustodyResponses.Item> views = custody.items().stream()
                .map(s -> CustodyResponses.Item.of(s.item(), s.custody(), List.of())).toList();
        return new CustodyResponses.CaseChain(custody.caseId().value(), custody.caseReference(), custody.productCode(),
                CustodyResponses.Coi.of(custody.coi()), custody.stopped(), custody.flagged(), views,
                custody.timeline().stream().map(CustodyResponses.TimelineRow::of).toList(),
                custody.shipments().stream().map(CustodyResponses.ShipmentSummary::of).toList());
    }

    @GetMapping("/custody-items/{id}")
    @Operation(summary = "An item, who holds it and where (derived from its log), and its whole event log")
    CustodyResponses.Item item(Actor actor, @PathVariable String id) {
        CustodyItem item = itemEvents.visibleItem(actor, Ids.parse(id, "custody item"));
        return view(actor, item);
    }

    @PostMapping("/custody-items/{id}/events")
    @Operation(summary = "Record what happened to an item: STORED, ISSUED, THAWED, ADMINISTERED, DESTROYED or RETURNED",
            description = "expectedVersion is the item's version you last saw: 409 custody-version-conflict (with "
                    + "currentVersion) if the log moved on. The holder records it (422 not-custodian); times may not be "
                    + "in the future (422 timestamp-in-future) or before the last event (422 out-of-order). People sign "
                    + "thawing, administration, destruction and return with their password. " + IDEMPOTENCY)
    ResponseEntity<CustodyResponses.Item> event(Actor actor, @PathVariable String id, @RequestBody EventRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID itemId = Ids.parse(id, "custody item");
        CustodyLog.Appended appended = itemEvents.record(actor, itemId, new ItemEvents.Request(body.type(),
                ApiFields.instant(body.occurredAt(), "occurredAt"), body.place(), body.expectedVersion(), body.reason(),
                body.password()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(actor, appended.item()));
    }

    @GetMapping("/custody-locations")
    @Operation(summary = "Items currently held, grouped by holder and place, of the cases your organisation is a party to")
    List<ItemLocations.Location> locations(Actor actor) {
        return locations.of(actor);
    }

    private CustodyResponses.Item view(Actor actor, CustodyItem item) {
        boolean identityVisible = access.view(actor, item.caseId()).identityVisible();
        List<CustodyResponses.Event> events = items.events(item.id()).stream()
                .map(e -> CustodyResponses.Event.of(e, identityVisible)).toList();
        return CustodyResponses.Item.of(item, log.custody(item), events);
    }
}
